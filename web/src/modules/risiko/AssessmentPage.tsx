/**
 * One kartlegging and risikovurdering (`/risiko/:id`): who took part, each hazard with its score
 * before and after tiltak (the band in text), existing barriers, the tiltak with owner and due
 * date, closing (with the leader's written acceptance of a Høy residual risk) and reopening (FOLM
 * § 7-1), the VO's comments and disagreement, employees' suggestions, what the assessment is about
 * and who took part, a change that brings the review forward (FOLM § 7-1), the review that keeps
 * the old version, the earlier versions, and deleting a draft (IK-f § 5). An assessment for
 * pregnant and breastfeeding workers (FUA kap. 7) also lists its template's hazards, scored or not,
 * and takes a pregnancy notice that brings its review forward (FOLM § 7-1) — without anything about
 * the person.
 * What the user may do comes from the server (`canEdit`, `canDelete`, `canComment`, …).
 */
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import {
  BodyLong,
  BodyShort,
  Box,
  Button,
  Detail,
  Heading,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Tag,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  DIMENSION_TEXT,
  HAZARD_AREA_TEXT,
  HAZARD_AREAS,
  type Hazard,
  type HazardArea,
  type PsychosocialDimension,
} from '../../../../src/domain/risiko/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { dateTime, formatDate } from '../../ui/format.ts';
import { NoteDialog } from '../../ui/NoteDialog.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  type Assessment,
  type Risk,
  type Tiltak,
  useAssessment,
  useOwners,
  useRevision,
  useRisikoWrites,
} from './api.ts';
import { BowTie, BowTieDialog } from './BowTie.tsx';
import { BandTag, useScoreText } from './parts.tsx';
import {
  CloseDialog,
  DeleteDraftDialog,
  EditAssessmentDialog,
  ReopenDialog,
  ReviewDialog,
  ReviewSoonerDialog,
  RiskDialog,
  TiltakDialog,
} from './RiskDialogs.tsx';
import './risiko.css';

type Dialog =
  | { kind: 'risk'; risk?: Risk; start?: Hazard }
  | { kind: 'tiltak'; risk: Risk }
  | { kind: 'editTiltak'; tiltak: Tiltak }
  | { kind: 'edit' }
  | { kind: 'sooner' }
  | { kind: 'close'; risk: Risk }
  | { kind: 'reopen'; risk: Risk }
  | { kind: 'done'; tiltak: Tiltak }
  | { kind: 'review' }
  | { kind: 'bowtie'; risk: Risk }
  | { kind: 'delete' }
  | null;

export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const query = useAssessment(id);
  const a = query.data;
  const owners = useOwners(a?.canEdit ?? false);
  const writes = useRisikoWrites();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const navigate = useNavigate();

  if (query.isPending) return <Loading />;
  if (query.isError || !a) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const open = (next: Exclude<Dialog, null>) => {
    setMessage(null);
    for (const w of Object.values(writes)) w.reset();
    setDialog(next);
  };
  const finish = (text: string) => {
    setDialog(null);
    setMessage(text);
  };
  const reload = () => query.refetch();
  /** The version of a risk as last loaded (after «Hent siste versjon» the form keeps what was typed). */
  const versionOf = (risk: Risk) => a.risksList.find((r) => r.id === risk.id)?.version ?? risk.version;

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <ButtonLink to="/risiko" variant="tertiary" size="small">
          {tr.back}
        </ButtonLink>
      </div>
      <PageHeading>{a.title}</PageHeading>
      {a.kind === 'gravide' ? (
        <div>
          <Tag size="small" variant="moderate" data-color="info">
            {tr.gravideTag}
          </Tag>
        </div>
      ) : null}
      <Meta a={a} />
      {a.canEdit ? (
        <div>
          <Button type="button" size="small" variant="secondary" onClick={() => open({ kind: 'edit' })}>
            {tr.editAssessment}
          </Button>
        </div>
      ) : (
        <BodyShort size="small">{tr.readOnly}</BodyShort>
      )}
      <SuccessMessage>{message}</SuccessMessage>
      {writes.removeBowtie.isError ? <ErrorAlert error={writes.removeBowtie.error} /> : null}

      {a.templateHazards.length > 0 ? (
        <TemplateSection a={a} onScore={(start) => open({ kind: 'risk', start })} />
      ) : null}

      <section aria-labelledby="rk-risks-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="rk-risks-heading">
            {tr.risksHeading}
          </Heading>
          {a.canEdit ? (
            <div>
              <Button
                type="button"
                variant="secondary"
                icon={<PlusIcon aria-hidden />}
                onClick={() => open({ kind: 'risk' })}
              >
                {tr.newRisk}
              </Button>
            </div>
          ) : null}
          {a.risksList.length === 0 ? <BodyShort>{tr.noRisks}</BodyShort> : null}
          <ul className="rk-list">
            {a.risksList.map((r) => (
              <RiskItem
                key={r.id}
                risk={r}
                canEdit={a.canEdit}
                onEdit={() => open({ kind: 'risk', risk: r })}
                onTiltak={() => open({ kind: 'tiltak', risk: r })}
                onClose={() => open({ kind: 'close', risk: r })}
                onReopen={() => open({ kind: 'reopen', risk: r })}
                onDone={(tiltak) => open({ kind: 'done', tiltak })}
                onEditTiltak={(tiltak) => open({ kind: 'editTiltak', tiltak })}
                onBowtie={() => open({ kind: 'bowtie', risk: r })}
                onRemoveBowtie={(item) => {
                  setMessage(null);
                  writes.removeBowtie.mutate(item.id, { onSuccess: () => setMessage(tr.bowtieSaved) });
                }}
              />
            ))}
          </ul>
        </VStack>
      </section>

      {a.canComment ? (
        <CommentsSection a={a} onSaved={() => setMessage(tr.commentAdded)} />
      ) : (
        <CommentList a={a} />
      )}
      {a.suggestions.length > 0 ? (
        <section aria-labelledby="rk-suggestions-heading">
          <VStack gap="space-8">
            <Heading level="2" size="medium" id="rk-suggestions-heading">
              {tr.suggestionsHeading}
            </Heading>
            <ul className="rk-list">
              {a.suggestions.map((s) => (
                <li key={s.id} className="rk-item">
                  <BodyShort className="rk-text">{s.text}</BodyShort>
                  <Detail>{`${HAZARD_AREA_TEXT[s.area][locale]} · ${s.by} · ${dateTime(s.at, locale)}`}</Detail>
                </li>
              ))}
            </ul>
          </VStack>
        </section>
      ) : null}
      {a.canSuggest && !a.canEdit ? <SuggestSection a={a} /> : null}

      {a.kind === 'gravide' && a.canEdit ? (
        <section aria-labelledby="rk-pregnancy-heading">
          <VStack gap="space-12">
            <Heading level="2" size="medium" id="rk-pregnancy-heading">
              {tr.pregnancyHeading}
            </Heading>
            <BodyLong className="rk-prose">{tr.pregnancyIntro}</BodyLong>
            {writes.pregnancyNotice.isError ? <ErrorAlert error={writes.pregnancyNotice.error} /> : null}
            <div>
              <Button
                type="button"
                variant="secondary"
                loading={writes.pregnancyNotice.isPending}
                onClick={() => {
                  setMessage(null);
                  writes.pregnancyNotice.mutate(a.id, {
                    onSuccess: (updated) => setMessage(tr.pregnancyNoticed(formatDate(updated.nextReview))),
                  });
                }}
              >
                {tr.pregnancyNotice}
              </Button>
            </div>
          </VStack>
        </section>
      ) : null}

      <section aria-labelledby="rk-review-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="rk-review-heading">
            {tr.reviewHeading}
          </Heading>
          <BodyLong className="rk-prose">{tr.reviewIntro}</BodyLong>
          {a.canEdit ? (
            <HStack gap="space-8" wrap>
              <Button type="button" variant="secondary" onClick={() => open({ kind: 'review' })}>
                {tr.review}
              </Button>
              <Button type="button" variant="secondary" onClick={() => open({ kind: 'sooner' })}>
                {tr.reviewSooner}
              </Button>
            </HStack>
          ) : null}
          <Revisions a={a} />
        </VStack>
      </section>

      {a.canDelete ? (
        <section aria-labelledby="rk-delete-heading">
          <VStack gap="space-12">
            <Heading level="2" size="medium" id="rk-delete-heading">
              {tr.deleteHeading}
            </Heading>
            <BodyLong className="rk-prose">{tr.deleteIntro}</BodyLong>
            <div>
              <Button
                type="button"
                variant="secondary"
                data-color="danger"
                icon={<TrashIcon aria-hidden />}
                onClick={() => open({ kind: 'delete' })}
              >
                {tr.deleteDraft}
              </Button>
            </div>
          </VStack>
        </section>
      ) : null}

      {dialog?.kind === 'risk' ? (
        <RiskDialog
          {...(dialog.risk ? { risk: dialog.risk } : {})}
          {...(dialog.start ? { start: dialog.start } : {})}
          template={a.templateHazards}
          write={dialog.risk ? writes.updateRisk : writes.createRisk}
          onClose={() => setDialog(null)}
          onReload={reload}
          onSubmit={async (body) => {
            if (dialog.risk)
              await writes.updateRisk.mutateAsync({
                id: dialog.risk.id,
                ...body,
                version: versionOf(dialog.risk),
              });
            else await writes.createRisk.mutateAsync({ assessmentId: a.id, ...body });
            finish(tr.riskSaved);
          }}
        />
      ) : null}
      {dialog?.kind === 'tiltak' ? (
        <TiltakDialog
          owners={owners.data?.items ?? []}
          write={writes.createTiltak}
          onClose={() => setDialog(null)}
          onSubmit={async (body) => {
            // A new tiltak starts «planlagt»: the status is the server's, not sent.
            await writes.createTiltak.mutateAsync({
              riskId: dialog.risk.id,
              text: body.text,
              ownerUserId: body.ownerUserId,
              due: body.due,
            });
            finish(tr.tiltakSaved);
          }}
        />
      ) : null}
      {dialog?.kind === 'editTiltak' ? (
        <TiltakDialog
          tiltak={dialog.tiltak}
          owners={owners.data?.items ?? []}
          write={writes.updateTiltak}
          onClose={() => setDialog(null)}
          onReload={reload}
          onSubmit={async (body) => {
            // The version as last loaded (after «Hent siste versjon» the form keeps what was typed).
            const latest = a.risksList
              .flatMap((r) => r.tiltak)
              .find((x) => x.id === dialog.tiltak.id)?.version;
            await writes.updateTiltak.mutateAsync({
              id: dialog.tiltak.id,
              ...body,
              version: latest ?? dialog.tiltak.version,
            });
            finish(tr.tiltakSaved);
          }}
        />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <EditAssessmentDialog
          assessment={a}
          owners={owners.data?.items ?? []}
          write={writes.updateAssessment}
          onClose={() => setDialog(null)}
          onReload={reload}
          onSubmit={async (body) => {
            await writes.updateAssessment.mutateAsync({
              id: a.id,
              unitId: a.unitId,
              ...body,
              version: a.version,
            });
            finish(tr.assessmentSaved);
          }}
        />
      ) : null}
      {dialog?.kind === 'sooner' ? (
        <ReviewSoonerDialog
          nextReview={formatDate(a.nextReview)}
          write={writes.reviewSooner}
          onClose={() => setDialog(null)}
          onReload={reload}
          onSubmit={async (body) => {
            const updated = await writes.reviewSooner.mutateAsync({ id: a.id, version: a.version, ...body });
            finish(tr.reviewedSooner(formatDate(updated.nextReview)));
          }}
        />
      ) : null}
      {dialog?.kind === 'close' ? (
        <CloseDialog
          risk={dialog.risk}
          responsibleName={a.responsibleName}
          today={todayIso()}
          write={writes.closeRisk}
          onClose={() => setDialog(null)}
          onReload={reload}
          onSubmit={async (acceptance) => {
            await writes.closeRisk.mutateAsync({
              id: dialog.risk.id,
              version: versionOf(dialog.risk),
              acceptance,
            });
            finish(tr.riskClosed);
          }}
        />
      ) : null}
      {dialog?.kind === 'reopen' ? (
        <ReopenDialog
          risk={dialog.risk}
          nextReview={formatDate(a.nextReview)}
          write={writes.reopenRisk}
          onClose={() => setDialog(null)}
          onReload={reload}
          onSubmit={async (body) => {
            const updated = await writes.reopenRisk.mutateAsync({
              id: dialog.risk.id,
              version: versionOf(dialog.risk),
              ...body,
            });
            finish(tr.riskReopened(formatDate(updated.nextReview)));
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteDraftDialog
          title={a.title}
          write={writes.deleteAssessment}
          onClose={() => setDialog(null)}
          onReload={reload}
          onSubmit={async (reason) => {
            await writes.deleteAssessment.mutateAsync({ id: a.id, version: a.version, reason });
            // Replace the page in the history: «back» does not lead to an assessment that is gone.
            navigate('/risiko', { replace: true, state: { flash: tr.deleted(a.title) } });
          }}
        />
      ) : null}
      {dialog?.kind === 'done' ? (
        <NoteDialog
          heading={tr.doneHeading}
          formId="rk-done-form"
          confirm={tr.doneConfirm}
          context={dialog.tiltak.text}
          label={tr.doneLabel}
          description={tr.doneDescription}
          requiredMessage={tr.doneRequired}
          pending={writes.markDone.isPending}
          onClose={() => setDialog(null)}
          onSubmit={async (note) => {
            await writes.markDone.mutateAsync({ id: dialog.tiltak.id, version: dialog.tiltak.version, note });
            finish(tr.tiltakDoneMessage(dialog.tiltak.text));
          }}
        />
      ) : null}
      {dialog?.kind === 'bowtie' ? (
        <BowTieDialog
          risk={dialog.risk}
          write={writes.addBowtie}
          onClose={() => setDialog(null)}
          onSubmit={async (body) => {
            await writes.addBowtie.mutateAsync({ riskId: dialog.risk.id, ...body });
            finish(tr.bowtieSaved);
          }}
        />
      ) : null}
      {dialog?.kind === 'review' ? (
        <ReviewDialog
          assessment={a}
          write={writes.review}
          onClose={() => setDialog(null)}
          onReload={reload}
          onSubmit={async (participants) => {
            await writes.review.mutateAsync({ id: a.id, version: a.version, participants });
            finish(tr.reviewed);
          }}
        />
      ) : null}
    </VStack>
  );
}

/** The template's hazards (the kartlegging for pregnant and breastfeeding workers), scored or not. */
function TemplateSection({ a, onScore }: { a: Assessment; onScore: (start: Hazard) => void }) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const scored = a.templateHazards.filter((h) => h.scored).length;
  return (
    <section aria-labelledby="rk-template-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="rk-template-heading">
          {tr.templateHeading}
        </Heading>
        <BodyLong className="rk-prose">{tr.templateIntro}</BodyLong>
        <BodyShort>{tr.templateProgress(scored, a.templateHazards.length)}</BodyShort>
        <ul className="rk-list">
          {a.templateHazards.map((h) => {
            const textId = `rk-template-${h.key}`;
            return (
              <li key={h.key} className="rk-item" data-hazard={h.key}>
                <HStack gap="space-8" align="center" justify="space-between" wrap>
                  <VStack gap="space-4">
                    <BodyShort id={textId} className="rk-text">
                      {h.text[locale]}
                    </BodyShort>
                    <Detail>{HAZARD_AREA_TEXT[h.area][locale]}</Detail>
                  </VStack>
                  {h.scored ? (
                    <Tag size="xsmall" variant="moderate" data-color="success">
                      {tr.templateScored}
                    </Tag>
                  ) : a.canEdit ? (
                    <Button
                      type="button"
                      size="small"
                      variant="secondary"
                      aria-describedby={textId}
                      onClick={() => onScore({ key: h.key, area: h.area, text: h.text })}
                    >
                      {tr.templateScore}
                    </Button>
                  ) : (
                    <Tag size="xsmall" variant="moderate" data-color="neutral">
                      {tr.templateNotScored}
                    </Tag>
                  )}
                </HStack>
              </li>
            );
          })}
        </ul>
      </VStack>
    </section>
  );
}

function Meta({ a }: { a: Assessment }) {
  const { t } = useI18n();
  const tr = t.risiko;
  const m = tr.meta;
  const rows: [string, string][] = [
    [m.unit, a.unitName],
    ...(a.workTask ? ([[m.workTask, a.workTask]] as [string, string][]) : []),
    [m.responsible, a.responsibleName],
    [m.assessed, formatDate(a.assessedOn)],
    [m.nextReview, formatDate(a.nextReview)],
    [m.version, String(a.revision)],
    ...(a.reviewReason ? ([[m.reviewReason, a.reviewReason]] as [string, string][]) : []),
    [
      m.participants,
      a.participants.length === 0
        ? tr.noParticipants
        : a.participants.map((p) => `${p.name} (${tr.participantRoles[p.role]})`).join(', '),
    ],
  ];
  return (
    <dl className="rk-meta">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function RiskItem({
  risk,
  canEdit,
  onEdit,
  onTiltak,
  onClose,
  onReopen,
  onDone,
  onEditTiltak,
  onBowtie,
  onRemoveBowtie,
}: {
  risk: Risk;
  canEdit: boolean;
  onEdit: () => void;
  onTiltak: () => void;
  onClose: () => void;
  onReopen: () => void;
  onDone: (t: Tiltak) => void;
  onEditTiltak: (t: Tiltak) => void;
  onBowtie: () => void;
  onRemoveBowtie: (item: Risk['bowtie'][number]) => void;
}) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const scoreText = useScoreText();
  const headingId = `rk-risk-${risk.id}`;
  return (
    <li className="rk-item" data-risk={risk.id}>
      <section aria-labelledby={headingId}>
        <VStack gap="space-8">
          <HStack gap="space-8" align="center" wrap>
            <Heading level="3" size="small" id={headingId} className="rk-text">
              {risk.title}
            </Heading>
            <Tag size="xsmall" variant="moderate" data-color={risk.status === 'lukket' ? 'neutral' : 'info'}>
              {risk.status === 'lukket' ? tr.closed : tr.open}
            </Tag>
          </HStack>
          <Detail>
            {HAZARD_AREA_TEXT[risk.area][locale]}
            {risk.dimension
              ? ` · ${DIMENSION_TEXT[risk.dimension as PsychosocialDimension]?.[locale] ?? ''}`
              : ''}
          </Detail>
          {risk.description ? <BodyShort className="rk-text">{risk.description}</BodyShort> : null}
          {risk.existingBarriers ? (
            <BodyShort className="rk-text">{tr.barriersShown(risk.existingBarriers)}</BodyShort>
          ) : null}
          <dl className="rk-scores">
            <div data-stage="initial">
              <dt>{tr.initial}</dt>
              <dd>
                <BandTag value={risk.initialBand} /> {scoreText(risk.initial)}
              </dd>
            </div>
            <div data-stage="residual">
              <dt>{tr.residual}</dt>
              <dd>
                {risk.residual && risk.residualBand ? (
                  <>
                    <BandTag value={risk.residualBand} /> {scoreText(risk.residual)}
                  </>
                ) : (
                  tr.residualNone
                )}
              </dd>
            </div>
          </dl>
          {risk.closed ? (
            <BodyShort size="small">
              {tr.closedBy(dateTime(risk.closed.at, locale), risk.closed.by)}
            </BodyShort>
          ) : null}
          {risk.reopened ? (
            <BodyShort size="small" className="rk-text">
              {tr.reopenedBy(dateTime(risk.reopened.at, locale), risk.reopened.by, risk.reopened.reason)}
            </BodyShort>
          ) : null}
          {risk.acceptance ? (
            <BodyShort size="small" className="rk-text">
              {tr.acceptedBy(risk.acceptance.name, formatDate(risk.acceptance.date), risk.acceptance.reason)}
            </BodyShort>
          ) : null}
          <Heading level="4" size="xsmall">
            {tr.tiltakHeading}
          </Heading>
          {risk.tiltak.length === 0 ? <BodyShort size="small">{tr.noTiltak}</BodyShort> : null}
          <ul className="rk-list rk-tiltak">
            {risk.tiltak.map((x) => (
              <li key={x.id} className="rk-item" data-tiltak={x.id} data-status={x.status}>
                <BodyShort className="rk-text">{x.text}</BodyShort>
                <Detail>
                  {`${tr.tiltakOwner(x.ownerName ?? '')} · ${tr.tiltakDue(formatDate(x.due))} · ${tr.statuses[x.status]}`}
                  {x.overdue ? ` · ${tr.overdue}` : ''}
                </Detail>
                {x.done ? (
                  <Detail className="rk-text">
                    {tr.tiltakDone(dateTime(x.done.at, locale), x.done.by, x.done.note)}
                  </Detail>
                ) : null}
                {x.canEdit || x.canMarkDone ? (
                  <HStack gap="space-4" wrap>
                    {x.canEdit ? (
                      <Button
                        type="button"
                        size="small"
                        variant="tertiary"
                        onClick={() => onEditTiltak(x)}
                        aria-label={tr.editTiltakFor(x.text)}
                      >
                        {tr.editTiltak}
                      </Button>
                    ) : null}
                    {x.canMarkDone ? (
                      <Button
                        type="button"
                        size="small"
                        variant="tertiary"
                        onClick={() => onDone(x)}
                        aria-label={tr.markDoneFor(x.text)}
                      >
                        {tr.markDone}
                      </Button>
                    ) : null}
                  </HStack>
                ) : null}
              </li>
            ))}
          </ul>
          <BowTie risk={risk} canEdit={canEdit} onAdd={onBowtie} onRemove={onRemoveBowtie} />
          {canEdit && risk.status === 'apen' ? (
            <HStack gap="space-8" wrap>
              <Button
                type="button"
                size="small"
                variant="secondary"
                onClick={onEdit}
                aria-label={`${tr.editRisk}: ${risk.title}`}
              >
                {tr.editRisk}
              </Button>
              <Button
                type="button"
                size="small"
                variant="secondary"
                onClick={onTiltak}
                aria-label={`${tr.newTiltak}: ${risk.title}`}
              >
                {tr.newTiltak}
              </Button>
              <Button
                type="button"
                size="small"
                variant="secondary"
                onClick={onClose}
                aria-label={`${tr.closeRisk}: ${risk.title}`}
              >
                {tr.closeRisk}
              </Button>
            </HStack>
          ) : null}
          {canEdit && risk.status === 'lukket' ? (
            <div>
              <Button
                type="button"
                size="small"
                variant="secondary"
                onClick={onReopen}
                aria-label={`${tr.reopenRisk}: ${risk.title}`}
              >
                {tr.reopenRisk}
              </Button>
            </div>
          ) : null}
        </VStack>
      </section>
    </li>
  );
}

function CommentList({ a }: { a: Assessment }) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  if (a.comments.length === 0) return null;
  return (
    <ul className="rk-list">
      {a.comments.map((c) => (
        <li key={c.id} className="rk-item" data-kind={c.kind}>
          <Detail>{tr.commentBy(tr.commentKinds[c.kind], c.author, dateTime(c.at, locale))}</Detail>
          <BodyShort className="rk-text">{c.text}</BodyShort>
        </li>
      ))}
    </ul>
  );
}

function CommentsSection({ a, onSaved }: { a: Assessment; onSaved: () => void }) {
  const tr = useI18n().t.risiko;
  const writes = useRisikoWrites();
  const [kind, setKind] = useState<'kommentar' | 'uenighet'>('kommentar');
  const [text, setText] = useState('');
  const errors = useFormErrors(['comment']);
  return (
    <section aria-labelledby="rk-comments-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="rk-comments-heading">
          {tr.commentsHeading}
        </Heading>
        {a.comments.length === 0 ? (
          <BodyShort size="small">{tr.noComments}</BodyShort>
        ) : (
          <CommentList a={a} />
        )}
        <form
          noValidate
          className="rk-prose"
          onSubmit={(e) => {
            e.preventDefault();
            if (!text.trim()) {
              errors.setFieldErrors({ comment: tr.commentRequired });
              focusFirstError(['comment'], { comment: tr.commentRequired });
              return;
            }
            errors.clear();
            writes.comment.mutate(
              { assessmentId: a.id, kind, text: text.trim(), riskId: null },
              {
                onSuccess: () => {
                  setText('');
                  onSaved();
                },
                onError: (error) => errors.setApiError(error),
              },
            );
          }}
        >
          <VStack gap="space-12">
            {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
            <RadioGroup
              legend={tr.commentKind}
              value={kind}
              onChange={(v: 'kommentar' | 'uenighet') => setKind(v)}
            >
              <Radio value="kommentar">{tr.commentKinds.kommentar}</Radio>
              <Radio value="uenighet">{tr.commentKinds.uenighet}</Radio>
            </RadioGroup>
            <Textarea
              id={fieldId('comment')}
              label={tr.commentText}
              value={text}
              maxLength={2000}
              minRows={2}
              onChange={(e) => {
                setText(e.target.value);
                errors.clearField('comment');
              }}
              error={errors.fields.comment}
            />
            <div>
              <Button type="submit" variant="secondary" loading={writes.comment.isPending}>
                {tr.addComment}
              </Button>
            </div>
          </VStack>
        </form>
      </VStack>
    </section>
  );
}

function SuggestSection({ a }: { a: Assessment }) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const writes = useRisikoWrites();
  const [area, setArea] = useState<HazardArea>('fysisk');
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);
  const errors = useFormErrors(['suggestion']);
  return (
    <section aria-labelledby="rk-suggest-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="rk-suggest-heading">
          {tr.suggestHeading}
        </Heading>
        <BodyLong className="rk-prose">{tr.suggestIntro}</BodyLong>
        {sent ? <SuccessMessage>{tr.suggested}</SuccessMessage> : null}
        <form
          noValidate
          className="rk-prose"
          onSubmit={(e) => {
            e.preventDefault();
            setSent(false);
            if (!text.trim()) {
              errors.setFieldErrors({ suggestion: tr.suggestRequired });
              focusFirstError(['suggestion'], { suggestion: tr.suggestRequired });
              return;
            }
            errors.clear();
            writes.suggest.mutate(
              { assessmentId: a.id, area, text: text.trim() },
              {
                onSuccess: () => {
                  setText('');
                  setSent(true);
                },
                onError: (error) => errors.setApiError(error),
              },
            );
          }}
        >
          <VStack gap="space-12">
            {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
            <Select label={tr.area} value={area} onChange={(e) => setArea(e.target.value as HazardArea)}>
              {HAZARD_AREAS.map((x) => (
                <option key={x} value={x}>
                  {HAZARD_AREA_TEXT[x][locale]}
                </option>
              ))}
            </Select>
            <Textarea
              id={fieldId('suggestion')}
              label={tr.suggestText}
              description={tr.descriptionHint}
              value={text}
              maxLength={1000}
              minRows={2}
              onChange={(e) => {
                setText(e.target.value);
                errors.clearField('suggestion');
              }}
              error={errors.fields.suggestion}
            />
            <div>
              <Button type="submit" variant="secondary" loading={writes.suggest.isPending}>
                {tr.suggest}
              </Button>
            </div>
          </VStack>
        </form>
      </VStack>
    </section>
  );
}

function Revisions({ a }: { a: Assessment }) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const [shown, setShown] = useState<number | null>(null);
  const revision = useRevision(a.id, shown);
  const scoreText = useScoreText();
  if (a.revisions.length === 0) return null;
  return (
    <VStack gap="space-8">
      <Heading level="3" size="small">
        {tr.revisionsHeading}
      </Heading>
      <ul className="rk-list">
        {a.revisions.map((r) => (
          <li key={r.revision} className="rk-item">
            <HStack gap="space-8" align="center" wrap>
              <BodyShort>{tr.revisionLabel(r.revision, formatDate(r.assessedOn))}</BodyShort>
              <Button
                type="button"
                size="small"
                variant="tertiary"
                aria-expanded={shown === r.revision}
                onClick={() => setShown(shown === r.revision ? null : r.revision)}
              >
                {shown === r.revision ? tr.hideRevision : tr.showRevision(r.revision)}
              </Button>
            </HStack>
            {shown === r.revision && revision.data ? (
              <Box padding="space-12" background="neutral-soft" borderRadius="8">
                <ul className="rk-list">
                  {revision.data.assessment.risks.map((x) => (
                    <li key={x.id} className="rk-item">
                      <BodyShort weight="semibold" className="rk-text">
                        {x.title}
                      </BodyShort>
                      <Detail>
                        {`${HAZARD_AREA_TEXT[x.area][locale]} · ${tr.initial}: ${scoreText(x.initial)}`}
                        {x.residual ? ` · ${tr.residual}: ${scoreText(x.residual)}` : ''}
                      </Detail>
                    </li>
                  ))}
                </ul>
              </Box>
            ) : null}
          </li>
        ))}
      </ul>
    </VStack>
  );
}
