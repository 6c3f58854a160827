import { describe, expect, it } from 'vitest';
import {
  attachmentDisposition,
  CERTIFICATE_MAX_BYTES,
  checkCertificate,
  safeFileName,
  sniffFileType,
  typeFromName,
} from './index.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const PDF = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46);
const HTML = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');

describe('sniffing a file from its first bytes', () => {
  it('knows PDF, PNG and JPEG', () => {
    expect(sniffFileType(PDF)).toBe('pdf');
    expect(sniffFileType(PNG)).toBe('png');
    expect(sniffFileType(JPEG)).toBe('jpeg');
  });

  it('knows nothing else, and not a truncated signature', () => {
    expect(sniffFileType(HTML)).toBeNull();
    expect(sniffFileType(bytes())).toBeNull();
    expect(sniffFileType(bytes(0x25, 0x50, 0x44, 0x46))).toBeNull();
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffFileType(new TextEncoder().encode(' %PDF-1.4'))).toBeNull();
    // GIF and ZIP (docx) are not certificates here.
    expect(sniffFileType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffFileType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull();
  });

  it('reads the type a name claims', () => {
    expect(typeFromName('Kursbevis.PDF')).toBe('pdf');
    expect(typeFromName('bilde.jpg')).toBe('jpeg');
    expect(typeFromName('bilde.jpeg')).toBe('jpeg');
    expect(typeFromName('C:\\Users\\kari\\bevis.png')).toBe('png');
    expect(typeFromName('bevis')).toBeNull();
    expect(typeFromName('bevis.pdf.exe')).toBeNull();
  });
});

describe('deciding whether a certificate may be stored', () => {
  const file = (data: Uint8Array, filename: string, declaredMime = '') => ({ data, filename, declaredMime });

  it('accepts a file whose bytes, name and declared type agree', () => {
    expect(checkCertificate(file(PDF, 'førstehjelp.pdf', 'application/pdf'))).toEqual({
      ok: true,
      type: 'pdf',
      mime: 'application/pdf',
      name: 'førstehjelp.pdf',
      size: PDF.length,
    });
    expect(checkCertificate(file(JPEG, 'foto.JPG', 'image/jpeg'))).toMatchObject({
      ok: true,
      mime: 'image/jpeg',
    });
    expect(checkCertificate(file(PNG, 'skann.png', 'application/octet-stream'))).toMatchObject({ ok: true });
  });

  it('refuses a PNG named .pdf, a PDF declared as PNG, an HTML page named .pdf', () => {
    expect(checkCertificate(file(PNG, 'bevis.pdf', 'application/pdf'))).toEqual({
      ok: false,
      problem: 'mismatch',
      sniffed: 'png',
    });
    expect(checkCertificate(file(PDF, 'bevis.pdf', 'image/png'))).toMatchObject({
      ok: false,
      problem: 'mismatch',
    });
    expect(checkCertificate(file(PDF, 'bevis.pdf', 'text/html'))).toMatchObject({
      ok: false,
      problem: 'mismatch',
    });
    expect(checkCertificate(file(HTML, 'bevis.pdf', 'application/pdf'))).toMatchObject({
      ok: false,
      problem: 'unsupported',
    });
  });

  it('refuses an empty file, a name without a known extension, and one over the limit', () => {
    expect(checkCertificate(file(bytes(), 'bevis.pdf'))).toMatchObject({ ok: false, problem: 'empty' });
    expect(checkCertificate(file(PDF, 'bevis'))).toMatchObject({ ok: false, problem: 'bad-name' });
    expect(checkCertificate(file(HTML, 'bevis.html'))).toMatchObject({ ok: false, problem: 'bad-name' });
    const big = new Uint8Array(CERTIFICATE_MAX_BYTES + 1);
    big.set(PDF);
    expect(checkCertificate(file(big, 'bevis.pdf'))).toMatchObject({ ok: false, problem: 'too-large' });
  });
});

describe('file names and the download header', () => {
  it('keeps a clean name, drops folders and control characters, shortens long names', () => {
    expect(safeFileName('../../etc/passwd.pdf', 'pdf')).toBe('passwd.pdf');
    expect(safeFileName('a\u0000b\r\n"c".pdf', 'pdf')).toBe('abc.pdf');
    expect(safeFileName('', 'jpeg')).toBe('kursbevis.jpg');
    expect(safeFileName('.pdf', 'pdf')).toBe('kursbevis.pdf');
    const long = `${'x'.repeat(300)}.pdf`;
    expect(safeFileName(long, 'pdf')).toHaveLength(200);
    expect(safeFileName(long, 'pdf').endsWith('.pdf')).toBe(true);
  });

  it('always an attachment, the name in UTF-8 (RFC 6266)', () => {
    expect(attachmentDisposition('Førstehjelp kurs (2027).pdf')).toBe(
      "attachment; filename*=UTF-8''F%C3%B8rstehjelp%20kurs%20%282027%29.pdf",
    );
  });
});
