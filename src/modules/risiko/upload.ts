/**
 * Reading the module's uploads, told by their first bytes (`src/domain/files/sniff.ts`), never by
 * name or the browser's claim:
 * - a vernerunde photo: fields `photoId` (made on the device, so a resend is a no-op) and `photo`;
 *   JPEG or PNG only (else 400 naming the field); over 1 MiB → 413 (the device resizes to ≤ 500 kB);
 * - a safety data sheet: fields `revisionDate` and `sds`; a PDF only (else 400); over 5 MiB → 413.
 */
import type { FastifyRequest } from 'fastify';
import { IsoDateSchema } from '../../contracts/common.ts';
import { SDS_FIELD, SDS_REVISION_FIELD } from '../../contracts/risiko/stoff.schemas.ts';
import { ROUND_PHOTO_FIELD, ROUND_PHOTO_ID_FIELD } from '../../contracts/risiko/vernerunde.schemas.ts';
import { SNIFFED_MIME, sniffFileType } from '../../domain/files/sniff.ts';
import { ROUND_PHOTO_MAX_BYTES, SDS_MAX_BYTES } from '../../domain/risiko/index.ts';
import { AppError } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function tooLarge(field: string, maxBytes: number, what: { nb: string; en: string }): AppError {
  const size =
    maxBytes >= 1024 * 1024
      ? `${Math.round(maxBytes / 1024 / 1024)} MB`
      : `${Math.round(maxBytes / 1024)} kB`;
  const message = {
    nb: `${what.nb} er for stor (høyst ${size}).`,
    en: `${what.en} is too large (at most ${size}).`,
  };
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    {
      nb: `Ugyldig verdi i feltet «${field}»: ${message.nb}`,
      en: `Invalid value in field "${field}": ${message.en}`,
    },
    { fields: [{ path: field, message }] },
  );
}

const isTooLarge = (error: unknown) => {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    statusCode?: unknown;
  };
  return e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413;
};

const unknownField = (name: string) =>
  fieldsError([{ path: name, message: { nb: 'Ukjent felt.', en: 'Unknown field.' } }]);

/** One file part and some text fields; anything else is a 400 naming the field. */
async function readForm(
  request: FastifyRequest,
  fileField: string,
  textFields: readonly string[],
  onTooLarge: () => AppError,
): Promise<{ file: Buffer | null; filename: string; fields: Map<string, string> }> {
  let file: Buffer | null = null;
  let filename = '';
  const fields = new Map<string, string>();
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname !== fileField) throw unknownField(part.fieldname);
        file = bytes;
        filename = part.filename;
      } else if (textFields.includes(part.fieldname) && typeof part.value === 'string') {
        fields.set(part.fieldname, part.value.trim());
      } else {
        throw unknownField(part.fieldname);
      }
    }
  } catch (error) {
    if (isTooLarge(error)) throw onTooLarge();
    throw error;
  }
  return { file, filename, fields };
}

export async function readRoundPhoto(
  request: FastifyRequest,
): Promise<{ id: string; data: Buffer; mime: 'image/jpeg' | 'image/png' }> {
  const large = () => tooLarge(ROUND_PHOTO_FIELD, ROUND_PHOTO_MAX_BYTES, { nb: 'Bildet', en: 'The photo' });
  const { file, fields } = await readForm(request, ROUND_PHOTO_FIELD, [ROUND_PHOTO_ID_FIELD], large);
  const id = fields.get(ROUND_PHOTO_ID_FIELD) ?? '';
  if (!UUID.test(id)) {
    throw fieldsError([
      { path: ROUND_PHOTO_ID_FIELD, message: { nb: 'Bildet mangler id.', en: 'The photo has no id.' } },
    ]);
  }
  if (file === null || file.length === 0) {
    throw fieldsError([
      { path: ROUND_PHOTO_FIELD, message: { nb: 'Velg et bilde.', en: 'Choose a photo.' } },
    ]);
  }
  if (file.length > ROUND_PHOTO_MAX_BYTES) throw large();
  const type = sniffFileType(file);
  if (type !== 'jpeg' && type !== 'png') {
    throw fieldsError([
      {
        path: ROUND_PHOTO_FIELD,
        message: {
          nb: 'Bildet må være JPEG eller PNG (HEIC og andre formater tas ikke imot).',
          en: 'The photo must be JPEG or PNG (HEIC and other formats are not accepted).',
        },
      },
    ]);
  }
  return { id: id.toLowerCase(), data: file, mime: SNIFFED_MIME[type] };
}

export async function readSdsForm(
  request: FastifyRequest,
): Promise<{ data: Buffer; filename: string; revisionDate: string }> {
  const large = () =>
    tooLarge(SDS_FIELD, SDS_MAX_BYTES, { nb: 'Sikkerhetsdatabladet', en: 'The safety data sheet' });
  const { file, filename, fields } = await readForm(request, SDS_FIELD, [SDS_REVISION_FIELD], large);
  const errors = [];
  const revision = IsoDateSchema.safeParse(fields.get(SDS_REVISION_FIELD) ?? '');
  if (!revision.success) {
    errors.push({
      path: SDS_REVISION_FIELD,
      message: {
        nb: 'Skriv revisjonsdatoen på databladet (åååå-mm-dd).',
        en: 'Write the revision date of the data sheet (yyyy-mm-dd).',
      },
    });
  }
  if (file === null || file.length === 0) {
    errors.push({ path: SDS_FIELD, message: { nb: 'Velg en PDF-fil.', en: 'Choose a PDF file.' } });
  } else if (file.length > SDS_MAX_BYTES) {
    throw large();
  } else if (sniffFileType(file) !== 'pdf') {
    errors.push({
      path: SDS_FIELD,
      message: {
        nb: 'Sikkerhetsdatabladet må være en PDF-fil.',
        en: 'The safety data sheet must be a PDF file.',
      },
    });
  }
  if (errors.length > 0 || file === null || !revision.success) throw fieldsError(errors);
  // The name is shown and sent back in Content-Disposition: no path parts, no control characters.
  const name =
    [...filename]
      .filter((c) => c !== '/' && c !== '\\' && (c.codePointAt(0) ?? 0) >= 0x20)
      .join('')
      .slice(0, 200) || 'sikkerhetsdatablad.pdf';
  return { data: file, filename: name, revisionDate: revision.data };
}
