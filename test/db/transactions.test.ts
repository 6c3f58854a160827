import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabaseOf, type TestDatabase } from '../support/db.ts';
import { describeEachDatabase } from '../support/each-database.ts';

type BankTables = {
  account: { id: number; balance: number };
  transfer: { id: number; from_id: number; to_id: number; amount: number };
};

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const tick = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describeEachDatabase('concurrent transactions on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabaseOf(kind);
    await sql`
      create table account (id int primary key, balance int not null check (balance >= 0));
      create table transfer (id int primary key, from_id int not null, to_id int not null, amount int not null);
      insert into account values (1, 1000), (2, 1000), (3, 1000), (4, 1000);
    `.execute(t.db);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps the total and applies each committed transfer exactly once (20 concurrent, some rolled back)', async () => {
    const db = t.db.withTables<BankTables>();
    const random = prng(kind === 'pglite' ? 7 : 11);
    const transfers = Array.from({ length: 20 }, (_, i) => {
      const from = 1 + Math.floor(random() * 4);
      const to = 1 + ((from + Math.floor(random() * 3)) % 4);
      return { id: i + 1, from, to, amount: 1 + Math.floor(random() * 50), rollback: i % 4 === 3 };
    });

    const outcomes = await Promise.allSettled(
      transfers.map((tr) =>
        db.transaction().execute(async (trx) => {
          // Lock both rows in id order (no deadlock on PostgreSQL), read, yield, then write:
          // without exclusive use of the connection, PGlite would interleave these statements.
          const rows = await trx
            .selectFrom('account')
            .select(['id', 'balance'])
            .where('id', 'in', [tr.from, tr.to])
            .orderBy('id')
            .forUpdate()
            .execute();
          await tick(Math.floor(random() * 5));
          const balance = (id: number) => rows.find((r) => r.id === id)?.balance ?? Number.NaN;
          await trx
            .updateTable('account')
            .set({ balance: balance(tr.from) - tr.amount })
            .where('id', '=', tr.from)
            .execute();
          await tick(1);
          await trx
            .updateTable('account')
            .set({ balance: balance(tr.to) + tr.amount })
            .where('id', '=', tr.to)
            .execute();
          await trx
            .insertInto('transfer')
            .values({ id: tr.id, from_id: tr.from, to_id: tr.to, amount: tr.amount })
            .execute();
          if (tr.rollback) throw new Error(`rollback ${tr.id}`);
        }),
      ),
    );

    const committed = transfers.filter((tr) => !tr.rollback);
    expect(outcomes.map((o) => o.status)).toEqual(
      transfers.map((tr) => (tr.rollback ? 'rejected' : 'fulfilled')),
    );

    const accounts = await db.selectFrom('account').select(['id', 'balance']).orderBy('id').execute();
    const expected = [1, 2, 3, 4].map((id) => ({
      id,
      balance:
        1000 +
        committed.filter((tr) => tr.to === id).reduce((sum, tr) => sum + tr.amount, 0) -
        committed.filter((tr) => tr.from === id).reduce((sum, tr) => sum + tr.amount, 0),
    }));
    expect(accounts).toEqual(expected);
    expect(accounts.reduce((sum, a) => sum + a.balance, 0)).toBe(4000);
    const logged = await db.selectFrom('transfer').select('id').orderBy('id').execute();
    expect(logged.map((r) => r.id)).toEqual(committed.map((tr) => tr.id));
  });

  it('releases the connection after a failed statement, inside and outside a transaction', async () => {
    const db = t.db.withTables<BankTables>();
    await expect(sql`select * from no_such_table`.execute(db)).rejects.toThrow(/no_such_table/);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('account').set({ balance: 0 }).where('id', '=', 1).execute();
        await sql`select 1 / 0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    const total = await db
      .selectFrom('account')
      .select((eb) => eb.fn.sum<number>('balance').as('total'))
      .executeTakeFirstOrThrow();
    expect(Number(total.total)).toBe(4000);
  });

  it('supports savepoints (nested transactions) and reports affected rows', async () => {
    const db = t.db.withTables<BankTables>();
    const trx = await db.startTransaction().execute();
    const sp = await trx.savepoint('before_bonus').execute();
    await sp.updateTable('account').set({ balance: 999_999 }).execute();
    await sp.rollbackToSavepoint('before_bonus').execute();
    await sp.commit().execute();
    const result = await db
      .updateTable('account')
      .set((eb) => ({ balance: eb('balance', '+', 0) }))
      .executeTakeFirst();
    expect(result.numUpdatedRows).toBe(4n);
    const raw = await sql`update account set balance = balance where id <= 2`.execute(db);
    expect(raw.numAffectedRows).toBe(2n);
    const total = await db
      .selectFrom('account')
      .select((eb) => eb.fn.sum<number>('balance').as('total'))
      .executeTakeFirstOrThrow();
    expect(Number(total.total)).toBe(4000);
  });
});
