/** NAV's benchmark CSV: lenient on form (separator, decimal comma, quarter spelling), strict on content. */
import { describe, expect, it } from 'vitest';
import { parseBenchmarkCsv } from './benchmark-csv.ts';

describe('parseBenchmarkCsv', () => {
  it('semicolons, decimal comma, a BOM, «2025K2» and «%»', () => {
    const text =
      '\uFEFFKvartal;Kategori;Kode;Navn;Prosent\r\n2025K2;Næring;86;Helsetjenester;8,4 %\r\n\r\n2025K2;sektor;3;Kommunal forvaltning;7,95\r\n';
    expect(parseBenchmarkCsv(text)).toEqual({
      ok: true,
      rows: [
        { quarter: '2025Q2', kategori: 'naering', kode: '86', navn: 'Helsetjenester', hundredths: 840 },
        { quarter: '2025Q2', kategori: 'sektor', kode: '3', navn: 'Kommunal forvaltning', hundredths: 795 },
      ],
    });
  });

  it('commas with quoted decimal comma and names, columns in another order, extra columns ignored', () => {
    const text =
      'navn,prosent,kilde,kvartal,kode,kategori\n"Bygg, anlegg","6,1",NAV,2. kvartal 2025,41,industry\n"Hele ""landet""",5.9,NAV,2025Q2,,land\n';
    const result = parseBenchmarkCsv(text);
    expect(result).toEqual({
      ok: true,
      rows: [
        { quarter: '2025Q2', kategori: 'naering', kode: '41', navn: 'Bygg, anlegg', hundredths: 610 },
        { quarter: '2025Q2', kategori: 'land', kode: 'alle', navn: 'Hele "landet"', hundredths: 590 },
      ],
    });
  });

  it.each([
    ['kvartal;kategori;kode;navn\n', 1, 'prosent'],
    ['kvartal;kategori;kode;navn;prosent\n2025Q5;næring;86;Helse;8,4\n', 2, 'kvartal'],
    [
      'kvartal;kategori;kode;navn;prosent\n2025Q2;næring;86;Helse;8,4\n2025Q2;bransje;86;Helse;8,4\n',
      3,
      'kategori',
    ],
    ['kvartal;kategori;kode;navn;prosent\n2025Q2;næring;86;Helse;101\n', 2, 'prosent'],
    ['kvartal;kategori;kode;navn;prosent\n2025Q2;næring;86;Helse;8,456\n', 2, 'prosent'],
    ['kvartal;kategori;kode;navn;prosent\n2025Q2;næring;;Helse;8\n', 2, 'kode'],
    ['kvartal;kategori;kode;navn;prosent\n2025Q2;næring;86;;8\n', 2, 'navn'],
    ['kvartal;kategori;kode;navn;prosent\n2025Q2;næring;86;"Helse;8\n', 2, 'anførselstegn'],
    [
      'kvartal;kategori;kode;navn;prosent\n2025Q2;næring;86;Helse;8\n2025K2;Næring;86;Helse;9\n',
      3,
      'linje 2',
    ],
    ['kvartal;kategori;kode;navn;prosent\n', 2, 'ingen rader'],
    ['', 1, 'tom'],
  ])('a bad file names the line: %j', (text, line, word) => {
    const result = parseBenchmarkCsv(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.line).toBe(line);
    expect(result.error.nb).toContain(`Linje ${line}:`);
    expect(result.error.nb).toContain(word);
    expect(result.error.en).toContain(`Line ${line}:`);
  });
});
