/**
 * The password policy (ADR 0016), one function for every place a password is chosen (setting up,
 * changing, resetting, an administrator creating a user): at least 10 characters, not a known
 * common password or an easily guessed pattern (zxcvbn-ts with its maintained common-password list,
 * ≈ 49 000 entries), not the product's own demo password, not built from the person's name or
 * e-mail. Product default, following NSM's grunnprinsipper for IKT-sikkerhet 2.0 (tiltak 2.7.2)
 * and NIST SP 800-63B § 5.1.1.2 (a blocklist instead of composition rules).
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { Text } from '../../i18n/locale.ts';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The passwords the product itself publishes (the demo company's, `src/modules/setup/demo.ts`;
 * a test holds the two equal). Anyone who has seen the demo knows them.
 */
export const PRODUCT_PASSWORDS: readonly string[] = ['demo-passord-2026'];

let factory: Promise<ZxcvbnFactory> | undefined;
/**
 * zxcvbn with its dictionaries, loaded the first time a password is chosen — not at every start of
 * the app, where the dictionaries cost time and memory (issue 9: start-up time and idle RSS).
 */
function zxcvbn(): Promise<ZxcvbnFactory> {
  factory ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: {
          ...common.dictionary,
          naervaer: ['naervaer', 'nærvær', 'fjordvik', ...PRODUCT_PASSWORDS],
        },
        graphs: common.adjacencyGraphs,
      }),
  );
  return factory;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'product_password' | 'common' | 'personal';

export const PASSWORD_PROBLEMS: Record<PasswordProblem, Text> = {
  too_short: {
    nb: `Passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn.`,
    en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
  },
  too_long: {
    nb: `Passordet kan ha høyst ${MAX_PASSWORD_LENGTH} tegn.`,
    en: `The password can have at most ${MAX_PASSWORD_LENGTH} characters.`,
  },
  product_password: {
    nb: 'Passordet er demopassordet til Nærvær, som alle kan finne. Velg et annet.',
    en: 'That is the Nærvær demo password, which anyone can look up. Choose another.',
  },
  common: {
    nb: 'Passordet er for lett å gjette (et vanlig passord eller mønster). Bruk gjerne flere ord i en setning.',
    en: 'The password is too easy to guess (a common password or pattern). Try several words in a sentence.',
  },
  personal: {
    nb: 'Passordet ligner for mye på navnet eller e-postadressen din.',
    en: 'The password is too close to your name or e-mail address.',
  },
};

/** What is wrong with a new password, or null when it may be used. `personal`: the person's name and e-mail. */
export async function passwordProblem(
  password: string,
  personal: readonly string[] = [],
): Promise<PasswordProblem | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  if (PRODUCT_PASSWORDS.some((p) => lower.includes(p))) return 'product_password';
  const inputs = personal
    .flatMap((p) => [p, ...p.toLowerCase().split(/[\s@.]+/)])
    .filter((p) => p.length >= 3);
  if (inputs.some((p) => lower === p.toLowerCase())) return 'personal';
  // Made of the name and e-mail with a little in between ("hanne.hansen1").
  let rest = lower.replace(/[^a-z0-9æøå]/g, '');
  for (const part of [...inputs].sort((a, b) => b.length - a.length)) {
    rest = rest.replaceAll(part.toLowerCase().replace(/[^a-z0-9æøå]/g, ''), '');
  }
  if (inputs.length > 0 && rest.length < 4) return 'personal';
  const result = (await zxcvbn()).check(password.slice(0, 100), inputs);
  if (result.score < 3) {
    const personalMatch = result.sequence.some(
      (m) => m.pattern === 'dictionary' && m.dictionaryName === 'userInputs',
    );
    return personalMatch ? 'personal' : 'common';
  }
  return null;
}
