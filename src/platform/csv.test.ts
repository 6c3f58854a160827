import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV export', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","klikk")')).toBe(`"'=HYPERLINK(""http://x"",""klikk"")"`);
    expect(csvCell('@SUM(A1:A9)')).toBe("'@SUM(A1:A9)");
    expect(csvCell('+cmd|/C calc!A0')).toBe("'+cmd|/C calc!A0");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tskjult')).toBe("'\tskjult");
    expect(csvCell('\rskjult')).toBe(`"'\rskjult"`);
    expect(csvCell('Vanlig tekst med æøå')).toBe('Vanlig tekst med æøå');
  });

  it('quotes separators, quotes and line breaks; numbers with a decimal comma; empty for null', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('si "hei"')).toBe('"si ""hei"""');
    expect(csvCell('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvCell(6.5)).toBe('6,5');
    expect(csvCell(-3)).toBe('-3'); // a number is a number, not a formula
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('ja');
  });

  it('writes a file with a BOM, a header and CRLF line ends', () => {
    expect(
      toCsv(
        ['Enhet', 'Prosent'],
        [
          ['Lager', 6.2],
          ['=1+1', null],
        ],
      ),
    ).toBe("\uFEFFEnhet;Prosent\r\nLager;6,2\r\n'=1+1;\r\n");
  });
});
