/**
 * «Kartlegging og risikovurdering» (`/risiko`): the organisation's acceptance criteria (recorded
 * once, before the first assessment; admin/HR), the assessments the user may read, and — for
 * leaders (their units), HR and admin — a new assessment with its participants, ordinary or from
 * the template for pregnant and breastfeeding workers (one per unit: the dialog links to the one
 * that exists).
 */
import { PlusIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Fieldset,
  Heading,
  Link,
  Radio,
  RadioGroup,
  Select,
  Table,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import {
  type AssessmentTemplate,
  DEFAULT_CRITERIA,
  PARTICIPANT_ROLES,
  type ParticipantRole,
} from '../../../../src/domain/risiko/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Flash, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type AssessmentList, useAssessments, useCriteria, useOwners, useRisikoWrites } from './api.ts';
import { GeneralError } from './parts.tsx';
import './risiko.css';

const NEW_KEYS = ['title', 'unitId', 'workTask', 'responsibleUserId'] as const;

export function RisikoPage() {
  const { t } = useI18n();
  const tr = t.risiko;
  const list = useAssessments();
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const data = list.data;
  const canCreate = (data?.units.length ?? 0) > 0;

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{tr.title}</PageHeading>
        <BodyLong className="rk-prose">{tr.intro}</BodyLong>
      </VStack>
      <Flash />
      <SuccessMessage>{message}</SuccessMessage>
      <CriteriaSection onSaved={() => setMessage(tr.criteriaSaved)} />
      <section aria-labelledby="rk-list-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="rk-list-heading">
            {tr.listHeading}
          </Heading>
          {canCreate && data?.criteriaRecorded ? (
            <div>
              <Button
                type="button"
                variant="secondary"
                icon={<PlusIcon aria-hidden />}
                onClick={() => {
                  setMessage(null);
                  setCreating(true);
                }}
              >
                {tr.newAssessment}
              </Button>
            </div>
          ) : null}
          {list.isPending ? <Loading /> : null}
          {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
          {data ? <AssessmentTable list={data} canCreate={canCreate} /> : null}
        </VStack>
      </section>
      {creating && data ? (
        <NewAssessmentDialog units={data.units} items={data.items} onClose={() => setCreating(false)} />
      ) : null}
    </VStack>
  );
}

function AssessmentTable({ list, canCreate }: { list: AssessmentList; canCreate: boolean }) {
  const tr = useI18n().t.risiko;
  if (list.items.length === 0) return <BodyShort>{canCreate ? tr.none : tr.noneReader}</BodyShort>;
  return (
    <div className="rk-scroll">
      <Table size="small">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{tr.colTitle}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{tr.colUnit}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{tr.colAssessed}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{tr.colNextReview}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{tr.colRisks}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{tr.colHigh}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {list.items.map((a) => (
            <Table.Row key={a.id}>
              <Table.DataCell>
                <Link as={RouterLink} to={`/risiko/${a.id}`}>
                  {a.title}
                </Link>
                {a.kind === 'gravide' ? (
                  <>
                    {' '}
                    <Tag size="xsmall" variant="moderate" data-color="info">
                      {tr.gravideTag}
                    </Tag>
                  </>
                ) : null}
                {a.workTask ? <BodyShort size="small">{a.workTask}</BodyShort> : null}
              </Table.DataCell>
              <Table.DataCell>{a.unitName}</Table.DataCell>
              <Table.DataCell>{formatDate(a.assessedOn)}</Table.DataCell>
              <Table.DataCell>
                {formatDate(a.nextReview)}{' '}
                {a.reviewState !== 'current' ? (
                  <Tag
                    size="xsmall"
                    variant="moderate"
                    data-color={a.reviewState === 'overdue' ? 'danger' : 'warning'}
                  >
                    {tr.reviewStates[a.reviewState]}
                  </Tag>
                ) : null}
              </Table.DataCell>
              <Table.DataCell>{a.risks}</Table.DataCell>
              <Table.DataCell>{a.high}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function CriteriaSection({ onSaved }: { onSaved: () => void }) {
  const { t, locale } = useI18n();
  const tr = t.risiko;
  const criteria = useCriteria();
  const writes = useRisikoWrites();
  const [text, setText] = useState(DEFAULT_CRITERIA[locale]);
  const errors = useFormErrors(['text']);
  const data = criteria.data;
  if (criteria.isPending) return <Loading />;
  if (criteria.isError) return <ErrorAlert error={criteria.error} />;
  if (!data) return null;
  return (
    <section aria-labelledby="rk-criteria-heading">
      <VStack gap="space-12">
        <Heading level="2" size="medium" id="rk-criteria-heading">
          {tr.criteriaHeading}
        </Heading>
        <BodyLong className="rk-prose">{tr.criteriaIntro}</BodyLong>
        {data.criteria ? (
          <Box padding="space-16" borderRadius="8" background="neutral-soft" className="rk-prose">
            <BodyLong className="rk-text">{data.criteria.text}</BodyLong>
            <BodyShort size="small">
              {tr.criteriaRecorded(formatDate(data.criteria.recordedOn), data.criteria.recordedBy)}
            </BodyShort>
          </Box>
        ) : data.canEdit ? (
          <form
            noValidate
            className="rk-prose"
            onSubmit={(e) => {
              e.preventDefault();
              if (!text.trim()) {
                errors.setFieldErrors({ text: tr.criteriaRequired });
                focusFirstError(['text'], { text: tr.criteriaRequired });
                return;
              }
              errors.clear();
              writes.saveCriteria.mutate(
                { text: text.trim(), version: 0 },
                { onSuccess: onSaved, onError: (e2) => errors.setApiError(e2) },
              );
            }}
          >
            <VStack gap="space-12">
              {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
              <Textarea
                id={fieldId('text')}
                label={tr.criteriaLabel}
                value={text}
                maxLength={4000}
                minRows={4}
                onChange={(e) => {
                  setText(e.target.value);
                  errors.clearField('text');
                }}
                error={errors.fields.text}
              />
              <div>
                <Button type="submit" loading={writes.saveCriteria.isPending}>
                  {tr.criteriaSave}
                </Button>
              </div>
            </VStack>
          </form>
        ) : (
          <Alert variant="info">{tr.criteriaMissing}</Alert>
        )}
      </VStack>
    </section>
  );
}

const splitNames = (s: string) =>
  s
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n.length > 0);

const NONE = 'ingen';

function NewAssessmentDialog({
  units,
  items,
  onClose,
}: {
  units: AssessmentList['units'];
  items: AssessmentList['items'];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const tr = t.risiko;
  const navigate = useNavigate();
  const owners = useOwners(true);
  const writes = useRisikoWrites();
  const [form, setForm] = useState({
    title: '',
    unitId: units.length === 1 ? (units[0]?.id ?? '') : '',
    workTask: '',
    responsibleUserId: '',
  });
  const [template, setTemplate] = useState<AssessmentTemplate | null>(null);
  /** The unit's assessment for pregnant and breastfeeding workers, if it has one (one per unit). */
  const existing =
    template === 'gravide' ? items.find((i) => i.kind === 'gravide' && i.unitId === form.unitId) : undefined;
  const [names, setNames] = useState<Record<ParticipantRole, string>>({
    leder: '',
    verneombud: '',
    ansatt: '',
    bht: '',
  });
  const errors = useFormErrors(NEW_KEYS);
  const set = (key: keyof typeof form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(key);
  };

  const submit = () => {
    const fields: FieldErrors = {};
    if (!form.title.trim()) fields.title = tr.assessmentTitleRequired;
    if (!form.unitId) fields.unitId = tr.unitRequired;
    if (!form.responsibleUserId) fields.responsibleUserId = tr.responsibleRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(NEW_KEYS, fields);
      return;
    }
    errors.clear();
    const participants = PARTICIPANT_ROLES.flatMap((role) =>
      splitNames(names[role]).map((name) => ({ role, name })),
    );
    writes.createAssessment.mutate(
      {
        title: form.title.trim(),
        unitId: form.unitId,
        workTask: form.workTask.trim(),
        responsibleUserId: form.responsibleUserId,
        participants,
        ...(template ? { template } : {}),
      },
      {
        onSuccess: (a) => void navigate(`/risiko/${a.id}`),
        onError: (e) => errors.setApiError(e),
      },
    );
  };

  return (
    <FormDialog
      heading={tr.newHeading}
      formId="rk-new-form"
      confirm={tr.create}
      pending={writes.createAssessment.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={() => owners.refetch()} />
      <RadioGroup
        legend={tr.templateLegend}
        description={tr.templateDescription}
        value={template ?? NONE}
        onChange={(value: string) => {
          const next = value === 'gravide' ? 'gravide' : null;
          setTemplate(next);
          // The template's title, unless the user wrote their own.
          setForm((f) => ({
            ...f,
            title:
              next && f.title.trim() === ''
                ? tr.templateGravideTitle
                : !next && f.title === tr.templateGravideTitle
                  ? ''
                  : f.title,
          }));
          errors.clearField('title');
        }}
      >
        <Radio value={NONE}>{tr.templateNone}</Radio>
        <Radio value="gravide">{tr.templateGravide}</Radio>
      </RadioGroup>
      {existing ? (
        <Alert variant="info" size="small">
          {tr.templateExists}{' '}
          <Link as={RouterLink} to={`/risiko/${existing.id}`}>
            {existing.title}
          </Link>
        </Alert>
      ) : null}
      <TextField
        id={fieldId('title')}
        label={tr.assessmentTitle}
        description={tr.assessmentTitleDescription}
        value={form.title}
        maxLength={200}
        onChange={(e) => set('title', e.target.value)}
        error={errors.fields.title}
      />
      <Select
        id={fieldId('unitId')}
        label={tr.unit}
        value={form.unitId}
        onChange={(e) => set('unitId', e.target.value)}
        error={errors.fields.unitId}
      >
        <option value="">{tr.unitChoose}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </Select>
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
        {(owners.data?.items ?? []).map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
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
