/**
 * The published varsling routine (aml § 2 A-6) as a PDF, made on the server with pdfmake from the
 * stored text: the organisation, the version, when and with whom it was made (aml § 2 A-6 (2)), and
 * the 21 topics. Fonts: the Roboto files inside the pdfmake package; no network, no other files
 * (the same set-up as the dokumenter module's PDFs).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatNorwegian, type IsoDate } from '../../domain/calendar/index.ts';
import { formatOrgnr } from '../../domain/organisasjon/orgnr.ts';
import { ROUTINE_TOPICS } from '../../domain/varsling/routine.ts';

const fontsDir = path.join(
  path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'fonts',
);
type PdfMake = typeof import('pdfmake');
let loaded: Promise<PdfMake> | undefined;

/** pdfmake is large: loaded on the first PDF, not at start-up. */
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

export type RoutinePdfInput = {
  organisation: { name: string; orgnr: string };
  number: number;
  publishedOn: IsoDate;
  cooperationWith: string;
  cooperationOn: IsoDate;
  answers: Readonly<Record<string, string>>;
};

export function routineDocument(input: RoutinePdfInput): TDocumentDefinitions {
  const body: Content[] = [
    { text: `${input.organisation.name} · org.nr. ${formatOrgnr(input.organisation.orgnr)}`, style: 'org' },
    { text: 'Rutine for intern varsling', style: 'title' },
    { text: 'Arbeidsmiljøloven § 2 A-6', style: 'muted' },
    {
      margin: [0, 8, 0, 8],
      table: {
        widths: [160, '*'],
        body: [
          ['Versjon', `${input.number}, publisert ${formatNorwegian(input.publishedOn)}`],
          [
            'Utarbeidet i samarbeid med',
            `${input.cooperationWith} (${formatNorwegian(input.cooperationOn)})`,
          ],
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  ROUTINE_TOPICS.forEach((topic, i) => {
    body.push({ text: `${i + 1}. ${topic.title.nb}`, style: 'h2' });
    const text = (input.answers[topic.key] ?? '').trim();
    body.push(text === '' ? { text: 'Ikke fylt ut.', style: 'muted' } : { text });
  });
  return {
    info: { title: `Rutine for intern varsling — ${input.organisation.name}`, creator: 'Nærvær' },
    pageSize: 'A4',
    pageMargins: [48, 48, 48, 56],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      org: { fontSize: 9, color: '#444444' },
      title: { fontSize: 20, bold: true, margin: [0, 4, 0, 2] },
      muted: { color: '#555555', italics: true },
      h2: { fontSize: 12, bold: true, margin: [0, 12, 0, 3] },
    },
    content: body,
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `Rutine for intern varsling · versjon ${input.number}`, fontSize: 8 },
        { text: `Side ${currentPage} av ${pageCount}`, alignment: 'right', fontSize: 8 },
      ],
      margin: [48, 16, 48, 0],
    }),
  };
}

export async function renderRoutinePdf(input: RoutinePdfInput): Promise<Buffer> {
  return (await pdfmake()).createPdf(routineDocument(input)).getBuffer();
}
