/** Small pieces the document routes share. */
import type { FastifyReply } from 'fastify';
import { notFound } from '../../platform/errors.ts';

/** Sends a generated PDF as a download that no cache keeps (it holds personal data). */
export function sendPdf(reply: FastifyReply, file: { pdf: Buffer; filename: string }): Buffer {
  reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store');
  return file.pdf;
}

/** The actor's own employee id on `/me/…` routes; a login without an employee record finds nothing. */
export function ownId(employeeId: string | null): string {
  if (employeeId === null) throw notFound({ nb: 'Fant ikke den ansatte.', en: 'Employee not found.' });
  return employeeId;
}
