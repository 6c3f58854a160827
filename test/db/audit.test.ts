import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeAudit } from '../../src/platform/audit.ts';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';

describeEachDatabase('the audit log writer on %s', (kind) => {
  let t: TestDatabase;
  let actor: { organisationId: string; userId: string; roles: ('hr' | 'leder')[] };
  beforeAll(async () => {
    t = await createTestDatabaseOf(kind);
    const org = await t.db
      .insertInto('organisation')
      .values({ name: 'Revisjon AS', orgnr: '889640782' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await t.db
      .insertInto('user_account')
      .values({ name: 'Hanne HR', email: 'hanne@example.no', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow();
    actor = { organisationId: org.id, userId: user.id, roles: ['hr', 'leder'] };
  });
  afterAll(async () => {
    await t?.close();
  });

  const rows = (entityType: string) =>
    t.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'actor_roles', 'action', 'entity_id', 'detail'])
      .where('entity_type', '=', entityType)
      .execute();

  it('has every one of many concurrent reads committed when its call returns', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `case-${i}`);
    await Promise.all(
      ids.map((id) =>
        writeAudit(t.db, actor, { action: 'read', entityType: 'bulk', entityId: id, detail: { n: 1 } }),
      ),
    );
    const written = await rows('bulk');
    expect(written.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
    expect(written.every((r) => r.actor_user_id === actor.userId && r.actor_roles === 'hr,leder')).toBe(true);
    expect(written[0]?.detail).toEqual({ n: 1 });
  });

  it('writes one entry right away too, and its caller sees it', async () => {
    await writeAudit(t.db, actor, { action: 'read', entityType: 'single', entityId: 'x' });
    expect(await rows('single')).toHaveLength(1);
  });

  it('fails only the bad entry of a batch; the others are written', async () => {
    const stranger = { ...actor, organisationId: '00000000-0000-4000-8000-000000000000' }; // no such organisation
    const results = await Promise.allSettled([
      writeAudit(t.db, actor, { action: 'read', entityType: 'mixed', entityId: 'a' }),
      writeAudit(t.db, stranger, { action: 'read', entityType: 'mixed', entityId: 'bad' }),
      writeAudit(t.db, actor, { action: 'read', entityType: 'mixed', entityId: 'b' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await rows('mixed')).map((r) => r.entity_id).sort()).toEqual(['a', 'b']);
  });

  it('keeps an entry written in a transaction inside it: rolled back with it', async () => {
    await t.db
      .transaction()
      .execute(async (trx) => {
        await writeAudit(trx, actor, { action: 'update', entityType: 'in-trx', entityId: 'y' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await rows('in-trx')).toHaveLength(0);
  });
});
