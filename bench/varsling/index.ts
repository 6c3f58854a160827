/**
 * bench/varsling — the anonymous varsling channel (issue 15, ADR 0010):
 * (1) 200 anonymous submissions, each a report (`POST …/kanal/:kanal/varsel`) followed by a 5 MB
 *     attachment (`POST …/postkasse/vedlegg`, metadata stripped, sealed), one at a time (BENCH_VARSLING_CONCURRENCY), over 4
 *     organisations (the per-organisation budget is 60 reports per 10 minutes). Goal: none lost
 *     (200 cases and 200 files stored), p99 of a whole submission ≤ 1 s.
 * (2) receipt-code checks (`caseByReceiptCode`: the lookup and one argon2id verification) for valid
 *     codes and for invalid ones (half with unknown first digits, half with a known prefix and a wrong
 *     secret), interleaved; the two distributions are reported. Goal: the same cost — medians within
 *     10 % — so the answer time does not reveal whether a code exists.
 * On PGlite, and on PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app/build-app.ts';
import { openAppDatabase } from '../../src/app/database.ts';
import { caseByReceiptCode, ensureChannel, loadKeyring } from '../../src/modules/varsling/index.ts';

const SUBMISSIONS = Number(process.env.BENCH_VARSLING_SUBMISSIONS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_VARSLING_CONCURRENCY ?? 1);
const ORGS = 4;
const FILE_BYTES = 5_000_000;
const CHECKS = 200;

const dir = mkdtempSync(join(tmpdir(), 'naervaer-bench-varsling-'));
process.env.NAERVAER_VARSLING_KEY_FILE = join(dir, 'varsling-keys.json');

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return { n: values.length, mean, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}
const fmt = (s: ReturnType<typeof stats>) =>
  `n=${s.n} mean=${s.mean.toFixed(1)} p50=${s.p50.toFixed(1)} p90=${s.p90.toFixed(1)} p99=${s.p99.toFixed(1)} max=${s.max.toFixed(1)} ms`;

function multipart(code: string, data: Buffer) {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="code"\r\n\r\n${code}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="fil"; filename="bevis.txt"\r\nContent-Type: text/plain\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

async function run(label: string, databaseUrl: string | undefined): Promise<boolean> {
  const database = await openAppDatabase(
    databaseUrl ? { databaseUrl } : { dataDir: join(dir, `data-${label}`) },
  );
  const db = database.db;
  const app = await buildApp({ db, logLevel: 'silent' });
  await app.ready();
  try {
    const keyring = await loadKeyring();
    const channels: string[] = [];
    for (let o = 0; o < ORGS; o++) {
      const org = await db
        .insertInto('organisation')
        .values({ name: `Bench varsling ${o}`, orgnr: `92000010${o}` })
        .returning('id')
        .executeTakeFirstOrThrow();
      const user = await db
        .insertInto('user_account')
        .values({ name: `Mottaker ${o}`, email: `mottaker${o}-${label}@bench.example`, password_hash: 'x' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('membership').values({ organisation_id: org.id, user_id: user.id }).execute();
      await db.insertInto('varsling_handler').values({ organisation_id: org.id, user_id: user.id }).execute();
      channels.push(await ensureChannel(db, org.id, keyring));
    }
    const csrf = randomBytes(16).toString('hex');
    const headers = { cookie: `naervaer_csrf=${csrf}`, 'x-csrf-token': csrf };
    const file = Buffer.alloc(FILE_BYTES, 'Bevis for forholdet. ');

    // (1) Submissions with a 5 MB attachment.
    const times: number[] = [];
    const codes: { channel: string; organisationId: string; code: string }[] = [];
    const failures: string[] = [];
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= SUBMISSIONS) return;
        const kanal = channels[i % ORGS] ?? '';
        const t0 = performance.now();
        const sent = await app.inject({
          method: 'POST',
          url: `/api/v1/varsling/kanal/${kanal}/varsel`,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: JSON.stringify({ what: `Bench-varsel ${i}`, reportedBefore: 'nei' }),
        });
        if (sent.statusCode !== 201) {
          failures.push(`report ${i}: ${sent.statusCode} ${sent.body}`);
          continue;
        }
        const code = (sent.json() as { receiptCode: string }).receiptCode;
        const { body, type } = multipart(code, file);
        const uploaded = await app.inject({
          method: 'POST',
          url: `/api/v1/varsling/kanal/${kanal}/postkasse/vedlegg`,
          headers: { ...headers, 'content-type': type },
          payload: body,
        });
        if (uploaded.statusCode !== 201)
          failures.push(`file ${i}: ${uploaded.statusCode} ${uploaded.body.slice(0, 200)}`);
        times.push(performance.now() - t0);
        const org = await db
          .selectFrom('varsling_channel')
          .select('organisation_id')
          .where('id', '=', kanal)
          .executeTakeFirstOrThrow();
        codes.push({ channel: kanal, organisationId: org.organisation_id, code: code.replace(/ /g, '') });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const wall = performance.now() - started;
    const cases = Number(
      (
        await db
          .selectFrom('varsling_case')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const files = Number(
      (
        await db
          .selectFrom('varsling_file')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const submit = stats(times);
    process.stdout.write(
      `[${label}] ${SUBMISSIONS} submissions with a ${(FILE_BYTES / 1e6).toFixed(0)} MB attachment, ${CONCURRENCY} at a time: ${fmt(submit)}; wall ${(wall / 1000).toFixed(1)} s\n` +
        `[${label}] stored: ${cases} cases, ${files} files; failures: ${failures.length}${failures.length ? `\n  ${failures.slice(0, 3).join('\n  ')}` : ''}\n`,
    );

    // (2) Receipt-code checks, valid and invalid interleaved.
    const valid: number[] = [];
    const invalid: number[] = [];
    for (let i = 0; i < CHECKS; i++) {
      const sample = codes[i % codes.length];
      if (!sample) break;
      const known = i % 2 === 0;
      let code = sample.code;
      if (i % 4 === 1)
        code = `${sample.code.slice(0, 6)}${String(Number(sample.code.slice(6)) + 1)
          .padStart(10, '0')
          .slice(-10)}`;
      if (i % 4 === 3)
        code = Array.from({ length: 16 }, () => String(Math.floor(Math.random() * 10))).join('');
      const t0 = performance.now();
      const found = await caseByReceiptCode(db, sample.organisationId, code);
      const ms = performance.now() - t0;
      if (known) {
        if (!found) failures.push(`valid code ${i} not found`);
        valid.push(ms);
      } else {
        invalid.push(ms);
      }
    }
    const v = stats(valid);
    const x = stats(invalid);
    const diff = Math.abs(v.p50 - x.p50) / Math.max(v.p50, x.p50);
    process.stdout.write(
      `[${label}] receipt-code check, valid:   ${fmt(v)}\n` +
        `[${label}] receipt-code check, invalid: ${fmt(x)}\n` +
        `[${label}] median difference ${(diff * 100).toFixed(1)} %\n`,
    );
    const ok =
      failures.length === 0 &&
      cases === SUBMISSIONS &&
      files === SUBMISSIONS &&
      submit.p99 <= 1000 &&
      diff <= 0.1;
    process.stdout.write(
      `[${label}] goals (none lost, p99 ≤ 1 s, medians within 10 %): ${ok ? 'met' : 'NOT MET'}\n`,
    );
    return ok;
  } finally {
    await app.close();
    await database.close();
  }
}

const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
let ok = await run('pglite', undefined);
if (url) ok = (await run('postgres', url)) && ok;
rmSync(dir, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
