/**
 * Reading the «Registrer opplæring» form: multipart fields and at most one file, `certificate`.
 * The file is checked by its first bytes (src/domain/opplaering/sniff.ts) before anything is written:
 * a file that is not PDF, PNG or JPEG, or whose bytes do not match its name or declared type, is a
 * 400 naming the field; a file over the multipart plugin's limit (5 MiB, src/http/app.ts) a 413
 * naming it too. The caller writes the record only after both checks passed.
 */
import type { FastifyRequest } from 'fastify';
import { CERTIFICATE_FIELD, TRAINING_FORM_FIELDS } from '../../contracts/opplaering/opplaering.schemas.ts';
import {
  CERTIFICATE_MAX_BYTES,
  type CertificateProblem,
  checkCertificate,
} from '../../domain/opplaering/sniff.ts';
import type { Text } from '../../i18n/locale.ts';
import { AppError } from '../../platform/errors.ts';
import { fieldsError } from '../../platform/validation.ts';

export type Certificate = { data: Buffer; name: string; mime: string; size: number };

const MB = Math.round(CERTIFICATE_MAX_BYTES / (1024 * 1024));

function tooLarge(): AppError {
  const message: Text = {
    nb: `Filen er for stor. Kursbeviset kan være høyst ${MB} MB.`,
    en: `The file is too large. The certificate may be at most ${MB} MB.`,
  };
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    {
      nb: `Ugyldig verdi i feltet «${CERTIFICATE_FIELD}»: ${message.nb}`,
      en: `Invalid value in field "${CERTIFICATE_FIELD}": ${message.en}`,
    },
    { fields: [{ path: CERTIFICATE_FIELD, message }] },
  );
}

const PROBLEMS: Record<Exclude<CertificateProblem, 'too-large'>, Text> = {
  empty: { nb: 'Filen er tom.', en: 'The file is empty.' },
  unsupported: {
    nb: 'Filen er ikke en PDF, PNG eller JPEG. Last opp kursbeviset som PDF eller bilde.',
    en: 'The file is not a PDF, PNG or JPEG. Upload the certificate as a PDF or an image.',
  },
  'bad-name': {
    nb: 'Filnavnet må slutte på .pdf, .png, .jpg eller .jpeg.',
    en: 'The file name must end in .pdf, .png, .jpg or .jpeg.',
  },
  mismatch: {
    nb: 'Innholdet i filen stemmer ikke med filnavnet eller filtypen. Last opp den opprinnelige filen.',
    en: 'The content of the file does not match its name or type. Upload the original file.',
  },
};

const isTooLarge = (error: unknown) => {
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    statusCode?: unknown;
  };
  return e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413;
};

/** The form's fields as strings, and the checked certificate (null when no file was chosen). */
export async function readTrainingForm(
  request: FastifyRequest,
): Promise<{ fields: Record<string, string>; certificate: Certificate | null }> {
  const fields: Record<string, string> = {};
  let file: { data: Buffer; filename: string; mimetype: string } | null = null;
  let strayFile: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname !== CERTIFICATE_FIELD) strayFile = part.fieldname;
        // A file input left empty arrives as a part without a name and without bytes.
        else if (data.length > 0 || part.filename) {
          file = { data, filename: part.filename ?? '', mimetype: part.mimetype ?? '' };
        }
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (isTooLarge(error)) throw tooLarge();
    throw error;
  }
  if (strayFile !== null) {
    throw fieldsError([
      {
        path: strayFile,
        message: {
          nb: `Kursbeviset sendes i feltet «${CERTIFICATE_FIELD}».`,
          en: `The certificate is sent in the field "${CERTIFICATE_FIELD}".`,
        },
      },
    ]);
  }
  if (file === null) return { fields, certificate: null };
  const check = checkCertificate({ data: file.data, filename: file.filename, declaredMime: file.mimetype });
  if (!check.ok) {
    if (check.problem === 'too-large') throw tooLarge();
    throw fieldsError([{ path: CERTIFICATE_FIELD, message: PROBLEMS[check.problem] }]);
  }
  return { fields, certificate: { data: file.data, name: check.name, mime: check.mime, size: check.size } };
}

const NULLABLE = new Set(['title', 'provider', 'expiresOn', 'note']);
const KNOWN = new Set<string>(TRAINING_FORM_FIELDS);

/**
 * The form's strings as the JSON the schema reads: empty optional fields are null, empty required
 * ones missing (→ «Må fylles ut»), hours as a number (`7,5` and `7.5` both work). An unknown
 * field is a 400 naming it.
 */
export function formToInput(fields: Record<string, string>): Record<string, unknown> {
  const unknown = Object.keys(fields).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) {
    throw fieldsError(
      unknown.map((path) => ({ path, message: { nb: 'Ukjent felt.', en: 'Unknown field.' } })),
    );
  }
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(fields)) {
    const value = raw.trim();
    if (value === '') {
      if (NULLABLE.has(key)) out[key] = null;
    } else if (key === 'hours') {
      const n = Number(value.replace(/\s/g, '').replace(',', '.'));
      out[key] = Number.isFinite(n) ? n : value;
    } else out[key] = raw;
  }
  return out;
}
