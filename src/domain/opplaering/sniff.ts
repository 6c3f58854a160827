/**
 * Course certificates: which files are accepted, told by their first bytes — never by the name or
 * the browser's claim alone. Only PDF, PNG and JPEG are kept (a certificate is a document or a
 * photo of one); a file whose bytes say one thing and whose name or declared type says another is
 * refused, so a renamed file (an HTML page named .pdf, a PNG named .pdf) never gets stored. Pure.
 *
 * The server stores the bytes as data and serves them only as a download
 * (`Content-Disposition: attachment`, `X-Content-Type-Options: nosniff`, the sniffed type).
 */

import {
  attachmentDisposition,
  SNIFFED_MIME,
  SNIFFED_TYPES,
  type SniffedType,
  sniffFileType,
} from '../files/sniff.ts';

export { attachmentDisposition, sniffFileType };
export const CERTIFICATE_TYPES = SNIFFED_TYPES;
export type CertificateType = SniffedType;
export const CERTIFICATE_MIME: Readonly<Record<CertificateType, string>> = SNIFFED_MIME;

const EXTENSIONS: Readonly<Record<string, CertificateType>> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
};

/** What a browser or client may declare for each type (aliases seen in the wild). */
const DECLARED: Readonly<Record<string, CertificateType>> = {
  'application/pdf': 'pdf',
  'application/x-pdf': 'pdf',
  'image/png': 'png',
  'image/x-png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
};

/** Declared types that say nothing about the content (a browser that does not know the type). */
const UNSPECIFIC = new Set(['', 'application/octet-stream', 'binary/octet-stream']);

/** The upload limit the server's multipart plugin enforces (src/http/app.ts: 5 MiB). */
export const CERTIFICATE_MAX_BYTES = 5 * 1024 * 1024;

/** The `accept` attribute of a file input for certificates. */
export const CERTIFICATE_ACCEPT = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** The type a file name's extension says (`.jpg`/`.jpeg` are both JPEG), or null. */
export function typeFromName(filename: string): CertificateType | null {
  const name = baseName(filename).toLowerCase();
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  return EXTENSIONS[name.slice(dot + 1)] ?? null;
}

function baseName(filename: string): string {
  const parts = filename.split(/[\\/]/);
  return (parts[parts.length - 1] ?? '').trim();
}

/**
 * A file name safe to store and to send back in a header: no folders, no control characters, at
 * most 200 characters (keeping the extension); empty names become `kursbevis.<ext>`.
 */
export function safeFileName(filename: string, type: CertificateType): string {
  const cleaned = [...baseName(filename)]
    .filter((c) => {
      const code = c.charCodeAt(0);
      // No control characters (C0, DEL) and no quotes: the name goes into a header and a file system.
      return code > 0x1f && code !== 0x7f && c !== '"';
    })
    .join('')
    .trim();
  const fallback = `kursbevis.${type === 'jpeg' ? 'jpg' : type}`;
  if (cleaned === '' || cleaned.startsWith('.')) return fallback;
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : '';
  return `${cleaned.slice(0, 200 - ext.length)}${ext}`;
}

export type CertificateProblem =
  /** No bytes. */
  | 'empty'
  /** The bytes are not PDF, PNG or JPEG. */
  | 'unsupported'
  /** The name has no .pdf/.png/.jpg/.jpeg extension. */
  | 'bad-name'
  /** The bytes are one type, the name or the declared type another. */
  | 'mismatch'
  /** Larger than the limit. */
  | 'too-large';

export type CertificateCheck =
  | { ok: true; type: CertificateType; mime: string; name: string; size: number }
  | { ok: false; problem: CertificateProblem; sniffed: CertificateType | null };

/** Decides whether an uploaded file may be stored as a certificate, and as what. */
export function checkCertificate(file: {
  data: Uint8Array;
  filename: string;
  declaredMime: string;
  maxBytes?: number;
}): CertificateCheck {
  const max = file.maxBytes ?? CERTIFICATE_MAX_BYTES;
  if (file.data.length === 0) return { ok: false, problem: 'empty', sniffed: null };
  if (file.data.length > max) return { ok: false, problem: 'too-large', sniffed: null };
  const sniffed = sniffFileType(file.data);
  const named = typeFromName(file.filename);
  if (sniffed === null) return { ok: false, problem: named === null ? 'bad-name' : 'unsupported', sniffed };
  if (named === null) return { ok: false, problem: 'bad-name', sniffed };
  if (named !== sniffed) return { ok: false, problem: 'mismatch', sniffed };
  const declared = (file.declaredMime.split(';')[0] ?? '').trim().toLowerCase();
  if (!UNSPECIFIC.has(declared) && DECLARED[declared] !== sniffed) {
    return { ok: false, problem: 'mismatch', sniffed };
  }
  return {
    ok: true,
    type: sniffed,
    mime: CERTIFICATE_MIME[sniffed],
    name: safeFileName(file.filename, sniffed),
    size: file.data.length,
  };
}
