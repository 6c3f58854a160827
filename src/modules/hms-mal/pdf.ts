/**
 * The annual review as a PDF, made with pdfmake once, on the day it is completed, and stored with
 * the review — the record of that day (IK-f § 5 last paragraph: point 8 is documented in writing).
 * It has the organisation's name and orgnr, the date, who took part, every section and «Side x av y».
 * Fonts: the Roboto files inside the pdfmake package (full Latin, so æøå are right); no network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatNorwegian } from '../../domain/calendar/index.ts';
import {
  BHT_ANSWER_TEXT,
  type BhtAnswer,
  REVIEW_SECTIONS,
  type ReviewSectionKey,
} from '../../domain/hms-mal/index.ts';
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
    // CommonJS module: its exports arrive as `default` under ESM.
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

export type ReviewPdfInput = {
  organisation: { name: string; orgnr: string };
  yearReviewed: number;
  heldOn: string;
  /** The day the review was completed and this PDF made (Oslo). */
  completedOn: string;
  completedBy: string;
  participants: string;
  voTookPart: boolean;
  amuTookPart: boolean;
  bhtTookPart: boolean;
  bhtNeeded: BhtAnswer | null;
  sections: Record<ReviewSectionKey, string>;
};

const yesNo = (b: boolean) => (b ? 'Ja' : 'Nei');

export function reviewDocument(input: ReviewPdfInput): TDocumentDefinitions {
  const title = `Årlig gjennomgang av internkontrollen ${input.yearReviewed}`;
  const body: Content[] = [
    { text: `${input.organisation.name} · org.nr. ${formatOrgnr(input.organisation.orgnr)}`, style: 'org' },
    { text: title, style: 'title' },
    {
      text: 'Systematisk overvåking og gjennomgang — internkontrollforskriften § 5 nr. 8 og arbeidsmiljøloven § 3-1 (2) h',
      style: 'muted',
    },
    {
      margin: [0, 8, 0, 8],
      table: {
        widths: [160, '*'],
        body: [
          ['År som er gjennomgått', String(input.yearReviewed)],
          ['Gjennomgangen ble holdt', formatNorwegian(input.heldOn)],
          ['Deltakere', input.participants],
          ['Verneombud deltok', yesNo(input.voTookPart)],
          ['Arbeidsmiljøutvalget deltok', yesNo(input.amuTookPart)],
          ['Bedriftshelsetjenesten deltok', yesNo(input.bhtTookPart)],
          ['Fullført', `${formatNorwegian(input.completedOn)} av ${input.completedBy}`],
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  for (const section of REVIEW_SECTIONS) {
    body.push({ text: section.title.nb, style: 'h2', headlineLevel: 1 });
    body.push({ text: section.legalBasis, style: 'muted' });
    if (section.key === 'bht' && input.bhtNeeded !== null) {
      body.push({ text: `Svar: ${BHT_ANSWER_TEXT[input.bhtNeeded].nb}`, bold: true, margin: [0, 4, 0, 2] });
    }
    const text = input.sections[section.key].trim();
    body.push(text ? { text, margin: [0, 4, 0, 0] } : { text: 'Ikke fylt ut.', style: 'muted' });
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
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 2] },
    },
    content: body,
    // A section's heading never stands alone at the foot of a page.
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.85,
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        {
          text: `Årlig gjennomgang ${input.yearReviewed} · ${input.organisation.name} · ${formatNorwegian(input.completedOn)}`,
          fontSize: 8,
        },
        { text: `Side ${currentPage} av ${pageCount}`, alignment: 'right', fontSize: 8 },
      ],
      margin: [48, 16, 48, 0],
    }),
  };
}

export async function renderReviewPdf(input: ReviewPdfInput): Promise<Buffer> {
  const instance = await pdfmake();
  return instance.createPdf(reviewDocument(input)).getBuffer();
}
