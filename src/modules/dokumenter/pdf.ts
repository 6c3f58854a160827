/**
 * The oppfølgingsplan as a PDF, made on the server with pdfmake from the same stored content the page
 * shows: the organisation's name and orgnr, the employee, the case start, version and date, every
 * section (the fields left empty named once per section), the agreed actions as a table, the
 * comments of the employee and the leader under their section, and "Side x av y" in the footer. Fonts: the Roboto files
 * shipped inside the pdfmake package (full Latin, so æøå are right); no network and no other files.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatNorwegian } from '../../domain/calendar/index.ts';
import {
  FIELD_LABELS,
  fieldText,
  ownerText,
  type PlanContent,
  SECTIONS,
} from '../../domain/dokumenter/oppfolgingsplan.ts';
import { formatOrgnr } from '../../domain/organisasjon/orgnr.ts';

const fontsDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
);
type PdfMake = typeof import('pdfmake');
let loaded: Promise<PdfMake> | undefined;

/** pdfmake is large; it is loaded (and configured) on the first PDF, not at start-up. */
export function pdfmakeConfigured(): Promise<PdfMake> {
  loaded ??= import('pdfmake').then((module) => {
    // CommonJS module: its exports arrive as `default` under ESM.
    const pdfmake = ((module as { default?: PdfMake }).default ?? module) as PdfMake;
    configure(pdfmake);
    return pdfmake;
  });
  return loaded;
}

function configure(pdfmake: PdfMake) {
  const roboto = path.join(fontsDir, 'Roboto');
  pdfmake.setFonts({
    Roboto: {
      normal: path.join(roboto, 'Roboto-Regular.ttf'),
      bold: path.join(roboto, 'Roboto-Medium.ttf'),
      italics: path.join(roboto, 'Roboto-Italic.ttf'),
      bolditalics: path.join(roboto, 'Roboto-MediumItalic.ttf'),
    },
  });
  pdfmake.setLocalAccessPolicy((p: string) => path.resolve(p).startsWith(fontsDir));
  pdfmake.setUrlAccessPolicy(() => false);
}

export type PlanPdfInput = {
  organisation: { name: string; orgnr: string };
  employeeName: string;
  caseStart: string;
  status: 'utkast' | 'til-godkjenning' | 'godkjent';
  contentVersion: number;
  /** The day the version was saved (YYYY-MM-DD, Oslo). */
  versionDate: string;
  approved: { by: string; at: string } | null;
  content: PlanContent;
  /** The comments on the plan (the employee's and the leader's), oldest first; `at` is YYYY-MM-DD. */
  comments: { section: string; by: string; at: string; text: string }[];
};

/** The comments of one section (or `generelt`) as a list, or nothing. */
function commentsOf(input: PlanPdfInput, section: string): Content[] {
  const list = input.comments.filter((c) => c.section === section);
  if (list.length === 0) return [];
  return [
    { text: 'Kommentarer', style: 'h3' },
    {
      ul: list.map((c) => ({
        text: [{ text: `${c.by}, ${formatNorwegian(c.at)}: `, bold: true }, c.text],
      })),
    },
  ];
}

const STATUS_TEXT = { utkast: 'Utkast', 'til-godkjenning': 'Til godkjenning', godkjent: 'Godkjent' } as const;

export function planDocument(input: PlanPdfInput): TDocumentDefinitions {
  const c = input.content;
  const body: Content[] = [
    { text: `${input.organisation.name} · org.nr. ${formatOrgnr(input.organisation.orgnr)}`, style: 'org' },
    { text: 'Oppfølgingsplan', style: 'title' },
    { text: 'Arbeidsmiljøloven § 4-6 (3) — utarbeidet i samråd med arbeidstakeren', style: 'muted' },
    {
      margin: [0, 8, 0, 8],
      table: {
        widths: [140, '*'],
        body: [
          ['Arbeidstaker', input.employeeName],
          ['Sykefraværet startet', formatNorwegian(input.caseStart)],
          ['Versjon', `Versjon ${input.contentVersion}, ${formatNorwegian(input.versionDate)}`],
          ['Status', STATUS_TEXT[input.status]],
          ...(input.approved
            ? [['Godkjent av arbeidstaker', `${input.approved.by}, ${formatNorwegian(input.approved.at)}`]]
            : []),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  for (const section of SECTIONS) {
    body.push({ text: section.title.nb, style: 'h2' });
    // Empty fields are named once per section, not one «Ikke fylt ut.» each (issue 10).
    const empty: string[] = [];
    for (const field of section.fields) {
      if (field === 'actions') {
        const actions = c.actions ?? [];
        body.push({ text: FIELD_LABELS.actions.nb, style: 'h3' });
        body.push(
          actions.length === 0
            ? { text: 'Ingen avtalte tiltak.', style: 'muted' }
            : {
                table: {
                  headerRows: 1,
                  widths: ['*', 120, 70],
                  body: [
                    [
                      { text: 'Hva', bold: true },
                      { text: 'Ansvarlig', bold: true },
                      { text: 'Frist', bold: true },
                    ],
                    ...actions.map((a) => [
                      a.what,
                      ownerText(a, 'nb'),
                      a.deadline ? formatNorwegian(a.deadline) : '—',
                    ]),
                  ],
                },
                layout: 'lightHorizontalLines',
              },
        );
        continue;
      }
      if (field === 'notParticipatedWhy' && c.participated !== false && !c.notParticipatedWhy) continue;
      const text = fieldText(c, field, 'nb');
      if (text === null) {
        empty.push(FIELD_LABELS[field].nb);
        continue;
      }
      body.push({ text: FIELD_LABELS[field].nb, style: 'h3' });
      body.push({ text });
    }
    if (empty.length > 0) {
      body.push({ text: `Ikke fylt ut: ${empty.join(', ')}.`, style: 'muted', margin: [0, 6, 0, 0] });
    }
    body.push(...commentsOf(input, section.key));
  }
  const general = commentsOf(input, 'generelt');
  if (general.length > 0) body.push({ text: 'Generelle kommentarer', style: 'h2' }, ...general.slice(1));
  return {
    info: { title: `Oppfølgingsplan — ${input.employeeName}`, creator: 'Nærvær' },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      org: { fontSize: 9, color: '#444444' },
      title: { fontSize: 20, bold: true, margin: [0, 4, 0, 2] },
      muted: { color: '#555555', italics: true },
      h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 4] },
      h3: { fontSize: 10, bold: true, margin: [0, 6, 0, 2] },
    },
    content: body,
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `Oppfølgingsplan · ${input.employeeName} · versjon ${input.contentVersion}`, fontSize: 8 },
        { text: `Side ${currentPage} av ${pageCount}`, alignment: 'right', fontSize: 8 },
      ],
      margin: [48, 16, 48, 0],
    }),
  };
}

export async function renderPlanPdf(input: PlanPdfInput): Promise<Buffer> {
  const pdfmake = await pdfmakeConfigured();
  return pdfmake.createPdf(planDocument(input)).getBuffer();
}
