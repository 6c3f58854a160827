/**
 * Strips identifying metadata from evidence files before they are stored (the reporter is told):
 * - JPEG: every APPn segment except APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour
 *   transform) — so EXIF (GPS, camera serial, owner, times), XMP and IPTC go — and comments;
 * - PNG: text chunks (tEXt, zTXt, iTXt), eXIf and tIME;
 * - PDF: the document information dictionary (author, creator, producer, dates) and the XMP
 *   metadata stream, blanked in place with spaces so every byte offset (the xref table) stays valid.
 *   A PDF whose metadata sits in a compressed object stream cannot be blanked this way and is
 *   refused — the reporter is asked to print it to a new PDF or send a picture;
 * - plain text (UTF-8) has no metadata and is kept as it is.
 * Anything else is refused. Pure: bytes in, bytes out.
 */

import { SNIFFED_MIME, sniffFileType } from '../files/sniff.ts';

export type EvidenceType = 'image/jpeg' | 'image/png' | 'application/pdf' | 'text/plain';

export type StripResult =
  | { ok: true; type: EvidenceType; data: Uint8Array }
  | { ok: false; problem: 'unsupported' | 'pdf-compressed-metadata' | 'malformed' | 'empty' };

export function sniffEvidence(data: Uint8Array): EvidenceType | null {
  const type = sniffFileType(data);
  if (type !== null) return SNIFFED_MIME[type];
  if (isPlainText(data)) return 'text/plain';
  return null;
}

function isPlainText(data: Uint8Array): boolean {
  if (data.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return true;
  } catch {
    return false;
  }
}

export function stripMetadata(data: Uint8Array): StripResult {
  if (data.length === 0) return { ok: false, problem: 'empty' };
  const type = sniffEvidence(data);
  if (type === null) return { ok: false, problem: 'unsupported' };
  switch (type) {
    case 'image/jpeg': {
      const out = stripJpeg(data);
      return out ? { ok: true, type, data: out } : { ok: false, problem: 'malformed' };
    }
    case 'image/png': {
      const out = stripPng(data);
      return out ? { ok: true, type, data: out } : { ok: false, problem: 'malformed' };
    }
    case 'application/pdf':
      return stripPdf(data);
    case 'text/plain':
      return { ok: true, type, data };
  }
}

/** APP0 JFIF, APP2 ICC, APP14 Adobe are kept; other APPn and COM go. */
const JPEG_KEEP_APP = new Set([0xe0, 0xe2, 0xee]);

export function stripJpeg(data: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [data.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= data.length) {
    if (data[i] !== 0xff) return null;
    const marker = data[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      parts.push(data.subarray(i));
      return concat(parts);
    }
    const length = ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    if (length < 2 || i + 2 + length > data.length) return null;
    const segment = data.subarray(i, i + 2 + length);
    if (marker === 0xda) {
      // Start of scan: the entropy-coded image follows up to the end; copy it as it is.
      parts.push(data.subarray(i));
      return concat(parts);
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const drop = (isApp && !JPEG_KEEP_APP.has(marker)) || marker === 0xfe;
    if (!drop) parts.push(segment);
    i += 2 + length;
  }
  return null;
}

const PNG_DROP = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

export function stripPng(data: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [data.subarray(0, 8)];
  let i = 8;
  while (i + 12 <= data.length) {
    const length =
      ((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    const type = String.fromCharCode(...data.subarray(i + 4, i + 8));
    const end = i + 12 + length;
    if (length < 0 || end > data.length) return null;
    if (!PNG_DROP.has(type)) parts.push(data.subarray(i, end));
    i = end;
    if (type === 'IEND') return concat(parts);
  }
  return null;
}

export function stripPdf(data: Uint8Array): StripResult {
  const out = new Uint8Array(data);
  // One char per byte (windows-1252 keeps the length), so string indexes are byte offsets.
  const text = new TextDecoder('latin1').decode(out);
  const refs = (key: string) =>
    [...text.matchAll(new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`, 'g'))].map((m) => ({
      num: m[1] ?? '',
      gen: m[2] ?? '',
    }));
  const objectStarts = (num: string, gen: string) =>
    [...text.matchAll(new RegExp(`(?<![0-9])${num}\\s+${gen}\\s+obj\\b`, 'g'))].map(
      (m) => (m.index ?? 0) + m[0].length,
    );
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const b = out[k];
      if (b !== 0x0a && b !== 0x0d) out[k] = 0x20;
    }
  };
  for (const ref of refs('Info')) {
    const starts = objectStarts(ref.num, ref.gen);
    if (starts.length === 0) return { ok: false, problem: 'pdf-compressed-metadata' };
    for (const start of starts) {
      const open = text.indexOf('<<', start);
      const close = open < 0 ? -1 : dictionaryEnd(text, open);
      if (close < 0) return { ok: false, problem: 'malformed' };
      // Values may be indirect objects (`/Author 13 0 R`, as PDFKit writes them): blank those too.
      for (const value of text.slice(open, close).matchAll(/(\d+)\s+(\d+)\s+R\b/g)) {
        const valueStarts = objectStarts(value[1] ?? '', value[2] ?? '');
        if (valueStarts.length === 0) return { ok: false, problem: 'pdf-compressed-metadata' };
        for (const at of valueStarts) {
          const end = text.indexOf('endobj', at);
          if (end < 0) return { ok: false, problem: 'malformed' };
          blank(at, end);
        }
      }
      blank(open + 2, close);
    }
  }
  for (const ref of refs('Metadata')) {
    const starts = objectStarts(ref.num, ref.gen);
    if (starts.length === 0) return { ok: false, problem: 'pdf-compressed-metadata' };
    for (const start of starts) {
      const streamAt = text.indexOf('stream', start);
      const endAt = streamAt < 0 ? -1 : text.indexOf('endstream', streamAt + 6);
      if (endAt < 0) return { ok: false, problem: 'malformed' };
      let from = streamAt + 6;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      blank(from, endAt);
    }
  }
  return { ok: true, type: 'application/pdf', data: out };
}

/** The index of the `>>` that closes the dictionary opened at `open`, skipping strings. */
function dictionaryEnd(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length - 1; k++) {
    const c = text[k];
    if (c === '(') {
      // A literal string: balanced parentheses, backslash escapes.
      let level = 1;
      k++;
      while (k < text.length && level > 0) {
        if (text[k] === '\\') k++;
        else if (text[k] === '(') level++;
        else if (text[k] === ')') level--;
        k++;
      }
      k--;
    } else if (c === '<' && text[k + 1] === '<') {
      depth++;
      k++;
    } else if (c === '>' && text[k + 1] === '>') {
      depth--;
      if (depth === 0) return k;
      k++;
    }
  }
  return -1;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
