/**
 * The letter to the doctor as a PDF (pdfmake, loaded lazily through `pdf.ts`): letterhead with the
 * organisation's name and orgnr, the date, "Til behandlende lege", the employee, the stored text,
 * the leader's signature block, and "Side x av y" in the footer.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { LetterText } from '../../contracts/dokumenter/katalog.schemas.ts';
import { formatNorwegian } from '../../domain/calendar/index.ts';
import { formatOrgnr } from '../../domain/organisasjon/orgnr.ts';
import { pdfmakeConfigured } from './pdf.ts';

export type LegebrevPdfInput = {
  organisation: { name: string; orgnr: string };
  employeeName: string;
  /** YYYY-MM-DD (Oslo). */
  date: string;
  letter: LetterText;
};

export function legebrevDocument(input: LegebrevPdfInput): TDocumentDefinitions {
  const l = input.letter;
  const body: Content[] = [
    {
      columns: [
        { text: input.organisation.name, style: 'org' },
        { text: `Org.nr. ${formatOrgnr(input.organisation.orgnr)}`, alignment: 'right', style: 'muted' },
      ],
    },
    { text: `Dato: ${formatNorwegian(input.date)}`, alignment: 'right', margin: [0, 4, 0, 16] },
    { text: l.title, style: 'title' },
    { text: `Arbeidstaker: ${input.employeeName}`, margin: [0, 0, 0, 2] },
    { text: l.regarding, bold: true, margin: [0, 0, 0, 12] },
    { text: l.greeting, margin: [0, 0, 0, 8] },
  ];
  for (const block of l.blocks) {
    if (block.heading) body.push({ text: block.heading, style: 'h2' });
    for (const p of block.paragraphs) body.push({ text: p, margin: [0, 0, 0, 6] });
    if (block.bullets.length > 0) body.push({ ul: block.bullets, margin: [0, 0, 0, 6] });
  }
  body.push({ text: l.closing, margin: [0, 16, 0, 24] });
  body.push({ stack: l.signature.map((line, i) => ({ text: line, bold: i === 0 })) });
  return {
    info: { title: `Brev til behandlende lege — ${input.employeeName}`, creator: 'Nærvær' },
    pageSize: 'A4',
    pageMargins: [56, 48, 56, 56],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25 },
    styles: {
      org: { fontSize: 13, bold: true },
      muted: { color: '#444444' },
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
      h2: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
    },
    content: body,
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `${input.organisation.name} · brev til behandlende lege`, fontSize: 8 },
        { text: `Side ${currentPage} av ${pageCount}`, alignment: 'right', fontSize: 8 },
      ],
      margin: [56, 16, 56, 0],
    }),
  };
}

export async function renderLegebrevPdf(input: LegebrevPdfInput): Promise<Buffer> {
  const pdfmake = await pdfmakeConfigured();
  return pdfmake.createPdf(legebrevDocument(input)).getBuffer();
}
