/**
 * The AMU årsrapport as a PDF (aml § 7-2 (6): the committee reports each year to the enterprise's
 * governing bodies and the employees' organisations), made with pdfmake when the report is approved
 * and stored with it; a draft can be previewed (marked «Utkast», not stored). Organisation name and
 * orgnr, the addressees, every section with its figures and text, «Side x av y». Fonts: the Roboto
 * files inside the pdfmake package (æøå); no network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ArsrapportFactSection, Figure } from '../../contracts/amu/amu.schemas.ts';
import {
  ARSRAPPORT_ADDRESSEES,
  ARSRAPPORT_SECTION_KEYS,
  type ArsrapportSectionKey,
} from '../../domain/amu/index.ts';
import { formatNorwegian } from '../../domain/calendar/index.ts';
import { formatOrgnr } from '../../domain/organisasjon/orgnr.ts';

const fontsDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
);
type PdfMake = typeof import('pdfmake');
let loaded: Promise<PdfMake> | undefined;

/** pdfmake is large; it is loaded (and configured) on the first PDF, not at start-up. */
function pdfmake(): Promise<PdfMake> {
  loaded ??= import('pdfmake').then((module) => {
    const instance = ((module as { default?: PdfMake }).default ?? module) as PdfMake;
    const roboto = path.join(fontsDir, 'Roboto');
    instance.setFonts({
      Roboto: {
        normal: path.join(roboto, 'Roboto-Regular.ttf'),
        bold: path.join(roboto, 'Roboto-Medium.ttf'),
        italics: path.join(roboto, 'Roboto-Italic.ttf'),
        bolditalics: path.join(roboto, 'Roboto-MediumItalic.ttf'),
      },
    });
    instance.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(fontsDir));
    instance.setUrlAccessPolicy(() => false);
    return instance;
  });
  return loaded;
}

export type ArsrapportPdfInput = {
  organisation: { name: string; orgnr: string };
  year: number;
  due: string;
  facts: ArsrapportFactSection[];
  sections: Record<ArsrapportSectionKey, string>;
  /** Null: a draft preview. */
  approved: { on: string; by: string } | null;
  members: string[];
};

/** A figure as the PDF shows it: masked groups say so, never a number. */
export function figureText(f: Figure): string {
  if (f.masked) return 'skjult (færre enn 5)';
  if (f.unit === 'dato') return f.date ? formatNorwegian(f.date) : 'ikke registrert';
  if (f.value === null) return '—';
  if (f.unit === 'prosent')
    return `${f.value.toLocaleString('nb-NO', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
  return String(f.value);
}

export function arsrapportDocument(input: ArsrapportPdfInput): TDocumentDefinitions {
  const title = `Årsrapport fra arbeidsmiljøutvalget ${input.year}`;
  const body: Content[] = [
    { text: `${input.organisation.name} · org.nr. ${formatOrgnr(input.organisation.orgnr)}`, style: 'org' },
    { text: title, style: 'title' },
    {
      text: 'Arbeidsmiljøloven § 7-2 (6): utvalget skal hvert år avgi rapport om sin virksomhet.',
      style: 'muted',
    },
    ...(input.approved ? [] : [{ text: 'UTKAST — ikke godkjent', style: 'draft' } satisfies Content]),
    {
      margin: [0, 8, 0, 8],
      table: {
        widths: [150, '*'],
        body: [
          ['Til', ARSRAPPORT_ADDRESSEES.nb],
          ['År', String(input.year)],
          ['Medlemmer', input.members.length > 0 ? input.members.join(', ') : 'ingen registrert'],
          ['Frist (anbefalt)', formatNorwegian(input.due)],
          [
            'Godkjent',
            input.approved
              ? `${formatNorwegian(input.approved.on)} av ${input.approved.by}`
              : 'Ikke godkjent',
          ],
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  for (const key of ARSRAPPORT_SECTION_KEYS) {
    const fact = input.facts.find((f) => f.key === key);
    body.push({ text: fact?.title.nb ?? key, style: 'h2', headlineLevel: 1 });
    if (fact && fact.figures.length > 0 && !fact.noData) {
      body.push({
        margin: [0, 2, 0, 4],
        table: { widths: ['*', 120], body: fact.figures.map((f) => [f.label.nb, figureText(f)]) },
        layout: 'lightHorizontalLines',
      });
    } else if (fact?.noData) {
      body.push({ text: 'Ingen data.', style: 'muted' });
    }
    if (fact && fact.lines.length > 0) body.push({ ul: fact.lines, margin: [0, 2, 0, 4] });
    const text = input.sections[key].trim();
    if (text) body.push({ text, margin: [0, 4, 0, 0] });
  }
  return {
    info: { title: `${title} — ${input.organisation.name}`, creator: 'Nærvær' },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      org: { fontSize: 9, color: '#444444' },
      title: { fontSize: 18, bold: true, margin: [0, 4, 0, 2] },
      muted: { color: '#555555', italics: true, fontSize: 9 },
      draft: { color: '#a00000', bold: true, margin: [0, 6, 0, 0] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 2] },
    },
    content: body,
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.85,
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `AMU-årsrapport ${input.year} · ${input.organisation.name}`, fontSize: 8 },
        { text: `Side ${currentPage} av ${pageCount}`, alignment: 'right', fontSize: 8 },
      ],
      margin: [48, 16, 48, 0],
    }),
  };
}

export async function renderArsrapportPdf(input: ArsrapportPdfInput): Promise<Buffer> {
  const instance = await pdfmake();
  return instance.createPdf(arsrapportDocument(input)).getBuffer();
}
