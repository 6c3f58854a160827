/**
 * Encryption at rest for varsling (ADR 0010). Each organisation's channel has an X25519 key pair:
 * report text, messages and outcome reasons are libsodium sealed boxes to its public key
 * (`crypto_box_seal`), so writing needs no secret. The channel's secret key (and the key that tags a
 * logged-in reporter's reports) is stored in the database only *wrapped* — `crypto_secretbox` under a
 * master key that lives outside the database: a key file, or the `NAERVAER_VARSLING_KEYS` setting.
 * A database dump or backup alone therefore reveals no report.
 *
 * Where the master key comes from, first match wins:
 * 1. `NAERVAER_VARSLING_KEYS` — `id:base64key[,id:base64key…]`, the first is current;
 * 2. the key file `NAERVAER_VARSLING_KEY_FILE`, default `<NAERVAER_DATA_DIR or ./data>/varsling-keys.json`,
 *    created (mode 0600) with a new random key on first use, so `npm start` works with no setup.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type sodium from 'libsodium-wrappers';
import { z } from 'zod';
import type { Database, Db } from '../../db/schema.ts';

export const KEY_FILE_FORMAT = 'naervaer-varsling-keys/1';

export type MasterKey = { id: string; key: Uint8Array };
export type Keyring = {
  /** Wraps new and re-wrapped channel keys. */
  current: MasterKey;
  /** Every key that may unwrap (current first; older ones during a rotation). */
  all: ReadonlyMap<string, Uint8Array>;
  /** Where the keys came from: the file's path, or `env`. */
  source: string;
};

const KeyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  keys: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
        key: z.string(),
        created: z.string().optional(),
      }),
    )
    .min(1),
});
type KeyFile = z.infer<typeof KeyFileSchema>;

export class VarslingKeyError extends Error {}

let ready: Promise<typeof sodium> | null = null;
/**
 * libsodium's WebAssembly, loaded once — on the first use, not at start-up: only the varsling
 * channel needs it, and loading it cost every start of the app (issue 9: start-up time).
 */
export function sodiumReady(): Promise<typeof sodium> {
  ready ??= import('libsodium-wrappers').then(async (module) => {
    await module.default.ready;
    return module.default;
  });
  return ready;
}

/** The key file's path from the environment (used when `NAERVAER_VARSLING_KEYS` is not set). */
export function keyFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.NAERVAER_VARSLING_KEY_FILE ?? join(env.NAERVAER_DATA_DIR ?? './data', 'varsling-keys.json');
}

function decodeKey(id: string, value: string, where: string): MasterKey {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) {
    throw new VarslingKeyError(
      `Varslingsnøkkelen «${id}» i ${where} må være 32 byte i base64 / the varsling key «${id}» in ${where} must be 32 bytes, base64`,
    );
  }
  return { id, key: new Uint8Array(key) };
}

function toKeyring(keys: MasterKey[], source: string): Keyring {
  const [current] = keys;
  if (!current)
    throw new VarslingKeyError(`Ingen varslingsnøkkel i ${source} / no varsling key in ${source}`);
  return { current, all: new Map(keys.map((k) => [k.id, k.key])), source };
}

export function newMasterKey(): MasterKey {
  const day = new Date().toISOString().slice(0, 10);
  return { id: `k${day}-${randomBytes(3).toString('hex')}`, key: new Uint8Array(randomBytes(32)) };
}

export async function readKeyFile(path: string): Promise<MasterKey[]> {
  const parsed = KeyFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    throw new VarslingKeyError(`Ugyldig nøkkelfil ${path} / invalid key file ${path}`);
  }
  return parsed.data.keys.map((k) => decodeKey(k.id, k.key, path));
}

/** Writes the key file atomically (a temp file renamed over it), readable by the owner only. */
export async function writeKeyFile(path: string, keys: readonly MasterKey[]): Promise<void> {
  const body: KeyFile = {
    format: KEY_FILE_FORMAT,
    keys: keys.map((k) => ({ id: k.id, key: Buffer.from(k.key).toString('base64') })),
  };
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
  await rename(temp, path);
}

async function loadOrCreateFile(path: string): Promise<MasterKey[]> {
  try {
    return await readKeyFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = newMasterKey();
  const body: KeyFile = {
    format: KEY_FILE_FORMAT,
    keys: [{ id: key.id, key: Buffer.from(key.key).toString('base64'), created: new Date().toISOString() }],
  };
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // `wx`: another process that created it first wins, and we read theirs.
    await writeFile(path, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    return [key];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(path);
    throw error;
  }
}

const keyrings = new Map<string, Promise<Keyring>>();

/** The master keys, from the setting or the key file (created on first use). Cached per source. */
export function loadKeyring(env: NodeJS.ProcessEnv = process.env): Promise<Keyring> {
  const inline = env.NAERVAER_VARSLING_KEYS;
  const source = inline ? 'env' : keyFilePath(env);
  let keyring = keyrings.get(inline ? `env:${inline}` : source);
  if (!keyring) {
    keyring = inline
      ? Promise.resolve(
          toKeyring(
            inline.split(',').map((part) => {
              const [id, value] = part.trim().split(':');
              if (!id || !value) {
                throw new VarslingKeyError(
                  'NAERVAER_VARSLING_KEYS: skriv id:base64[,id:base64] / write id:base64[,id:base64]',
                );
              }
              return decodeKey(id, value, 'NAERVAER_VARSLING_KEYS');
            }),
            'env',
          ),
        )
      : loadOrCreateFile(source).then((keys) => toKeyring(keys, source));
    keyring.catch(() => keyrings.delete(source));
    keyrings.set(inline ? `env:${inline}` : source, keyring);
  }
  return keyring;
}

/** Forget cached keyrings (after a rotation rewrote the file). */
export function forgetKeyrings(): void {
  keyrings.clear();
}

/** The channel's opened keys (in memory for one request only). */
export type ChannelKeys = {
  channelId: string;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  /** Keys the BLAKE2b tag of a logged-in reporter's user id. */
  tagKey: Uint8Array;
  keyVersion: number;
};

function wrap(s: typeof sodium, master: MasterKey, plain: Uint8Array): Uint8Array {
  const nonce = s.randombytes_buf(s.crypto_secretbox_NONCEBYTES);
  const box = s.crypto_secretbox_easy(plain, nonce, master.key);
  const out = new Uint8Array(nonce.length + box.length);
  out.set(nonce);
  out.set(box, nonce.length);
  return out;
}

function unwrap(s: typeof sodium, key: Uint8Array, wrapped: Uint8Array): Uint8Array {
  const nonce = wrapped.subarray(0, s.crypto_secretbox_NONCEBYTES);
  return s.crypto_secretbox_open_easy(wrapped.subarray(s.crypto_secretbox_NONCEBYTES), nonce, key);
}

/** Creates the organisation's channel (a new key pair and tag key) unless it exists; returns its id. */
export async function ensureChannel(db: Db, organisationId: string, keyring: Keyring): Promise<string> {
  const existing = await db
    .selectFrom('varsling_channel')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  if (existing) return existing.id;
  const s = await sodiumReady();
  const pair = s.crypto_box_keypair();
  const secrets = new Uint8Array(64);
  secrets.set(pair.privateKey);
  secrets.set(s.randombytes_buf(32), 32);
  const row = await db
    .insertInto('varsling_channel')
    .values({
      organisation_id: organisationId,
      public_key: pair.publicKey,
      wrapped_keys: wrap(s, keyring.current, secrets),
      wrap_key_id: keyring.current.id,
    })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) return row.id;
  const again = await db
    .selectFrom('varsling_channel')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  return again.id;
}

/** The channel's public key (enough to seal a report). */
export async function channelPublicKey(
  db: Db,
  organisationId: string,
): Promise<{ publicKey: Uint8Array; keyVersion: number } | null> {
  const row = await db
    .selectFrom('varsling_channel')
    .select(['public_key', 'key_version'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row ? { publicKey: new Uint8Array(row.public_key), keyVersion: row.key_version } : null;
}

/** Unwraps the channel's keys with the master key that wrapped them. */
export async function openChannelKeys(
  db: Db,
  organisationId: string,
  keyring: Keyring,
): Promise<ChannelKeys> {
  const row = await db
    .selectFrom('varsling_channel')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const master = keyring.all.get(row.wrap_key_id);
  if (!master) {
    throw new VarslingKeyError(
      `Varslingskanalen er kryptert med nøkkelen «${row.wrap_key_id}», som mangler i ${keyring.source} / the channel's key «${row.wrap_key_id}» is missing from ${keyring.source}`,
    );
  }
  const s = await sodiumReady();
  const secrets = unwrap(s, master, new Uint8Array(row.wrapped_keys));
  return {
    channelId: row.id,
    publicKey: new Uint8Array(row.public_key),
    secretKey: secrets.slice(0, 32),
    tagKey: secrets.slice(32, 64),
    keyVersion: row.key_version,
  };
}

/**
 * Large bytes as a query parameter: a base64 string the database decodes. PGlite serializes a bytea
 * parameter slowly (≈ 2.5 s for 5 MB), and the cost of a text parameter grows with its length (≈ 25 ns
 * a character on this machine): base64 is 4/3 of the bytes where hex was 2× (docs/performance.md,
 * «Varsling»). PostgreSQL takes all three.
 */
export function bytesParam(data: Uint8Array): RawBuilder<Uint8Array> {
  return sql<Uint8Array>`decode(${Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64')}, 'base64')`;
}

export async function seal(publicKey: Uint8Array, value: unknown): Promise<Uint8Array> {
  const s = await sodiumReady();
  return s.crypto_box_seal(new TextEncoder().encode(JSON.stringify(value)), publicKey);
}

export async function unseal(keys: ChannelKeys, box: Uint8Array): Promise<unknown> {
  const s = await sodiumReady();
  const plain = s.crypto_box_seal_open(new Uint8Array(box), keys.publicKey, keys.secretKey);
  return JSON.parse(new TextDecoder().decode(plain));
}

/** A keyed hash of a logged-in reporter's user id: finds their reports, names nobody in a dump. */
export async function reporterTag(tagKey: Uint8Array, userId: string): Promise<Uint8Array> {
  const s = await sodiumReady();
  return s.crypto_generichash(32, new TextEncoder().encode(`varsler:${userId}`), tagKey);
}

/**
 * Master-key rotation (operator, docs/varsling-drift.md): re-wraps every channel's keys under
 * `next` in one transaction. Reports are not touched (they are sealed to the channel keys).
 * Returns the number of channels re-wrapped.
 */
export async function rewrapChannels(
  db: Kysely<Database>,
  keyring: Keyring,
  next: MasterKey,
): Promise<number> {
  const s = await sodiumReady();
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('varsling_channel').selectAll().forUpdate().execute();
    for (const row of rows) {
      const old = keyring.all.get(row.wrap_key_id) ?? (row.wrap_key_id === next.id ? next.key : undefined);
      if (!old)
        throw new VarslingKeyError(
          `Mangler nøkkelen «${row.wrap_key_id}» / missing key «${row.wrap_key_id}»`,
        );
      const secrets = unwrap(s, old, new Uint8Array(row.wrapped_keys));
      await trx
        .updateTable('varsling_channel')
        .set({ wrapped_keys: wrap(s, next, secrets), wrap_key_id: next.id })
        .where('organisation_id', '=', row.organisation_id)
        .execute();
    }
    return rows.length;
  });
}

/**
 * Rotates the master key in the key file: adds a new key (the file then holds both), re-wraps every
 * channel under it, and only after that commit removes the old keys. A crash in between leaves a
 * file that still opens everything.
 */
export async function rotateMasterKey(
  db: Kysely<Database>,
  path: string,
): Promise<{ keyId: string; channels: number }> {
  if (!existsSync(path)) {
    throw new VarslingKeyError(`Fant ingen nøkkelfil ${path} / no key file at ${path}`);
  }
  const old = await readKeyFile(path);
  const next = newMasterKey();
  await writeKeyFile(path, [next, ...old]);
  const keyring = toKeyring([next, ...old], path);
  const channels = await rewrapChannels(db, keyring, next);
  await writeKeyFile(path, [next]);
  forgetKeyrings();
  return { keyId: next.id, channels };
}

/**
 * Channel-key rotation (e.g. when a handler with a copy of decrypted data left, or on a schedule):
 * a new key pair for one organisation; every report, reason, hold reason, message, checklist entry and
 * file is opened with the old key
 * and sealed to the new one in one transaction. The reporter-tag key stays.
 */
export async function rotateChannelKey(
  db: Kysely<Database>,
  organisationId: string,
  keyring: Keyring,
): Promise<{ keyVersion: number; rows: number }> {
  const s = await sodiumReady();
  return db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('varsling_channel')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const old = await openChannelKeys(trx, organisationId, keyring);
    const pair = s.crypto_box_keypair();
    const reseal = (box: Uint8Array) =>
      s.crypto_box_seal(
        s.crypto_box_seal_open(new Uint8Array(box), old.publicKey, old.secretKey),
        pair.publicKey,
      );
    const keyVersion = old.keyVersion + 1;
    let rows = 0;
    const cases = await trx
      .selectFrom('varsling_case')
      .select(['id', 'report', 'outcome_reason', 'legal_hold_reason'])
      .where('organisation_id', '=', organisationId)
      .execute();
    for (const c of cases) {
      await trx
        .updateTable('varsling_case')
        .set({
          report: reseal(c.report),
          outcome_reason: c.outcome_reason === null ? null : reseal(c.outcome_reason),
          legal_hold_reason: c.legal_hold_reason === null ? null : reseal(c.legal_hold_reason),
          key_version: keyVersion,
        })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', c.id)
        .execute();
      rows += 1;
    }
    const messages = await trx
      .selectFrom('varsling_message')
      .select(['id', 'body'])
      .where('organisation_id', '=', organisationId)
      .execute();
    for (const m of messages) {
      await trx
        .updateTable('varsling_message')
        .set({ body: reseal(m.body), key_version: keyVersion })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', m.id)
        .execute();
      rows += 1;
    }
    const checks = await trx
      .selectFrom('varsling_retaliation')
      .select(['id', 'detail'])
      .where('organisation_id', '=', organisationId)
      .execute();
    for (const r of checks) {
      await trx
        .updateTable('varsling_retaliation')
        .set({ detail: reseal(r.detail), key_version: keyVersion })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', r.id)
        .execute();
      rows += 1;
    }
    const files = await trx
      .selectFrom('varsling_file')
      .select(['id', 'meta', 'content'])
      .where('organisation_id', '=', organisationId)
      .execute();
    for (const f of files) {
      await trx
        .updateTable('varsling_file')
        .set({ meta: reseal(f.meta), content: bytesParam(reseal(f.content)), key_version: keyVersion })
        .where('organisation_id', '=', organisationId)
        .where('id', '=', f.id)
        .execute();
      rows += 1;
    }
    const secrets = new Uint8Array(64);
    secrets.set(pair.privateKey);
    secrets.set(old.tagKey, 32);
    await trx
      .updateTable('varsling_channel')
      .set({
        public_key: pair.publicKey,
        wrapped_keys: wrap(s, keyring.current, secrets),
        wrap_key_id: keyring.current.id,
        key_version: keyVersion,
      })
      .where('organisation_id', '=', organisationId)
      .execute();
    return { keyVersion, rows };
  });
}
