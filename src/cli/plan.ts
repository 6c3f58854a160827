/**
 * `naervaer plan` — reads absence periods (JSON) on standard input and writes the follow-up plan
 * (JSON) on standard output (the contract is described in README.md, «naervaer plan»). Exit 0 on success; on invalid input
 * a message naming the field (Norwegian / English) on standard error, nothing on standard output, exit 2.
 */
import { beregnPlan, parsePlanInput } from '../domain/sykefravaer/index.ts';

const USAGE = `Bruk / usage: naervaer plan < perioder.json > plan.json
Leser fraværsperioder (JSON) på standard inn og skriver oppfølgingsplanen (JSON) på standard ut.
Reads absence periods (JSON) on standard input and writes the follow-up plan (JSON) on standard output.
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

export async function planCommand(args: string[]): Promise<number> {
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
  const parsed = parsePlanInput(json);
  if (!parsed.ok) {
    return fail(['Ugyldig inndata / invalid input:', ...parsed.errors.map((e) => `  ${e.message}`)]);
  }
  const plan = beregnPlan(parsed.value);
  process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  return 0;
}
