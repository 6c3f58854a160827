/**
 * The wording of the letter to the doctor ("brev til behandlende lege om tilrettelegging"), built
 * from the chosen catalogue items and the leader's free text. Our own wording. It asks the doctor to
 * consider graded or avventende sykmelding and says plainly that we do not want health information:
 * there is no diagnosis field, and no question about one.
 */
import type { LetterText, TiltakDto } from '../../contracts/dokumenter/katalog.schemas.ts';
import type { TiltakKind } from './katalog.tables.ts';

export const KIND_LABELS: Record<TiltakKind, { nb: string; en: string }> = {
  psykososial: { nb: 'Psykososialt', en: 'Psychosocial' },
  fysisk: { nb: 'Fysisk', en: 'Physical' },
  organisatorisk: { nb: 'Organisatorisk', en: 'Organisational' },
};

export type LetterInput = {
  organisationName: string;
  employeeName: string;
  tiltak: Pick<TiltakDto, 'kind' | 'title' | 'description'>[];
  arbeid: { title: string; description: string }[];
  usualTasks: string;
  extraText: string;
  contact: { name: string; phone: string; email: string };
};

const item = (x: { title: string; description: string }) =>
  x.description ? `${x.title}: ${x.description}` : x.title;

export function composeLetter(input: LetterInput): LetterText {
  const blocks: LetterText['blocks'] = [
    {
      heading: null,
      paragraphs: [
        `${input.employeeName} er ansatt hos ${input.organisationName}. Vi ønsker å legge til rette for at ` +
          `${input.employeeName} kan være helt eller delvis i arbeid mens sykefraværet pågår, og skriver for å ` +
          'fortelle hvilke muligheter vi kan tilby på arbeidsplassen.',
      ],
      bullets: [],
    },
  ];
  if (input.usualTasks) {
    blocks.push({ heading: 'Vanlige arbeidsoppgaver', paragraphs: [input.usualTasks], bullets: [] });
  }
  if (input.arbeid.length > 0) {
    blocks.push({
      heading: 'Arbeid vi kan tilby i en periode',
      paragraphs: [
        'Oppgavene under kan gjøres med redusert kapasitet, i eget tempo og med kortere dager ved behov.',
      ],
      bullets: input.arbeid.map(item),
    });
  }
  for (const kind of Object.keys(KIND_LABELS) as TiltakKind[]) {
    const chosen = input.tiltak.filter((t) => t.kind === kind);
    if (chosen.length === 0) continue;
    blocks.push({
      heading: `Tilrettelegging vi kan gjøre — ${KIND_LABELS[kind].nb.toLowerCase()}`,
      paragraphs: [],
      bullets: chosen.map(item),
    });
  }
  if (input.extraText) blocks.push({ heading: 'Annet', paragraphs: [input.extraText], bullets: [] });
  blocks.push({
    heading: 'Vår forespørsel',
    paragraphs: [
      'Vi ber deg vurdere om gradert sykmelding kan passe, slik at arbeidstakeren kan jobbe noe med ' +
        'oppgavene over og holde kontakten med arbeidsplassen. Om tilretteleggingen gjør at full ' +
        'sykmelding ikke trengs, kan også avventende sykmelding være aktuelt.',
      'Vi trenger ingen opplysninger om helsetilstanden. Det er nok for oss å vite hva arbeidstakeren ' +
        'kan og ikke kan gjøre i perioden, så vi kan tilpasse arbeidet.',
    ],
    bullets: [],
  });
  const contactParts = [
    input.contact.name,
    input.contact.phone && `telefon ${input.contact.phone}`,
    input.contact.email && `e-post ${input.contact.email}`,
  ]
    .filter(Boolean)
    .join(', ');
  blocks.push({
    heading: 'Kontaktperson',
    paragraphs: [`Ta gjerne kontakt med nærmeste leder: ${contactParts}.`],
    bullets: [],
  });
  return {
    title: 'Til behandlende lege',
    regarding: `Gjelder: tilrettelegging av arbeid for ${input.employeeName}`,
    greeting: 'Hei,',
    blocks,
    closing: 'Med vennlig hilsen',
    signature: [
      input.contact.name,
      'Nærmeste leder',
      input.organisationName,
      ...[
        input.contact.phone && `Telefon: ${input.contact.phone}`,
        input.contact.email && `E-post: ${input.contact.email}`,
      ].filter((x): x is string => Boolean(x)),
    ],
  };
}
