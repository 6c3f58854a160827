/**
 * Issue 10, «English mode: catalogue items stay Norwegian»: the default tilrettelegging catalogue is
 * stored once, in bokmål with each row's `seed_key`, and shown in the reader's language while the row
 * is untouched; a person's edit makes the text theirs (the key is cleared) in both languages; an
 * English reader switching an item off keeps it the default. The letter to the doctor quotes bokmål
 * whatever the writer's language. Migration 0058 gives existing untouched rows their key. Checked
 * through the API and in the stored rows on both databases.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type {
  ArbeidDto,
  LegebrevDraftDto,
  TiltakDto,
} from '../../src/contracts/dokumenter/katalog.schemas.ts';
import { DEFAULT_ARBEID, DEFAULT_TILTAK } from '../../src/modules/dokumenter/katalog.defaults.ts';
import { mapSeedKeys } from '../../src/modules/dokumenter/migrations/0058-katalog-seed-key.ts';
import { describeEachDatabase } from '../support/each-database.ts';
import { createTestApp, expectStatus, type TestApp, type TestClient } from '../support/http.ts';
import { buildSickOrg, type SickOrg } from '../support/sykefravaer-org.ts';

const K = '/api/v1/katalog';
/** An item as the web app sends it back on an edit (everything but its id). */
const body = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
type List<T> = { items: T[] };

const inLocale = <T>(client: TestClient, locale: 'nb' | 'en', url: string) =>
  client.request<T>('GET', url, undefined, { 'accept-language': locale });
const putIn = <T>(client: TestClient, locale: 'nb' | 'en', url: string, body: unknown) =>
  client.request<T>('PUT', url, body, { 'accept-language': locale });

describeEachDatabase('the default catalogue in the reader’s language on %s', (kind) => {
  let t: TestApp;
  let org: SickOrg;
  beforeAll(async () => {
    t = await createTestApp(kind);
    org = await buildSickOrg(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const tiltak = async (locale: 'nb' | 'en') =>
    expectStatus(await inLocale<List<TiltakDto>>(org.clients.lederA, locale, `${K}/tiltak`), 200).body.items;
  const arbeid = async (locale: 'nb' | 'en') =>
    expectStatus(await inLocale<List<ArbeidDto>>(org.clients.lederA, locale, `${K}/arbeid`), 200).body.items;
  const storedTiltak = () =>
    t.db
      .selectFrom('tilrettelegging_tiltak')
      .select(['id', 'title', 'description', 'seed_key'])
      .where('organisation_id', '=', org.orgId)
      .orderBy('sort')
      .execute();

  it('the same rows read in bokmål and in English; stored once, in bokmål, with their seed key', async () => {
    const nb = await tiltak('nb');
    const en = await tiltak('en');
    expect(en.map((i) => i.id)).toEqual(nb.map((i) => i.id));
    expect(nb.map((i) => i.title).sort()).toEqual(DEFAULT_TILTAK.map((d) => d.title.nb).sort());
    expect(en.map((i) => i.title).sort()).toEqual(DEFAULT_TILTAK.map((d) => d.title.en).sort());
    expect(en.find((i) => i.title === 'Sit-stand desk')?.description).toBe(
      'A desk that can be set at sitting and standing height.',
    );
    expect(nb.find((i) => i.title === 'Hev-senk-bord')?.description).toBe(
      'Arbeidsbord som kan stilles i sittende og stående høyde.',
    );
    const arbeidEn = await arbeid('en');
    expect(arbeidEn.map((a) => a.title).sort()).toEqual(DEFAULT_ARBEID.map((d) => d.title.en).sort());
    expect((await arbeid('nb')).map((a) => a.title)).toContain('Oppfølging av lærlinger');

    const stored = await storedTiltak();
    expect(stored.map((r) => r.title).sort()).toEqual(DEFAULT_TILTAK.map((d) => d.title.nb).sort());
    expect(stored.map((r) => r.seed_key).sort()).toEqual(DEFAULT_TILTAK.map((d) => d.key).sort());
    // No English prose is stored anywhere in the catalogue.
    expect(stored.some((r) => r.title === 'Sit-stand desk')).toBe(false);
  });

  it('an English reader who only switches an item off keeps it the default (still bokmål for others)', async () => {
    const desk = (await tiltak('en')).find((i) => i.title === 'Sit-stand desk')!;
    const off = expectStatus(
      await putIn<TiltakDto>(org.clients.hr, 'en', `${K}/tiltak/${desk.id}`, {
        ...body(desk),
        active: false,
      }),
      200,
    ).body;
    expect(off).toMatchObject({ title: 'Sit-stand desk', active: false });
    const row = (await storedTiltak()).find((r) => r.id === desk.id);
    expect(row).toMatchObject({ title: 'Hev-senk-bord', seed_key: 'hev-senk-bord' });
    expect((await tiltak('nb')).find((i) => i.id === desk.id)).toMatchObject({
      title: 'Hev-senk-bord',
      active: false,
    });
  });

  it('an edited default item is the user’s text, the same in both languages; a new item too', async () => {
    const lift = (await tiltak('nb')).find((i) => i.title === 'Løfteutstyr')!;
    const edit = { ...body(lift), title: 'Løftehjelp på lageret', description: 'Truck og løftebord.' };
    expectStatus(await putIn(org.clients.hr, 'nb', `${K}/tiltak/${lift.id}`, edit), 200);
    for (const locale of ['nb', 'en'] as const) {
      expect((await tiltak(locale)).find((i) => i.id === lift.id)).toMatchObject({
        title: 'Løftehjelp på lageret',
        description: 'Truck og løftebord.',
      });
    }
    expect((await storedTiltak()).find((r) => r.id === lift.id)?.seed_key).toBeNull();

    // An English reader's edit is kept as typed, in English, for every reader.
    const course = (await arbeid('en')).find((a) => a.title === 'Courses and e-learning')!;
    expectStatus(
      await putIn(org.clients.hr, 'en', `${K}/arbeid/${course.id}`, {
        ...body(course),
        description: 'Online courses from our own academy.',
      }),
      200,
    );
    for (const locale of ['nb', 'en'] as const) {
      expect((await arbeid(locale)).find((a) => a.id === course.id)).toMatchObject({
        title: 'Courses and e-learning',
        description: 'Online courses from our own academy.',
      });
    }

    const created = expectStatus(
      await org.clients.hr.post<TiltakDto>(`${K}/tiltak`, { kind: 'fysisk', title: 'Egen stol' }),
      201,
    ).body;
    expect((await tiltak('en')).find((i) => i.id === created.id)?.title).toBe('Egen stol');
    const stored = await t.db
      .selectFrom('tilrettelegging_tiltak')
      .select('seed_key')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(stored.seed_key).toBeNull();
  });

  it('the letter to the doctor quotes the default items in bokmål, also when written in English', async () => {
    const url = `/api/v1/sykefravaer/employees/${org.employees.sick}/legebrev`;
    const draft = expectStatus(await inLocale<LegebrevDraftDto>(org.clients.lederA, 'en', url), 200).body;
    const measure = draft.tiltak.find((m) => m.title === 'Closer follow-up from the leader')!;
    const task = draft.arbeid.find((a) => a.title === 'Ordering supplies')!;
    const preview = expectStatus(
      await org.clients.lederA.request<{ letter: { blocks: { bullets: string[] }[] } }>(
        'POST',
        `${url}/preview`,
        {
          selectedTiltakIds: [measure.id],
          selectedArbeidIds: [task.id],
          usualTasks: '',
          extraText: '',
          contact: draft.contact,
        },
        { 'accept-language': 'en' },
      ),
      200,
    ).body;
    const bullets = preview.letter.blocks.flatMap((b) => b.bullets);
    expect(bullets).toEqual([
      'Bestilling av materiell: Holde oversikt over lager og bestille det som trengs.',
      'Tettere oppfølging fra leder: Korte, faste samtaler med nærmeste leder, for eksempel hver uke.',
    ]);
  });

  it('migration 0058 gives untouched rows seeded before it their key, never an edited row', async () => {
    const before = await storedTiltak();
    await t.db
      .updateTable('tilrettelegging_tiltak')
      .set({ seed_key: null })
      .where('organisation_id', '=', org.orgId)
      .execute();
    await mapSeedKeys(t.db);
    await mapSeedKeys(t.db);
    const after = await storedTiltak();
    expect(after.map((r) => [r.id, r.seed_key])).toEqual(before.map((r) => [r.id, r.seed_key]));
    // The edited «Løfteutstyr» and the new item stayed without a key.
    expect(
      after
        .filter((r) => r.seed_key === null)
        .map((r) => r.title)
        .sort(),
    ).toEqual(['Egen stol', 'Løftehjelp på lageret']);
  });
});
