import { describe, expect, it } from 'vitest';
import { sniffEvidence, stripMetadata } from './metadata.ts';

const ascii = (s: string) => Array.from(Buffer.from(s, 'latin1'));
const seg = (marker: number, payload: number[]) => [
  0xff,
  marker,
  ((payload.length + 2) >> 8) & 0xff,
  (payload.length + 2) & 0xff,
  ...payload,
];

/** A minimal JPEG: SOI, APP0 JFIF, APP1 EXIF with a marker, COM, DQT, SOS + data, EOI. */
function jpegWithExif(secret: string): Uint8Array {
  return new Uint8Array([
    0xff,
    0xd8,
    ...seg(0xe0, ascii('JFIF\0\x01\x01\0\0\x01\0\x01\0\0')),
    ...seg(0xe1, ascii(`Exif\0\0GPS ${secret}`)),
    ...seg(0xfe, ascii(`comment ${secret}`)),
    ...seg(0xdb, [0, ...new Array(64).fill(1)]),
    ...seg(0xda, [1, 1, 0, 0, 63, 0]),
    0x12,
    0x34,
    0xff,
    0xd9,
  ]);
}

describe('evidence metadata stripping', () => {
  it('drops EXIF and comments from a JPEG, keeping JFIF and the image data', () => {
    const result = stripMetadata(jpegWithExif('OWNER-SECRET'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = Buffer.from(result.data).toString('latin1');
    expect(result.type).toBe('image/jpeg');
    expect(text).not.toContain('OWNER-SECRET');
    expect(text).not.toContain('Exif');
    expect(text).toContain('JFIF');
    expect(Array.from(result.data.slice(-4))).toEqual([0x12, 0x34, 0xff, 0xd9]);
  });

  it('drops text chunks from a PNG', () => {
    const chunk = (type: string, data: number[]) => [
      0,
      0,
      0,
      data.length,
      ...ascii(type),
      ...data,
      1,
      2,
      3,
      4,
    ];
    const png = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...chunk('IHDR', new Array(13).fill(0)),
      ...chunk('tEXt', ascii('Author\0OWNER-SECRET')),
      ...chunk('IDAT', [1, 2, 3]),
      ...chunk('IEND', []),
    ]);
    const result = stripMetadata(png);
    expect(result.ok && Buffer.from(result.data).toString('latin1')).not.toContain('OWNER-SECRET');
    expect(result.ok && result.data.length).toBe(png.length - (12 + 19));
  });

  it('blanks the PDF information dictionary and XMP in place (same length), refuses compressed metadata', () => {
    const pdf = [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
      '3 0 obj << /Author (Ola \\(OWNER-SECRET\\) Nordmann) /Producer <FEFF00410042> /Title 5 0 R >> endobj',
      '5 0 obj (OWNER-SECRET-TITLE) endobj',
      '4 0 obj << /Type /Metadata /Subtype /XML /Length 20 >> stream',
      '<x>OWNER-SECRET-XMP</x>',
      'endstream endobj',
      'trailer << /Root 1 0 R /Info 3 0 R >>',
      '%%EOF',
    ].join('\n');
    const result = stripMetadata(new Uint8Array(Buffer.from(pdf, 'latin1')));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = Buffer.from(result.data).toString('latin1');
    expect(text.length).toBe(pdf.length);
    expect(text).not.toContain('OWNER-SECRET');
    expect(text).not.toContain('FEFF');
    expect(text).toContain('/Type /Catalog');
    const compressed =
      '%PDF-1.5\n5 0 obj << /Type /ObjStm >> stream\nxx\nendstream endobj\ntrailer << /Info 9 0 R >>';
    expect(stripMetadata(new Uint8Array(Buffer.from(compressed, 'latin1')))).toEqual({
      ok: false,
      problem: 'pdf-compressed-metadata',
    });
  });

  it('keeps plain text, refuses anything else', () => {
    expect(sniffEvidence(new Uint8Array(Buffer.from('Hei på deg')))).toBe('text/plain');
    expect(stripMetadata(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1]))).toEqual({
      ok: false,
      problem: 'unsupported',
    });
    expect(stripMetadata(new Uint8Array([]))).toEqual({ ok: false, problem: 'empty' });
  });
});
