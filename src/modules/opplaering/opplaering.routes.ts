/**
 * Training records' HTTP surface. Admin and HR register, correct and delete records (with the
 * course certificate as a file); a leader sees the records and the gaps of the people they lead;
 * everyone sees their own (`/me/opplaering`). A certificate is downloaded only as an attachment,
 * and every download is written to the audit log.
 */
import { z } from 'zod';
import {
  IdParamsSchema,
  MatrixQuerySchema,
  MatrixSchema,
  MyTrainingSchema,
  TrainingCreateSchema,
  TrainingListQuerySchema,
  TrainingListSchema,
  TrainingRecordSchema,
  TrainingUpdateSchema,
} from '../../contracts/opplaering/opplaering.schemas.ts';
import type { Db } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/calendar/index.ts';
import { buildMatrix, cellFor, requiredCourses } from '../../domain/opplaering/rules.ts';
import { attachmentDisposition } from '../../domain/opplaering/sniff.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { fieldsError, parseOrThrow } from '../../platform/validation.ts';
import {
  employeesInScope,
  findCertificate,
  findRecord,
  listRecords,
  recordFacts,
  type TrainingRecordWire,
} from './opplaering.repository.ts';
import { roleFacts } from './roles.ts';
import { formToInput, readTrainingForm } from './upload.ts';

const EDITORS = access.roles('admin', 'hr');
/** The list: admin/HR everything, a leader their people, an employee their own (scoped in the query). */
const LIST_READERS = access.roles('admin', 'hr', 'leder', 'ansatt');
const MATRIX_READERS = access.roles('admin', 'hr', 'leder');
const TAGS = ['opplaering'];
const BASE = '/api/v1/opplaering';

const recordNotFound = () => notFound({ nb: 'Fant ikke opplæringen.', en: 'Training record not found.' });

/** Completion cannot be in the future: a record documents training that has taken place. */
function notInFuture(completedOn: IsoDate, today: IsoDate): void {
  if (completedOn > today) {
    throw fieldsError([
      {
        path: 'completedOn',
        message: {
          nb: 'Datoen kan ikke være fram i tid. Registrer kurset når det er fullført.',
          en: 'The date cannot be in the future. Register the course once it is completed.',
        },
      },
    ]);
  }
}

async function employeeExists(db: Db, organisationId: string, employeeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('employee')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', employeeId)
    .executeTakeFirst();
  return row !== undefined;
}

async function mustFind(db: Db, actor: Actor, id: string, today: IsoDate): Promise<TrainingRecordWire> {
  const found = await findRecord(db, actor, id, today);
  if (!found) throw recordNotFound();
  return found;
}

export function opplaeringRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    defineRoute({
      method: 'GET',
      url: BASE,
      summary: 'Opplæring (kurs) du har tilgang til: alle (admin, HR), dine medarbeidere (leder), din egen',
      tags: TAGS,
      access: LIST_READERS,
      query: TrainingListQuerySchema,
      response: TrainingListSchema,
      async handler({ query }, { db, actor }) {
        const { items, total } = await listRecords(db, actor, query, today());
        return { items, total, page: query.page, pageSize: query.pageSize };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/matrise`,
      summary: 'Hvem mangler hva: ansatte × kurs (påkrevd etter aml § 3-5 og FOLM § 3-19, eller registrert)',
      tags: TAGS,
      access: MATRIX_READERS,
      query: MatrixQuerySchema,
      response: MatrixSchema,
      async handler({ query }, { db, actor }) {
        const day = today();
        const people = await employeesInScope(db, actor, { unitId: query.unitId }, day);
        const roles = await roleFacts(db, actor.organisationId, day);
        const ids = people.map((p) => p.employeeId);
        const records = await recordFacts(db, actor.organisationId, ids.length > 1000 ? 'all' : ids);
        const matrix = buildMatrix(people, records, roles, day);
        return {
          today: day,
          columns: matrix.columns,
          rows: matrix.rows.map(({ person, requirements, cells }) => ({
            employeeId: person.employeeId,
            name: person.name,
            unitId: person.unitId,
            unitName: person.unitName,
            topLeader: requirements.some((r) => r.course === 'hms-leder'),
            voAmu: requirements.some((r) => r.course === 'vo-amu-40t'),
            gaps: cells.filter((c) => c.gap).length,
            cells: cells.map((c) => ({
              course: c.course,
              state: c.state,
              required: c.required,
              gap: c.gap,
              shortCourse: c.shortCourse,
              recordId: c.record?.id ?? null,
              completedOn: c.record?.completedOn ?? null,
              expiresOn: c.record?.expiresOn ?? null,
              hours: c.record?.hours ?? null,
              title: c.record?.title ?? null,
            })),
          })),
        };
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/me/opplaering',
      summary: 'Min opplæring: mine kurs og det loven krever av meg',
      tags: TAGS,
      access: access.anyRole,
      response: MyTrainingSchema,
      async handler(_input, { db, actor }) {
        const employeeId = actor.employeeId;
        if (employeeId === null) return { employeeId: null, required: [], items: [] };
        const day = today();
        const self: Actor = { ...actor, roles: ['ansatt'] };
        const { items } = await listRecords(db, self, { employeeId, page: 1, pageSize: 200 }, day);
        const roles = await roleFacts(db, actor.organisationId, day);
        const facts = await recordFacts(db, actor.organisationId, [employeeId]);
        const required = requiredCourses(employeeId, roles).map((q) => {
          const cell = cellFor(q.course, true, facts, day);
          return { course: q.course, legalBasis: q.legalBasis, state: cell.state, gap: cell.gap };
        });
        return { employeeId, required, items };
      },
    }),

    defineRoute({
      method: 'POST',
      url: BASE,
      summary:
        'Registrer opplæring (skjema med valgfritt kursbevis i feltet «certificate»: PDF, PNG eller JPEG)',
      tags: TAGS,
      access: EDITORS,
      body: 'multipart',
      response: TrainingRecordSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        const day = today();
        const form = await readTrainingForm(body);
        const input = parseOrThrow(TrainingCreateSchema, formToInput(form.fields));
        notInFuture(input.completedOn, day);
        if (!(await employeeExists(db, actor.organisationId, input.employeeId))) {
          throw fieldsError([
            { path: 'employeeId', message: { nb: 'Fant ikke den ansatte.', en: 'Employee not found.' } },
          ]);
        }
        const certificate = form.certificate;
        const id = await db.transaction().execute(async (trx) => {
          const row = await trx
            .insertInto('training_record')
            .values({
              organisation_id: actor.organisationId,
              employee_id: input.employeeId,
              course: input.course,
              title: input.title,
              completed_on: input.completedOn,
              hours: input.hours,
              provider: input.provider,
              expires_on: input.expiresOn,
              note: input.note,
              certificate: certificate?.data ?? null,
              certificate_name: certificate?.name ?? null,
              certificate_mime: certificate?.mime ?? null,
              certificate_size: certificate?.size ?? null,
              created_by: actor.userId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          await writeAudit(trx, actor, {
            action: 'create',
            entityType: 'training_record',
            entityId: row.id,
            detail: { employeeId: input.employeeId, course: input.course, certificate: certificate !== null },
          });
          return row.id;
        });
        return mustFind(db, actor, id, day);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${BASE}/:id`,
      summary: 'Rett opplysningene om et kurs (kursbeviset endres ikke her)',
      tags: TAGS,
      access: EDITORS,
      params: IdParamsSchema,
      body: TrainingUpdateSchema,
      response: TrainingRecordSchema,
      async handler({ params, body }, { db, actor }) {
        const day = today();
        await mustFind(db, actor, params.id, day);
        notInFuture(body.completedOn, day);
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('training_record')
            .set({
              course: body.course,
              title: body.title,
              completed_on: body.completedOn,
              hours: body.hours,
              provider: body.provider,
              expires_on: body.expiresOn,
              note: body.note,
            })
            .where('organisation_id', '=', actor.organisationId)
            .where('id', '=', params.id)
            .execute();
          await writeAudit(trx, actor, {
            action: 'update',
            entityType: 'training_record',
            entityId: params.id,
            detail: { course: body.course },
          });
        });
        return mustFind(db, actor, params.id, day);
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: `${BASE}/:id`,
      summary: 'Slett et kurs og kursbeviset',
      tags: TAGS,
      access: EDITORS,
      params: IdParamsSchema,
      response: z.object({ ok: z.literal(true) }),
      async handler({ params }, { db, actor }) {
        await db.transaction().execute(async (trx) => {
          const deleted = await trx
            .deleteFrom('training_record')
            .where('organisation_id', '=', actor.organisationId)
            .where('id', '=', params.id)
            .returning(['employee_id', 'course'])
            .executeTakeFirst();
          if (!deleted) throw recordNotFound();
          await writeAudit(trx, actor, {
            action: 'delete',
            entityType: 'training_record',
            entityId: params.id,
            detail: { employeeId: deleted.employee_id, course: deleted.course },
          });
        });
        return { ok: true as const };
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/:id/bevis`,
      summary: 'Last ned kursbeviset (alltid som vedlegg; nedlastingen logges)',
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      response: 'binary',
      async handler({ params }, { db, actor, reply }) {
        const file = await findCertificate(db, actor, params.id);
        if (!file) {
          throw notFound({ nb: 'Fant ikke kursbeviset.', en: 'Certificate not found.' });
        }
        await writeAudit(db, actor, {
          action: 'read',
          entityType: 'training_certificate',
          entityId: params.id,
          detail: { employeeId: file.employeeId },
        });
        reply
          .type(file.mime)
          .header('content-disposition', attachmentDisposition(file.name))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store');
        return file.data;
      },
    }),
  ];
}
