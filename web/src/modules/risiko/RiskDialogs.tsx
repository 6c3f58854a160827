/**
 * The dialogs of an assessment: a risk (new or changed; the checklist of typical hazards per area,
 * the scores before and after tiltak), a tiltak (owner and due date required), closing a risk (a
 * Høy residual risk needs the responsible leader's written acceptance), reopening a closed risk,
 * what the assessment is about and who took part, a change that brings the review forward, the
 * review, and deleting a draft. A failed save keeps the dialog open with what was typed; a
 * stale version offers the latest.
 */
import {
  Alert,
  BodyShort,
  Fieldset,
  HStack,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  TextField,
} from '@navikt/ds-react';
import { useState } from 'react';
import {
  BAND_TEXT,
  band,
  CONSEQUENCE,
  closureCheck,
  DIMENSION_TEXT,
  HAZARD_AREA_TEXT,
  HAZARD_AREAS,
  HAZARD_CHECKLIST,
  type Hazard,
  type HazardArea,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  PROBABILITY,
  PSYCHOSOCIAL_DIMENSIONS,
  type PsychosocialDimension,
  REVIEW_TRIGGER_TEXT,
  REVIEW_TRIGGERS,
  type ReviewTrigger,
  SCALE,
  type Score,
} from '../../../../src/domain/risiko/index.ts';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import type { Assessment, Owner, Risk, Tiltak } from './api.ts';
import { GeneralError } from './parts.tsx';

type Write = { isPending: boolean };
const OWN = '__own';

const RISK_KEYS = [
  'area',
  'title',
  'initial.p',
  'initial.c',
  'residual.p',
  'residual.c',
  'description',
  'existingBarriers',
] as const;

export type RiskForm = {
  area: HazardArea;
  hazardKey: string | null;
  dimension: PsychosocialDimension | null;
  title: string;
  description: string;
  existingBarriers: string;
  initial: { p: number; c: number };
  residual: { p: number; c: number } | null;
};

function ScoreFields({
  legend,
  prefix,
  value,
  optional,
  errors,
  onChange,
}: {
  legend: string;
  prefix: 'initial' | 'residual';
  value: { p: number; c: number } | null;
  optional: boolean;
  errors: FieldErrors;
  onChange: (next: { p: number; c: number } | null) => void;
}) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const p = value?.p ?? 0;
  const c = value?.c ?? 0;
  const set = (np: number, nc: number) =>
    onChange(optional && np === 0 && nc === 0 ? null : { p: np, c: nc });
  const current = p > 0 && c > 0 ? ({ p, c } as Score) : null;
  return (
    <Fieldset legend={legend}>
      <HStack gap="space-16" wrap>
        <Select
          id={fieldId(`${prefix}.p`)}
          label={tr.probability}
          value={String(p)}
          onChange={(e) => set(Number(e.target.value), c)}
          error={errors[`${prefix}.p`]}
        >
          <option value="0">{optional ? tr.residualNone : tr.scoreChoose}</option>
          {SCALE.map((n) => (
            <option key={n} value={n}>
              {`${n} – ${PROBABILITY[n].label[locale]} (${PROBABILITY[n].hint[locale]})`}
            </option>
          ))}
        </Select>
        <Select
          id={fieldId(`${prefix}.c`)}
          label={tr.consequence}
          value={String(c)}
          onChange={(e) => set(p, Number(e.target.value))}
          error={errors[`${prefix}.c`]}
        >
          <option value="0">{optional ? tr.residualNone : tr.scoreChoose}</option>
          {SCALE.map((n) => (
            <option key={n} value={n}>
              {`${n} – ${CONSEQUENCE[n].label[locale]} (${CONSEQUENCE[n].hint[locale]})`}
            </option>
          ))}
        </Select>
      </HStack>
      {current ? (
        <BodyShort size="small" aria-live="polite">
          {tr.score(current.p, current.c, BAND_TEXT[band(current)].label[locale])}
        </BodyShort>
      ) : null}
    </Fieldset>
  );
}

export function RiskDialog({
  risk,
  template = [],
  start,
  write,
  onClose,
  onReload,
  onSubmit,
}: {
  risk?: Risk;
  /** The hazards of the template the assessment was made from, offered first in the checklist. */
  template?: readonly Hazard[];
  /** A template hazard to score: the new risk starts with its area, key and text. */
  start?: Hazard;
  write: Write;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSubmit: (body: RiskForm) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const [form, setForm] = useState<RiskForm>({
    area: risk?.area ?? start?.area ?? 'ergonomisk',
    hazardKey: risk?.hazardKey ?? start?.key ?? null,
    dimension: (risk?.dimension as PsychosocialDimension | null | undefined) ?? null,
    title: risk?.title ?? start?.text[locale] ?? '',
    description: risk?.description ?? '',
    existingBarriers: risk?.existingBarriers ?? '',
    initial: risk?.initial ?? { p: 0, c: 0 },
    residual: risk?.residual ?? null,
  });
  const errors = useFormErrors(RISK_KEYS);
  const set = <K extends keyof RiskForm>(key: K, value: RiskForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const known = [...template, ...HAZARD_CHECKLIST];
  const checklist = known.filter((h) => h.area === form.area);

  const submit = () => {
    const fields: FieldErrors = {};
    if (!form.title.trim()) fields.title = tr.riskTitleRequired;
    if (form.initial.p === 0) fields['initial.p'] = tr.scoreRequired;
    if (form.initial.c === 0) fields['initial.c'] = tr.scoreRequired;
    if (form.residual && form.residual.p === 0) fields['residual.p'] = tr.scoreRequired;
    if (form.residual && form.residual.c === 0) fields['residual.c'] = tr.scoreRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(RISK_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({ ...form, title: form.title.trim() }).catch((error: unknown) => errors.setApiError(error));
  };

  return (
    <FormDialog
      heading={risk ? tr.riskHeadingEdit : tr.riskHeadingNew}
      formId="rk-risk-form"
      confirm={tr.saveRisk}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <Select
        id={fieldId('area')}
        label={tr.area}
        value={form.area}
        onChange={(e) => {
          const area = e.target.value as HazardArea;
          setForm((f) => ({
            ...f,
            area,
            hazardKey: null,
            dimension: area === 'psykososial' || area === 'organisatorisk' ? f.dimension : null,
          }));
        }}
        error={errors.fields.area}
      >
        {HAZARD_AREAS.map((a) => (
          <option key={a} value={a}>
            {HAZARD_AREA_TEXT[a][locale]}
          </option>
        ))}
      </Select>
      <RadioGroup
        legend={tr.checklist}
        description={tr.checklistDescription}
        value={form.hazardKey ?? OWN}
        onChange={(key: string) => {
          const hazard = key === OWN ? undefined : known.find((h) => h.key === key);
          setForm((f) => ({
            ...f,
            hazardKey: hazard ? hazard.key : null,
            title:
              hazard && (f.title === '' || known.some((h) => h.text[locale] === f.title))
                ? hazard.text[locale]
                : f.title,
          }));
          errors.clearField('title');
        }}
      >
        {checklist.map((h) => (
          <Radio key={h.key} value={h.key}>
            {h.text[locale]}
          </Radio>
        ))}
        <Radio value={OWN}>{tr.ownHazard}</Radio>
      </RadioGroup>
      <TextField
        id={fieldId('title')}
        label={tr.riskTitle}
        value={form.title}
        maxLength={300}
        onChange={(e) => {
          set('title', e.target.value);
          errors.clearField('title');
        }}
        error={errors.fields.title}
      />
      {form.area === 'psykososial' || form.area === 'organisatorisk' ? (
        <Select
          label={tr.dimension}
          value={form.dimension ?? ''}
          onChange={(e) =>
            set('dimension', e.target.value === '' ? null : (e.target.value as PsychosocialDimension))
          }
        >
          <option value="">{tr.dimensionNone}</option>
          {PSYCHOSOCIAL_DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {DIMENSION_TEXT[d][locale]}
            </option>
          ))}
        </Select>
      ) : null}
      <Textarea
        id={fieldId('description')}
        label={tr.description}
        description={tr.descriptionHint}
        value={form.description}
        maxLength={2000}
        minRows={2}
        onChange={(e) => set('description', e.target.value)}
        error={errors.fields.description}
      />
      <Textarea
        id={fieldId('existingBarriers')}
        label={tr.barriers}
        value={form.existingBarriers}
        maxLength={2000}
        minRows={2}
        onChange={(e) => set('existingBarriers', e.target.value)}
        error={errors.fields.existingBarriers}
      />
      <ScoreFields
        legend={tr.initialLegend}
        prefix="initial"
        value={form.initial}
        optional={false}
        errors={errors.fields}
        onChange={(next) => {
          set('initial', next ?? { p: 0, c: 0 });
          errors.clearField('initial.p');
          errors.clearField('initial.c');
        }}
      />
      <ScoreFields
        legend={tr.residualLegend}
        prefix="residual"
        value={form.residual}
        optional
        errors={errors.fields}
        onChange={(next) => {
          set('residual', next);
          errors.clearField('residual.p');
          errors.clearField('residual.c');
        }}
      />
    </FormDialog>
  );
}

const TILTAK_KEYS = ['text', 'ownerUserId', 'due', 'status'] as const;

export type TiltakForm = { text: string; ownerUserId: string; due: string; status: 'planlagt' | 'pagar' };

/**
 * A new tiltak, or an open one changed (`tiltak`): what is to be done, who owns it and by when are
 * required (the handlingsplan, IK-f § 5 nr. 6); a changed one also says whether the work has started.
 * A done tiltak is not changed (the server answers 409; the page offers no «Endre» then).
 */
export function TiltakDialog({
  tiltak,
  owners,
  write,
  onClose,
  onReload = async () => undefined,
  onSubmit,
}: {
  tiltak?: Tiltak;
  owners: readonly Owner[];
  write: Write;
  onClose: () => void;
  onReload?: () => Promise<unknown>;
  onSubmit: (body: TiltakForm) => Promise<void>;
}) {
  const tr = useI18n().t.risiko;
  const [form, setForm] = useState<TiltakForm>({
    text: tiltak?.text ?? '',
    ownerUserId: tiltak?.ownerUserId ?? '',
    due: tiltak?.due ?? '',
    status: tiltak?.status === 'pagar' ? 'pagar' : 'planlagt',
  });
  const errors = useFormErrors(TILTAK_KEYS);
  const set = (key: keyof TiltakForm, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(key);
  };
  // The owner may have left the list of candidates (e.g. no longer a user): keep them choosable.
  const choices =
    tiltak && !owners.some((o) => o.id === tiltak.ownerUserId)
      ? [{ id: tiltak.ownerUserId, name: tiltak.ownerName ?? tr.ownerUnknown }, ...owners]
      : owners;
  const submit = () => {
    const fields: FieldErrors = {};
    if (!form.text.trim()) fields.text = tr.tiltakTextRequired;
    if (!form.ownerUserId) fields.ownerUserId = tr.ownerRequired;
    if (form.due === '') fields.due = tr.dueRequired;
    else if (form.due === INVALID_DATE) fields.due = tr.dateInvalid;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(TILTAK_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({ ...form, text: form.text.trim() }).catch((error: unknown) => errors.setApiError(error));
  };
  return (
    <FormDialog
      heading={tiltak ? tr.tiltakHeadingEdit : tr.tiltakHeadingNew}
      formId="rk-tiltak-form"
      confirm={tr.saveTiltak}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <Textarea
        id={fieldId('text')}
        label={tr.tiltakText}
        value={form.text}
        maxLength={1000}
        minRows={2}
        onChange={(e) => set('text', e.target.value)}
        error={errors.fields.text}
      />
      <Select
        id={fieldId('ownerUserId')}
        label={tr.owner}
        value={form.ownerUserId}
        onChange={(e) => set('ownerUserId', e.target.value)}
        error={errors.fields.ownerUserId}
      >
        <option value="">{tr.ownerChoose}</option>
        {choices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <DateField
        id={fieldId('due')}
        label={tr.due}
        value={form.due}
        onChange={(v) => set('due', v)}
        error={errors.fields.due}
        required
      />
      {tiltak ? (
        <RadioGroup
          id={fieldId('status')}
          legend={tr.tiltakStatus}
          description={tr.tiltakStatusDescription}
          value={form.status}
          onChange={(value: TiltakForm['status']) => set('status', value)}
          error={errors.fields.status}
        >
          <Radio value="planlagt">{tr.statuses.planlagt}</Radio>
          <Radio value="pagar">{tr.statuses.pagar}</Radio>
        </RadioGroup>
      ) : null}
    </FormDialog>
  );
}

const CLOSE_KEYS = ['acceptance.name', 'acceptance.date', 'acceptance.reason'] as const;

export function CloseDialog({
  risk,
  responsibleName,
  today,
  write,
  onClose,
  onReload,
  onSubmit,
}: {
  risk: Risk;
  responsibleName: string;
  today: string;
  write: Write;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSubmit: (acceptance: { name: string; date: string; reason: string } | null) => Promise<void>;
}) {
  const tr = useI18n().t.risiko;
  const needsAcceptance = !closureCheck(
    { initial: risk.initial as Score, residual: risk.residual as Score | null },
    null,
  ).ok;
  const [form, setForm] = useState({ name: responsibleName, date: today, reason: '' });
  const errors = useFormErrors(CLOSE_KEYS);
  const set = (key: keyof typeof form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(`acceptance.${key}`);
  };
  const submit = () => {
    if (needsAcceptance) {
      const fields: FieldErrors = {};
      if (!form.name.trim()) fields['acceptance.name'] = tr.acceptanceNameRequired;
      if (form.date === '') fields['acceptance.date'] = tr.dateRequired;
      else if (form.date === INVALID_DATE) fields['acceptance.date'] = tr.dateInvalid;
      if (!form.reason.trim()) fields['acceptance.reason'] = tr.acceptanceReasonRequired;
      if (Object.keys(fields).length > 0) {
        errors.setFieldErrors(fields);
        focusFirstError(CLOSE_KEYS, fields);
        return;
      }
    }
    errors.clear();
    onSubmit(
      needsAcceptance ? { name: form.name.trim(), date: form.date, reason: form.reason.trim() } : null,
    ).catch((error: unknown) => errors.setApiError(error));
  };
  return (
    <FormDialog
      heading={tr.closeHeading}
      formId="rk-close-form"
      confirm={tr.closeConfirm}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <BodyShort weight="semibold">{risk.title}</BodyShort>
      {needsAcceptance ? (
        <>
          <Alert variant="warning" size="small">
            {tr.closeNeedsAcceptance}
          </Alert>
          <TextField
            id={fieldId('acceptance.name')}
            label={tr.acceptanceName}
            value={form.name}
            maxLength={200}
            onChange={(e) => set('name', e.target.value)}
            error={errors.fields['acceptance.name']}
          />
          <DateField
            id={fieldId('acceptance.date')}
            label={tr.acceptanceDate}
            value={form.date}
            onChange={(v) => set('date', v)}
            error={errors.fields['acceptance.date']}
            required
          />
          <Textarea
            id={fieldId('acceptance.reason')}
            label={tr.acceptanceReason}
            value={form.reason}
            maxLength={2000}
            minRows={3}
            onChange={(e) => set('reason', e.target.value)}
            error={errors.fields['acceptance.reason']}
          />
        </>
      ) : (
        <BodyShort>{tr.closeOk}</BodyShort>
      )}
    </FormDialog>
  );
}

export function ReviewDialog({
  assessment,
  write,
  onClose,
  onReload,
  onSubmit,
}: {
  assessment: Assessment;
  write: Write;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSubmit: (participants: Assessment['participants']) => Promise<void>;
}) {
  const tr = useI18n().t.risiko;
  const [names, setNames] = useState(namesByRole(assessment.participants));
  const errors = useFormErrors([]);
  const submit = () => {
    errors.clear();
    onSubmit(participantsOf(names)).catch((error: unknown) => errors.setApiError(error));
  };
  return (
    <FormDialog
      heading={tr.reviewHeading}
      formId="rk-review-form"
      confirm={tr.reviewConfirm}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <BodyShort>{tr.reviewDialogBody}</BodyShort>
      <Fieldset legend={tr.participantsLegend} description={tr.participantsDescription}>
        {PARTICIPANT_ROLES.map((role) => (
          <TextField
            key={role}
            label={tr.participantRoles[role]}
            value={names[role]}
            maxLength={1000}
            onChange={(e) => setNames((n) => ({ ...n, [role]: e.target.value }))}
          />
        ))}
      </Fieldset>
    </FormDialog>
  );
}

/** The names per role as the participant fields show them («Kari, Ola»). */
function namesByRole(participants: Assessment['participants']): Record<ParticipantRole, string> {
  return Object.fromEntries(
    PARTICIPANT_ROLES.map((role) => [
      role,
      participants
        .filter((p) => p.role === role)
        .map((p) => p.name)
        .join(', '),
    ]),
  ) as Record<ParticipantRole, string>;
}

function participantsOf(names: Record<ParticipantRole, string>): Assessment['participants'] {
  return PARTICIPANT_ROLES.flatMap((role) =>
    names[role]
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n.length > 0)
      .map((name) => ({ role, name })),
  );
}

const ASSESSMENT_KEYS = ['title', 'workTask', 'responsibleUserId', 'participants'] as const;

export type AssessmentForm = {
  title: string;
  workTask: string;
  responsibleUserId: string;
  participants: Assessment['participants'];
};

/**
 * What the assessment is about, its responsible leader and who took part (the participation is the
 * documentation of medvirkning, aml § 3-1 (1), FOLM § 7-1). The unit stays: an assessment of
 * another unit is a new assessment. A change is not a review: the date and version stay.
 */
export function EditAssessmentDialog({
  assessment,
  owners,
  write,
  onClose,
  onReload,
  onSubmit,
}: {
  assessment: Assessment;
  owners: readonly Owner[];
  write: Write;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSubmit: (body: AssessmentForm) => Promise<void>;
}) {
  const tr = useI18n().t.risiko;
  const [form, setForm] = useState({
    title: assessment.title,
    workTask: assessment.workTask,
    responsibleUserId: assessment.responsibleUserId,
  });
  const [names, setNames] = useState(namesByRole(assessment.participants));
  const errors = useFormErrors(ASSESSMENT_KEYS);
  const set = (key: keyof typeof form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(key);
  };
  const choices = owners.some((o) => o.id === assessment.responsibleUserId)
    ? owners
    : [{ id: assessment.responsibleUserId, name: assessment.responsibleName }, ...owners];
  const submit = () => {
    const fields: FieldErrors = {};
    if (!form.title.trim()) fields.title = tr.assessmentTitleRequired;
    if (!form.responsibleUserId) fields.responsibleUserId = tr.responsibleRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(ASSESSMENT_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({
      title: form.title.trim(),
      workTask: form.workTask.trim(),
      responsibleUserId: form.responsibleUserId,
      participants: participantsOf(names),
    }).catch((error: unknown) => errors.setApiError(error));
  };
  return (
    <FormDialog
      heading={tr.editAssessmentHeading}
      formId="rk-assessment-form"
      confirm={tr.editAssessmentSave}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <BodyShort>{tr.editAssessmentIntro(assessment.unitName)}</BodyShort>
      <TextField
        id={fieldId('title')}
        label={tr.assessmentTitle}
        value={form.title}
        maxLength={200}
        onChange={(e) => set('title', e.target.value)}
        error={errors.fields.title}
      />
      <TextField
        id={fieldId('workTask')}
        label={tr.workTask}
        value={form.workTask}
        maxLength={200}
        onChange={(e) => set('workTask', e.target.value)}
        error={errors.fields.workTask}
      />
      <Select
        id={fieldId('responsibleUserId')}
        label={tr.responsible}
        value={form.responsibleUserId}
        onChange={(e) => set('responsibleUserId', e.target.value)}
        error={errors.fields.responsibleUserId}
      >
        <option value="">{tr.responsibleChoose}</option>
        {choices.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <Fieldset
        id={fieldId('participants')}
        legend={tr.participantsLegend}
        description={tr.participantsDescription}
        error={errors.fields.participants}
      >
        {PARTICIPANT_ROLES.map((role) => (
          <TextField
            key={role}
            label={tr.participantRoles[role]}
            value={names[role]}
            maxLength={1000}
            onChange={(e) => {
              setNames((n) => ({ ...n, [role]: e.target.value }));
              errors.clearField('participants');
            }}
          />
        ))}
      </Fieldset>
    </FormDialog>
  );
}

/** The changes a leader brings a review forward for here; a pregnancy notice has its own button. */
const SOONER_TRIGGERS = REVIEW_TRIGGERS.filter((x) => x !== 'graviditet');
const SOONER_KEYS = ['trigger', 'date'] as const;

/**
 * A change that calls for the assessment to be reviewed sooner (FOLM § 7-1: at changes that may
 * affect the risk — in the work, new equipment, a serious avvik, a new chemical): what changed and
 * by when. The next review only ever moves forward; the server keeps the earlier of the two dates.
 */
export function ReviewSoonerDialog({
  nextReview,
  write,
  onClose,
  onReload,
  onSubmit,
}: {
  /** The assessment's next review as it is now (`dd.mm.åååå`). */
  nextReview: string;
  write: Write;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSubmit: (body: { trigger: ReviewTrigger; date: string }) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const [trigger, setTrigger] = useState<ReviewTrigger | ''>('');
  const [date, setDate] = useState('');
  const errors = useFormErrors(SOONER_KEYS);
  const submit = () => {
    const fields: FieldErrors = {};
    if (trigger === '') fields.trigger = tr.soonerTriggerRequired;
    if (date === '') fields.date = tr.dateRequired;
    else if (date === INVALID_DATE) fields.date = tr.dateInvalid;
    if (Object.keys(fields).length > 0 || trigger === '') {
      errors.setFieldErrors(fields);
      focusFirstError(SOONER_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({ trigger, date }).catch((error: unknown) => errors.setApiError(error));
  };
  return (
    <FormDialog
      heading={tr.soonerHeading}
      formId="rk-sooner-form"
      confirm={tr.soonerConfirm}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <BodyShort>{tr.soonerIntro}</BodyShort>
      <Select
        id={fieldId('trigger')}
        label={tr.soonerTrigger}
        value={trigger}
        onChange={(e) => {
          setTrigger(e.target.value as ReviewTrigger | '');
          errors.clearField('trigger');
        }}
        error={errors.fields.trigger}
      >
        <option value="">{tr.soonerTriggerChoose}</option>
        {SOONER_TRIGGERS.map((x) => (
          <option key={x} value={x}>
            {REVIEW_TRIGGER_TEXT[x][locale]}
          </option>
        ))}
      </Select>
      <DateField
        id={fieldId('date')}
        label={tr.soonerDate}
        description={tr.reopenReviewByDescription(nextReview)}
        value={date}
        onChange={(v) => {
          setDate(v);
          errors.clearField('date');
        }}
        error={errors.fields.date}
        required
      />
    </FormDialog>
  );
}

const REOPEN_KEYS = ['reason', 'reviewBy'] as const;

/**
 * Reopening a closed risk (FOLM § 7-1): a reason and the date the assessment is to be reviewed by,
 * both required here; whether the date has passed is the server's rule (its «today»), and its
 * answer comes back at the date field.
 */
export function ReopenDialog({
  risk,
  nextReview,
  write,
  onClose,
  onReload,
  onSubmit,
}: {
  risk: Risk;
  /** The assessment's next review as it is now (`dd.mm.åååå`). */
  nextReview: string;
  write: Write;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSubmit: (body: { reason: string; reviewBy: string }) => Promise<void>;
}) {
  const tr = useI18n().t.risiko;
  const [form, setForm] = useState({ reason: '', reviewBy: '' });
  const errors = useFormErrors(REOPEN_KEYS);
  const set = (key: keyof typeof form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(key);
  };
  const submit = () => {
    const fields: FieldErrors = {};
    if (!form.reason.trim()) fields.reason = tr.reopenReasonRequired;
    if (form.reviewBy === '') fields.reviewBy = tr.dateRequired;
    else if (form.reviewBy === INVALID_DATE) fields.reviewBy = tr.dateInvalid;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(REOPEN_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({ reason: form.reason.trim(), reviewBy: form.reviewBy }).catch((error: unknown) =>
      errors.setApiError(error),
    );
  };
  return (
    <FormDialog
      heading={tr.reopenHeading}
      formId="rk-reopen-form"
      confirm={tr.reopenConfirm}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <BodyShort weight="semibold" className="rk-text">
        {risk.title}
      </BodyShort>
      <BodyShort>{tr.reopenIntro}</BodyShort>
      <Textarea
        id={fieldId('reason')}
        label={tr.reopenReason}
        description={tr.descriptionHint}
        value={form.reason}
        maxLength={2000}
        minRows={3}
        onChange={(e) => set('reason', e.target.value)}
        error={errors.fields.reason}
      />
      <DateField
        id={fieldId('reviewBy')}
        label={tr.reopenReviewBy}
        description={tr.reopenReviewByDescription(nextReview)}
        value={form.reviewBy}
        onChange={(v) => set('reviewBy', v)}
        error={errors.fields.reviewBy}
        required
      />
    </FormDialog>
  );
}

const DELETE_KEYS = ['reason'] as const;

/**
 * Deleting a draft assessment, with a reason for the audit log (IK-f § 5: only a draft; once it
 * was reviewed or a risk in it was closed the server refuses with a 409, shown here in words, and
 * the page behind is reloaded so it no longer offers the deletion).
 */
export function DeleteDraftDialog({
  title,
  write,
  onClose,
  onReload,
  onSubmit,
}: {
  title: string;
  write: Write;
  onClose: () => void;
  onReload: () => Promise<unknown>;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const tr = useI18n().t.risiko;
  const [reason, setReason] = useState('');
  const errors = useFormErrors(DELETE_KEYS);
  const submit = () => {
    if (!reason.trim()) {
      const fields = { reason: tr.deleteReasonRequired };
      errors.setFieldErrors(fields);
      focusFirstError(DELETE_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit(reason.trim()).catch((error: unknown) => {
      errors.setApiError(error);
      // No longer a draft (reviewed, or a risk closed, meanwhile): the page behind shows it as kept.
      if (error instanceof ApiError && error.reason === 'WRONG_STATE') void onReload();
    });
  };
  return (
    <FormDialog
      heading={tr.deleteHeading}
      formId="rk-delete-form"
      confirm={tr.deleteConfirm}
      danger
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={onReload} />
      <BodyShort className="rk-text">{tr.deleteContext(title)}</BodyShort>
      <Textarea
        id={fieldId('reason')}
        label={tr.deleteReason}
        description={tr.deleteReasonDescription}
        value={reason}
        maxLength={2000}
        minRows={3}
        onChange={(e) => {
          setReason(e.target.value);
          errors.clearField('reason');
        }}
        error={errors.fields.reason}
      />
    </FormDialog>
  );
}
