/**
 * `naervaer plikter` — reads a company profile (JSON) on standard input and writes the HMS duties it
 * implies (JSON) on standard output (the contract is described in README.md, «naervaer plikter»). Exit 0 on success; on invalid
 * input a message naming the field (Norwegian / English) on standard error, nothing on standard output,
 * exit 2. When `nace.sn2025` is left out, it is converted from `nace.system` + `nace.code` (`toSn2025`,
 * done by the profile schema); an SN2007 code that cannot be converted unambiguously gives null and the
 * BHT status `needs-verification`.
 */
import { derivePlikter, parseCompanyProfile } from '../domain/internkontroll/index.ts';

const USAGE = `Bruk / usage: naervaer plikter < firmaprofil.json > plikter.json
Leser firmaprofilen (JSON) på standard inn og skriver HMS-pliktene (JSON) på standard ut.
Reads the company profile (JSON) on standard input and writes the HMS duties (JSON) on standard output.
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function fail(lines: string[]): number {
  process.stderr.write(`${lines.join('\n')}\n`);
  return 2;
}

export async function plikterCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stderr.write(USAGE);
    return 0;
  }
  if (args.length > 0) return fail([`Ukjent argument / unknown argument: ${args.join(' ')}`, USAGE]);

  const text = await readStdin();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail([`(input): ugyldig JSON / malformed JSON: ${detail}`]);
  }
  const parsed = parseCompanyProfile(json);
  if (!parsed.ok) {
    return fail(['Ugyldig inndata / invalid input:', ...parsed.errors.map((e) => `  ${e.message}`)]);
  }
  const duties = derivePlikter(parsed.value);
  process.stdout.write(`${JSON.stringify(duties, null, 2)}\n`);
  return 0;
}
