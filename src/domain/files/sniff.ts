/**
 * What a stored file is, told by its first bytes — never by its name or the browser's claim alone.
 * One place for every upload (certificates, avvik photos, varsling evidence). Pure.
 */

export const SNIFFED_TYPES = ['pdf', 'png', 'jpeg'] as const;
export type SniffedType = (typeof SNIFFED_TYPES)[number];

export const SNIFFED_MIME = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
} as const satisfies Readonly<Record<SniffedType, string>>;

const startsWith = (data: Uint8Array, bytes: readonly number[]) =>
  data.length >= bytes.length && bytes.every((b, i) => data[i] === b);

/** `%PDF-` */
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
/** `\x89PNG\r\n\x1a\n` */
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** SOI marker followed by the start of the next marker. */
const JPEG = [0xff, 0xd8, 0xff];

/** The type the first bytes say, or null when they are none of PDF, PNG or JPEG. */
export function sniffFileType(data: Uint8Array): SniffedType | null {
  if (startsWith(data, PDF)) return 'pdf';
  if (startsWith(data, PNG)) return 'png';
  if (startsWith(data, JPEG)) return 'jpeg';
  return null;
}

/**
 * `Content-Disposition` for a download: always `attachment` (never shown inline, so a crafted
 * file cannot run in the app's origin), the name as RFC 5987/6266 `filename*` in UTF-8.
 */
export function attachmentDisposition(filename: string): string {
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}
