/**
 * Employee import from CSV or Excel: a preview that lists every row's problems without writing
 * anything, and a commit that writes all rows in one transaction or none at all.
 */
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ImportPreviewSchema, ImportResultSchema } from '../../contracts/imports/imports.schemas.ts';
import type { Locale } from '../../i18n/locale.ts';
import { AppError } from '../../platform/errors.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { type ParsedFile, parseImportFile } from './employee-import.parse.ts';
import type { ImportCheck } from './employee-import.ts';
import { commitImport, previewImport } from './imports.service.ts';

const FILE_FIELD = 'file';

const noFile = () =>
  new AppError('BAD_REQUEST', {
    nb: 'Ingen fil ble sendt. Velg en CSV- eller Excel-fil (feltet «file»).',
    en: 'No file was sent. Choose a CSV or Excel file (field "file").',
  });

/** Reads the one uploaded file (5 MiB at most, enforced by the multipart plugin → 413) and parses it. */
async function readUpload(request: FastifyRequest): Promise<ParsedFile> {
  const part = await request.file();
  if (!part || part.fieldname !== FILE_FIELD) throw noFile();
  const data = await part.toBuffer();
  return parseImportFile({ data, filename: part.filename ?? '', mimetype: part.mimetype ?? '' });
}

function toPreview(check: ImportCheck, locale: Locale): z.input<typeof ImportPreviewSchema> {
  return {
    rows: check.rows.map((row) => ({
      line: row.line,
      values: row.values,
      errors: row.errors.map((e) => ({ field: e.field, message: e.message[locale] })),
    })),
    validCount: check.validCount,
    errorCount: check.errorCount,
    canImport: check.canImport,
    ignoredColumns: check.ignoredColumns,
  };
}

export function importRoutes() {
  return [
    defineRoute({
      method: 'POST',
      url: '/api/v1/imports/employees/preview',
      summary:
        'Forhåndsvis import av ansatte fra CSV eller Excel (.xlsx): alle feil per rad, ingenting lagres',
      tags: ['imports'],
      access: access.roles('admin', 'hr'),
      body: 'multipart',
      response: ImportPreviewSchema,
      async handler({ body }, { db, actor, locale }) {
        const file = await readUpload(body);
        return toPreview(await previewImport(db, actor, file), locale);
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/imports/employees',
      summary: 'Importer ansatte fra CSV eller Excel (.xlsx): alle rader i én transaksjon, eller ingen',
      tags: ['imports'],
      access: access.roles('admin', 'hr'),
      body: 'multipart',
      response: ImportResultSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        const file = await readUpload(body);
        return commitImport(db, actor, file);
      },
    }),
  ];
}
