/**
 * Reading one photo of a report: the multipart fields `photoId` (made on the device, so a resend is
 * a no-op) and `photo`. The photo is told by its first bytes: JPEG or PNG only (HEIC and anything
 * else → 400 naming the field); over `PHOTO_MAX_BYTES` → 413 (the device resizes to ≤ 500 kB).
 */

import type { FastifyRequest } from 'fastify';
import { PHOTO_FIELD, PHOTO_ID_FIELD } from '../../contracts/avvik/avvik.schemas.ts';
import { PHOTO_MAX_BYTES } from '../../domain/avvik/index.ts';
import { SNIFFED_MIME, sniffFileType } from '../../domain/files/sniff.ts';
import { AppError } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';

const KB = Math.round(PHOTO_MAX_BYTES / 1024);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tooLarge(): AppError {
  const message = {
    nb: `Bildet er for stort (høyst ${KB} kB). Ta bildet på nytt i appen, så blir det gjort mindre.`,
    en: `The photo is too large (at most ${KB} kB). Take it again in the app so it is made smaller.`,
  };
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    {
      nb: `Ugyldig verdi i feltet «${PHOTO_FIELD}»: ${message.nb}`,
      en: `Invalid value in field "${PHOTO_FIELD}": ${message.en}`,
    },
    { fields: [{ path: PHOTO_FIELD, message }] },
  );
}

const isTooLarge = (error: unknown) => {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    statusCode?: unknown;
  };
  return e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413;
};

/** A photo is a JPEG or a PNG by its first bytes (HEIC and everything else: null). */
export function sniffPhoto(data: Uint8Array): 'image/jpeg' | 'image/png' | null {
  const type = sniffFileType(data);
  return type === 'jpeg' || type === 'png' ? SNIFFED_MIME[type] : null;
}

export async function readPhotoForm(
  request: FastifyRequest,
): Promise<{ id: string; data: Buffer; mime: 'image/jpeg' | 'image/png' }> {
  let id: string | null = null;
  let data: Buffer | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname !== PHOTO_FIELD) {
          throw fieldsError([
            { path: part.fieldname, message: { nb: 'Ukjent felt.', en: 'Unknown field.' } },
          ]);
        }
        data = bytes;
      } else if (part.fieldname === PHOTO_ID_FIELD && typeof part.value === 'string') {
        id = part.value.trim();
      } else {
        throw fieldsError([{ path: part.fieldname, message: { nb: 'Ukjent felt.', en: 'Unknown field.' } }]);
      }
    }
  } catch (error) {
    if (isTooLarge(error)) throw tooLarge();
    throw error;
  }
  if (id === null || !UUID.test(id)) {
    throw fieldsError([
      { path: PHOTO_ID_FIELD, message: { nb: 'Bildet mangler id.', en: 'The photo has no id.' } },
    ]);
  }
  if (data === null || data.length === 0) {
    throw fieldsError([{ path: PHOTO_FIELD, message: { nb: 'Velg et bilde.', en: 'Choose a photo.' } }]);
  }
  if (data.length > PHOTO_MAX_BYTES) throw tooLarge();
  const mime = sniffPhoto(data);
  if (mime === null) {
    throw fieldsError([
      {
        path: PHOTO_FIELD,
        message: {
          nb: 'Bildet må være JPEG eller PNG (HEIC og andre formater tas ikke imot).',
          en: 'The photo must be JPEG or PNG (HEIC and other formats are not accepted).',
        },
      },
    ]);
  }
  return { id: id.toLowerCase(), data, mime };
}
