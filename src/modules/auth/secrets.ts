/**
 * Encryption at rest for the TOTP secrets (ADR 0016): AES-256-GCM under a key kept outside the
 * database, so a dump or a backup alone cannot produce anyone's codes. The key comes from
 * `NAERVAER_AUTH_KEY` (32 bytes, base64) or the key file `NAERVAER_AUTH_KEY_FILE`, default
 * `<NAERVAER_DATA_DIR or ./data>/auth-key.json`, created (mode 0600) with a random key on first use,
 * as the varsling module does for its master key. A stored value names its key (`v1.<id>.…`), so a
 * rotation can add a new key and keep reading the old one. Secrets and keys are never logged.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const FORMAT = 'naervaer-auth-key/1';
const KeyFileSchema = z.object({
  format: z.literal(FORMAT),
  keys: z.array(z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/), key: z.string() })).min(1),
});

type Keyring = { current: { id: string; key: Buffer }; all: Map<string, Buffer> };

export class AuthKeyError extends Error {}

function decode(id: string, value: string): { id: string; key: Buffer } {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) {
    throw new AuthKeyError(
      `Innloggingsnøkkelen «${id}» må være 32 byte i base64 / the auth key «${id}» must be 32 bytes, base64`,
    );
  }
  return { id, key };
}

export function authKeyFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.NAERVAER_AUTH_KEY_FILE ?? join(env.NAERVAER_DATA_DIR ?? './data', 'auth-key.json');
}

async function loadKeyring(env: NodeJS.ProcessEnv): Promise<Keyring> {
  let keys: { id: string; key: Buffer }[];
  if (env.NAERVAER_AUTH_KEY) {
    keys = env.NAERVAER_AUTH_KEY.split(',').map((part, i) => {
      const [id, value] = part.includes(':') ? part.split(':', 2) : [`env${i}`, part];
      return decode(id ?? `env${i}`, value ?? '');
    });
  } else {
    const path = authKeyFilePath(env);
    if (!existsSync(path)) {
      await mkdir(dirname(path), { recursive: true });
      const body = JSON.stringify({
        format: FORMAT,
        keys: [{ id: 'k1', key: randomBytes(32).toString('base64') }],
      });
      const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(temporary, body, { mode: 0o600, flag: 'wx' });
      // Two processes starting at once: the first rename wins, the second reads the winner's file.
      if (!existsSync(path)) await rename(temporary, path);
    }
    const parsed = KeyFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success) throw new AuthKeyError(`Ugyldig nøkkelfil / invalid key file: ${path}`);
    keys = parsed.data.keys.map((k) => decode(k.id, k.key));
  }
  const [current] = keys;
  if (!current) throw new AuthKeyError('Ingen innloggingsnøkkel / no auth key');
  return { current, all: new Map(keys.map((k) => [k.id, k.key])) };
}

let keyring: Promise<Keyring> | undefined;
function ring(): Promise<Keyring> {
  keyring ??= loadKeyring(process.env).catch((error: unknown) => {
    keyring = undefined;
    throw error;
  });
  return keyring;
}

export async function encryptSecret(plain: string): Promise<string> {
  const { current } = await ring();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [
    'v1',
    current.id,
    iv.toString('base64url'),
    tag.toString('base64url'),
    data.toString('base64url'),
  ].join('.');
}

export async function decryptSecret(stored: string): Promise<string> {
  const [version, id, iv, tag, data] = stored.split('.');
  const key = id ? (await ring()).all.get(id) : undefined;
  if (version !== 'v1' || !key || !iv || !tag || data === undefined) {
    throw new AuthKeyError('cannot decrypt: unknown format or key');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
