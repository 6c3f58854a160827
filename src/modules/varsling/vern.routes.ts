/**
 * Varsling's second HTTP surface: the written routine (aml § 2 A-6) and the handler's tools to
 * protect the reporter and hand a case on (aml § 2 A-3 (2), § 2 A-4; GDPR art. 33).
 *
 * - `/api/v1/varsling/rutine…` — the routine in force (everyone logged in: read it, confirm reading,
 *   PDF); the draft and publishing (admin/HR only; others 404).
 * - `/api/v1/varsling/saker/:id/…` — the gjengjeldelse checklist, hand-over to avvik, a personal-data
 *   breach, legal hold, the handler's own evidence files: only named handlers not excluded from the
 *   case (everyone else, administrators included, 404).
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bilingual } from '../../contracts/bilingual.ts';
import {
  AvvikHandoverSchema,
  BreachSchema,
  CaseViewSchema,
  IdParamsSchema,
  LegalHoldSchema,
  RetaliationEntrySchema,
  RoutineDraftInputSchema,
  RoutineDraftViewSchema,
  RoutinePublishSchema,
  RoutineReadViewSchema,
  VersionOnlySchema,
} from '../../contracts/varsling/varsling.schemas.ts';
import { attachmentDisposition } from '../../domain/files/sniff.ts';
import { AppError } from '../../platform/errors.ts';
import type { RouteDeps } from '../../platform/module.ts';
import { access, defineRoute } from '../../platform/route.ts';
import {
  addRetaliationEntry,
  breachDecided,
  completeRetaliationCheck,
  handOverToAvvik,
  reportBreach,
  setLegalHold,
} from './protection.service.ts';
import {
  confirmRead,
  draftView,
  publishRoutine,
  routineForReader,
  routinePdf,
  saveDraft,
} from './routine.service.ts';
import { assertSecondFactorSession } from './second-factor.ts';
import { addEvidence, buildCaseView, caseForHandler } from './varsling.service.ts';

const ADMIN_HR = access.roles('admin', 'hr');
const TAGS = ['varsling'];
const P = '/api/v1/varsling';

const ReadConfirmSchema = z
  .object({ number: z.number(bilingual('Mangler versjonen.', 'The version is missing.')).int().min(1) })
  .strict();

export function vernRoutes({ reminders }: RouteDeps) {
  const { today } = reminders;
  return [
    // ── The written routine (aml § 2 A-6) ─────────────────────────────────────────────────────
    defineRoute({
      method: 'GET',
      url: `${P}/rutine`,
      summary: 'Varslingsrutinen som gjelder (aml § 2 A-6 (5): lett tilgjengelig for alle ansatte)',
      tags: TAGS,
      access: access.anyRole,
      response: RoutineReadViewSchema,
      async handler(_input, { db, actor }) {
        return routineForReader(db, actor);
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${P}/rutine/lest`,
      summary: 'Bekreft at jeg har lest varslingsrutinen (denne versjonen)',
      tags: TAGS,
      access: access.anyRole,
      body: ReadConfirmSchema,
      response: RoutineReadViewSchema,
      async handler({ body }, { db, actor }) {
        return confirmRead(db, actor, body.number, today());
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${P}/rutine/pdf`,
      summary: 'Varslingsrutinen som PDF',
      tags: TAGS,
      access: access.anyRole,
      response: 'binary',
      async handler(_input, { db, actor, reply }) {
        const pdf = await routinePdf(db, actor.organisationId);
        reply
          .type('application/pdf')
          .header('content-disposition', attachmentDisposition('varslingsrutine.pdf'))
          .header('x-content-type-options', 'nosniff');
        return pdf;
      },
    }),
    defineRoute({
      method: 'GET',
      url: `${P}/rutine/utkast`,
      summary:
        'Utkastet til varslingsrutinen (forhåndsutfylt fra mottakerne og kanalen) og lesebekreftelsene',
      tags: TAGS,
      access: ADMIN_HR,
      response: RoutineDraftViewSchema,
      async handler(_input, { db, actor }) {
        return draftView(db, actor.organisationId);
      },
    }),
    defineRoute({
      method: 'PUT',
      url: `${P}/rutine/utkast`,
      summary: 'Lagre utkastet til varslingsrutinen (versjon 0 starter et nytt utkast)',
      tags: TAGS,
      access: ADMIN_HR,
      body: RoutineDraftInputSchema,
      response: RoutineDraftViewSchema,
      async handler({ body }, { db, actor }) {
        return saveDraft(db, actor, { version: body.version, answers: body.answers }, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${P}/rutine/publiser`,
      summary: 'Publiser rutinen; samarbeidet med de ansatte og tillitsvalgte registreres (aml § 2 A-6 (2))',
      tags: TAGS,
      access: ADMIN_HR,
      body: RoutinePublishSchema,
      response: RoutineDraftViewSchema,
      async handler({ body }, { db, actor }) {
        return publishRoutine(db, actor, body, today());
      },
    }),

    // ── Protecting the reporter, hand-over, legal hold (handlers of the case only) ───────────
    defineRoute({
      method: 'POST',
      url: `${P}/saker/:id/gjengjeldelse`,
      summary: 'Gjengjeldelse-sjekklisten: registrer hva som er endret for varsleren (aml § 2 A-4)',
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      body: RetaliationEntrySchema,
      response: CaseViewSchema,
      status: 201,
      async handler({ params, body }, { db, actor, session }) {
        await assertSecondFactorSession(db, actor, session);
        return addRetaliationEntry(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${P}/saker/:id/gjengjeldelse/ferdig`,
      summary: 'Sjekklisten er gjennomgått (alle områdene vurdert)',
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      body: VersionOnlySchema,
      response: CaseViewSchema,
      async handler({ params, body }, { db, actor, session }) {
        await assertSecondFactorSession(db, actor, session);
        return completeRetaliationCheck(db, actor, params.id, body.version, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${P}/saker/:id/avvik`,
      summary:
        'Send saken til avvikssystemet (uten varslerens identitet, med mindre varsleren har samtykket)',
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      body: AvvikHandoverSchema,
      response: CaseViewSchema,
      status: 201,
      async handler({ params, body }, { db, actor, session }) {
        await assertSecondFactorSession(db, actor, session);
        return handOverToAvvik(db, actor, params.id, body, today(), new Date());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${P}/saker/:id/personvern`,
      summary:
        'Saken avdekker et brudd på personopplysningssikkerheten: start 72-timersfristen (GDPR art. 33)',
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      body: BreachSchema,
      response: CaseViewSchema,
      status: 201,
      async handler({ params, body }, { db, actor, session }) {
        await assertSecondFactorSession(db, actor, session);
        return reportBreach(db, actor, params.id, body, today(), new Date());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${P}/saker/:id/personvern/avgjort`,
      summary: 'Personvernavviket er avgjort (meldt til Datatilsynet, eller besluttet ikke meldt)',
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      body: VersionOnlySchema,
      response: CaseViewSchema,
      async handler({ params, body }, { db, actor, session }) {
        await assertSecondFactorSession(db, actor, session);
        return breachDecided(db, actor, params.id, body.version, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${P}/saker/:id/rettslig-hold`,
      summary: 'Hold saken tilbake fra sletting (med begrunnelse), eller opphev det',
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      body: LegalHoldSchema,
      response: CaseViewSchema,
      async handler({ params, body }, { db, actor, session }) {
        await assertSecondFactorSession(db, actor, session);
        return setLegalHold(db, actor, params.id, body, today());
      },
    }),
    defineRoute({
      method: 'POST',
      url: `${P}/saker/:id/vedlegg`,
      summary:
        'Saksbehandleren legger ved dokumentasjon (JPEG, PNG, PDF, tekst; høyst 5 MiB); metadata fjernes, innholdet krypteres',
      tags: TAGS,
      access: access.anyRole,
      params: IdParamsSchema,
      body: 'multipart',
      response: CaseViewSchema,
      status: 201,
      async handler({ params, body: request }, { db, actor, session }) {
        await assertSecondFactorSession(db, actor, session);
        // The access check before reading the file: a non-handler's upload is a 404, nothing read.
        const row = await caseForHandler(db, actor, params.id);
        const file = await readHandlerUpload(request);
        const day = today();
        await addEvidence(db, row, file, actor, day);
        return buildCaseView(db, await caseForHandler(db, actor, params.id), day);
      },
    }),
  ];
}

/** One file in the field `fil` (the multipart plugin limits it to 5 MiB → 413). */
async function readHandlerUpload(request: FastifyRequest) {
  let file: { name: string; data: Uint8Array } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      // A view on the buffer, not a copy: the file is 5 MB at most, and every copy is GC work.
      if (part.fieldname === 'fil')
        file = {
          name: part.filename ?? '',
          data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
        };
    }
  }
  if (!file) {
    throw new AppError(
      'VALIDATION_FAILED',
      { nb: 'Opplastingen mangler en fil.', en: 'The upload has no file.' },
      {
        fields: [
          { path: 'fil', message: { nb: 'Velg en fil (feltet «fil»).', en: 'Choose a file (field "fil").' } },
        ],
      },
    );
  }
  return file;
}
