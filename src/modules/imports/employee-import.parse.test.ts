import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import {
  cellText,
  decodeText,
  detectDelimiter,
  detectFormat,
  parseImportFile,
} from './employee-import.parse.ts';

const csv = (text: string, filename = 'ansatte.csv') => ({
  data: Buffer.from(text, 'utf8'),
  filename,
  mimetype: 'text/csv',
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('CSV', () => {
  it('reads semicolon-separated UTF-8 with a BOM, keeps æøå, skips blank lines but counts them', async () => {
    const text =
      '\uFEFFNavn;E-post\r\nÅse Ødegård;ase@example.no\r\n\r\n;;\r\n"Bjørn; Jr.";bjorn@example.no\r\n';
    const parsed = await parseImportFile(csv(text));
    expect(parsed.format).toBe('csv');
    expect(parsed.rows).toEqual([
      { line: 1, cells: ['Navn', 'E-post'] },
      { line: 2, cells: ['Åse Ødegård', 'ase@example.no'] },
      { line: 5, cells: ['Bjørn; Jr.', 'bjorn@example.no'] },
    ]);
  });

  it('reads comma-separated files and quoted fields with line breaks', async () => {
    const parsed = await parseImportFile(
      csv('Name,Email\n"Smith, Anne","a@example.no"\n"Line\nbreak",b@example.no\n'),
    );
    expect(parsed.rows.map((r) => r.cells)).toEqual([
      ['Name', 'Email'],
      ['Smith, Anne', 'a@example.no'],
      ['Line\nbreak', 'b@example.no'],
    ]);
    expect(parsed.rows.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('decodes Windows-1252 / latin1 when the bytes are not UTF-8', async () => {
    const bytes = Buffer.from('Navn;Enhet\nÆsa Ørn;Sørlandet\n', 'latin1');
    const parsed = await parseImportFile({
      data: bytes,
      filename: 'ansatte.csv',
      mimetype: 'application/vnd.ms-excel',
    });
    expect(parsed.rows[1]?.cells).toEqual(['Æsa Ørn', 'Sørlandet']);
    expect(decodeText(Buffer.from([0x80, 0x4f, 0x92, 0x96, 0xe6]))).toBe('€O’–æ');
  });

  it('decodes UTF-16 with BOM (Excel «Unicode-tekst», tab-separated)', async () => {
    const body = Buffer.from('Navn\tE-post\nÅse\ta@example.no\n', 'utf16le');
    const parsed = await parseImportFile({
      data: Buffer.concat([Buffer.from([0xff, 0xfe]), body]),
      filename: 'ansatte.txt',
      mimetype: 'text/plain',
    });
    expect(parsed.rows[1]?.cells).toEqual(['Åse', 'a@example.no']);
  });

  it('honours Excel’s sep= hint line', async () => {
    const parsed = await parseImportFile(csv('sep=,\nNavn,Enhet\nAnne;Bø,Drift\n'));
    expect(parsed.rows).toEqual([
      { line: 1, cells: ['Navn', 'Enhet'] },
      { line: 2, cells: ['Anne;Bø', 'Drift'] },
    ]);
  });

  it('detects the delimiter from the header line only', () => {
    expect(detectDelimiter('Navn;E-post;Enhet\n"a,b";c;d')).toBe(';');
    expect(detectDelimiter('Name,Email,Unit\nx;y;z;w;v')).toBe(',');
    expect(detectDelimiter('Name\tEmail\n')).toBe('\t');
    expect(detectDelimiter('\n\nNavn\n')).toBe(';');
  });

  it('refuses an unclosed quote with a line number, in both languages', async () => {
    const error = await rejection(parseImportFile(csv('Navn;E-post\n"Åse;a@example.no\n')));
    expect(error.status).toBe(400);
    expect(error.text.nb).toMatch(/kunne ikke leses som CSV/);
    expect(error.text.en).toMatch(/could not be read as CSV/);
  });

  it('refuses an empty file', async () => {
    expect((await rejection(parseImportFile(csv('')))).text.nb).toBe('Filen er tom.');
    expect((await rejection(parseImportFile(csv('\n ; \n')))).text.nb).toBe('Filen er tom.');
  });
});

describe('file type', () => {
  const file = (filename: string, mimetype: string, data = Buffer.from('a;b\n')) => ({
    data,
    filename,
    mimetype,
  });

  it('goes by extension, then declared type, then content', () => {
    expect(detectFormat(file('a.CSV', 'application/octet-stream'))).toBe('csv');
    expect(detectFormat(file('a.xlsx', 'application/octet-stream'))).toBe('xlsx');
    expect(detectFormat(file('blob', 'text/csv'))).toBe('csv');
    expect(
      detectFormat(file('blob', 'application/vnd.ms-excel', Buffer.from([0x50, 0x4b, 0x03, 0x04]))),
    ).toBe('xlsx');
  });

  it('refuses other types with 415 and old .xls with a hint', () => {
    const pdf = (() => {
      try {
        detectFormat(file('ansatte.pdf', 'application/pdf'));
      } catch (e) {
        return e as AppError;
      }
      throw new Error('expected a rejection');
    })();
    expect(pdf.status).toBe(415);
    expect(pdf.text.nb).toMatch(/Filtypen støttes ikke/);
    expect(pdf.text.en).toMatch(/not supported/);
    expect(() => detectFormat(file('ansatte.xls', 'application/vnd.ms-excel'))).toThrow(/Old Excel files/);
    expect(() => detectFormat(file('blob', 'image/png'))).toThrow(AppError);
  });

  it('refuses a damaged .xlsx with 400', async () => {
    const error = await rejection(
      parseImportFile(file('ansatte.xlsx', 'application/octet-stream', Buffer.from('hei'))),
    );
    expect(error.status).toBe(400);
    expect(error.text.nb).toMatch(/Excel-regneark/);
    const zipJunk = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(50)]);
    expect((await rejection(parseImportFile(file('ansatte.xlsx', '', zipJunk)))).status).toBe(400);
  });
});

describe('XLSX', () => {
  it('reads the first worksheet: dates as calendar dates, numbers as text, links and formulas by their text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Ansatte');
    workbook.addWorksheet('Annet').addRow(['ignored']);
    sheet.addRow(['Navn', 'E-post', 'Ansatt fra', 'Stilling %', 'Telefon', 'Fødselsdato']);
    sheet.addRow([
      'Åse Ødegård',
      { text: 'ase@example.no', hyperlink: 'mailto:ase@example.no' },
      new Date(Date.UTC(2024, 0, 31)),
      0.8,
      4791234567,
      { formula: 'DATE(1990,12,31)', result: new Date(Date.UTC(1990, 11, 31)) },
    ]);
    sheet.getCell('D2').numFmt = '0%';
    sheet.addRow([]);
    sheet.addRow([{ richText: [{ text: 'Bjørn ' }, { text: 'Berg' }] }, 'b@example.no', '01.02.2023', 100]);
    const data = Buffer.from(await workbook.xlsx.writeBuffer());
    const parsed = await parseImportFile({
      data,
      filename: 'ansatte.xlsx',
      mimetype: 'application/octet-stream',
    });
    expect(parsed.format).toBe('xlsx');
    expect(parsed.rows).toEqual([
      { line: 1, cells: ['Navn', 'E-post', 'Ansatt fra', 'Stilling %', 'Telefon', 'Fødselsdato'] },
      { line: 2, cells: ['Åse Ødegård', 'ase@example.no', '2024-01-31', '80 %', '4791234567', '1990-12-31'] },
      { line: 4, cells: ['Bjørn Berg', 'b@example.no', '01.02.2023', '100'] },
    ]);
  });

  it('turns cell values into text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(0.333333, '0.00%')).toBe('33.3333 %');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText({ formula: 'A1', result: 'x' })).toBe('x');
    // A date just before midnight UTC stays on its day.
    expect(cellText(new Date(Date.UTC(2024, 5, 30, 23, 59)))).toBe('2024-06-30');
  });
});
