/**
 * «Vernerunder» (`/risiko/vernerunder`): the rounds the user takes part in, and — for leaders (their
 * units), HR and admin — planning a round with its leader, verneombud and checklist areas.
 */
import { PlusIcon } from '@navikt/aksel-icons';
import {
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  Heading,
  Link,
  Select,
  Table,
  Tag,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { HAZARD_AREA_TEXT, HAZARD_AREAS, type HazardArea } from '../../../../src/domain/risiko/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { GeneralError } from './parts.tsx';
import { type RoundList, useRoundPeople, useRounds, useRoundWrites } from './vernerunde.api.ts';
import './risiko.css';

const PLAN_KEYS = ['title', 'unitId', 'plannedOn', 'leaderUserId', 'voUserId', 'areas'] as const;

export function VernerunderPage() {
  const tv = useI18n().t.vernerunde;
  const rounds = useRounds();
  const [planning, setPlanning] = useState(false);
  const data = rounds.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{tv.title}</PageHeading>
        <BodyLong className="rk-prose">{tv.intro}</BodyLong>
      </VStack>
      <section aria-labelledby="vr-list-heading">
        <VStack gap="space-12">
          <Heading level="2" size="medium" id="vr-list-heading">
            {tv.listHeading}
          </Heading>
          {data?.canCreate ? (
            <div>
              <Button
                type="button"
                variant="secondary"
                icon={<PlusIcon aria-hidden />}
                onClick={() => setPlanning(true)}
              >
                {tv.plan}
              </Button>
            </div>
          ) : null}
          {rounds.isPending ? <Loading /> : null}
          {rounds.isError ? <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} /> : null}
          {data ? <RoundTable list={data} /> : null}
        </VStack>
      </section>
      {planning && data ? <PlanDialog units={data.units} onClose={() => setPlanning(false)} /> : null}
    </VStack>
  );
}

function RoundTable({ list }: { list: RoundList }) {
  const tv = useI18n().t.vernerunde;
  if (list.items.length === 0) return <BodyShort>{tv.none}</BodyShort>;
  return (
    <div className="rk-scroll">
      <Table size="small">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{tv.colTitle}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{tv.colUnit}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{tv.colDate}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{tv.colStatus}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{tv.colFindings}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {list.items.map((r) => (
            <Table.Row key={r.id}>
              <Table.DataCell>
                <Link as={RouterLink} to={`/risiko/vernerunder/${r.id}`}>
                  {r.title}
                </Link>
              </Table.DataCell>
              <Table.DataCell>{r.unitName}</Table.DataCell>
              <Table.DataCell>{formatDate(r.plannedOn)}</Table.DataCell>
              <Table.DataCell>
                <Tag
                  size="xsmall"
                  variant="moderate"
                  data-color={r.status === 'signert' ? 'success' : 'info'}
                >
                  {tv.statuses[r.status]}
                </Tag>
              </Table.DataCell>
              <Table.DataCell>{r.findings}</Table.DataCell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function PlanDialog({ units, onClose }: { units: RoundList['units']; onClose: () => void }) {
  const { t, locale } = useI18n();
  const tv = t.vernerunde;
  const navigate = useNavigate();
  const people = useRoundPeople(true);
  const writes = useRoundWrites();
  const errors = useFormErrors(PLAN_KEYS);
  const [form, setForm] = useState({
    title: '',
    unitId: units.length === 1 ? (units[0]?.id ?? '') : '',
    plannedOn: '',
    leaderUserId: '',
    voUserId: '',
  });
  const [areas, setAreas] = useState<HazardArea[]>([...HAZARD_AREAS]);
  const set = (key: keyof typeof form, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(key);
  };

  const submit = () => {
    const fields: FieldErrors = {};
    if (!form.title.trim()) fields.title = tv.roundTitleRequired;
    if (!form.unitId) fields.unitId = tv.unitRequired;
    if (!form.plannedOn || form.plannedOn === INVALID_DATE) fields.plannedOn = tv.dateRequired;
    if (!form.leaderUserId) fields.leaderUserId = tv.leaderRequired;
    if (!form.voUserId) fields.voUserId = tv.voRequired;
    if (areas.length === 0) fields.areas = tv.areasRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(PLAN_KEYS, fields);
      return;
    }
    errors.clear();
    writes.create.mutate(
      { ...form, title: form.title.trim(), areas },
      {
        onSuccess: (round) => void navigate(`/risiko/vernerunder/${round.id}`),
        onError: (e) => errors.setApiError(e),
      },
    );
  };

  return (
    <FormDialog
      heading={tv.planHeading}
      formId="vr-plan-form"
      confirm={tv.planSave}
      pending={writes.create.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      <GeneralError error={errors.apiError} message={errors.general} onReload={() => people.refetch()} />
      <TextField
        id={fieldId('title')}
        label={tv.roundTitle}
        value={form.title}
        maxLength={200}
        onChange={(e) => set('title', e.target.value)}
        error={errors.fields.title}
      />
      <Select
        id={fieldId('unitId')}
        label={tv.unit}
        value={form.unitId}
        onChange={(e) => set('unitId', e.target.value)}
        error={errors.fields.unitId}
      >
        <option value="">{tv.unitChoose}</option>
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </Select>
      <DateField
        id={fieldId('plannedOn')}
        label={tv.date}
        value={form.plannedOn}
        onChange={(v) => set('plannedOn', v)}
        error={errors.fields.plannedOn}
      />
      <Select
        id={fieldId('leaderUserId')}
        label={tv.leader}
        value={form.leaderUserId}
        onChange={(e) => set('leaderUserId', e.target.value)}
        error={errors.fields.leaderUserId}
      >
        <option value="">{tv.leaderChoose}</option>
        {(people.data?.leaders ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <Select
        id={fieldId('voUserId')}
        label={tv.vo}
        value={form.voUserId}
        onChange={(e) => set('voUserId', e.target.value)}
        error={errors.fields.voUserId}
      >
        <option value="">{tv.voChoose}</option>
        {(people.data?.verneombud ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <CheckboxGroup
        id={fieldId('areas')}
        legend={tv.areas}
        value={areas}
        onChange={(value: HazardArea[]) => {
          setAreas(value);
          errors.clearField('areas');
        }}
        error={errors.fields.areas}
      >
        {HAZARD_AREAS.map((a) => (
          <Checkbox key={a} value={a}>
            {HAZARD_AREA_TEXT[a][locale]}
          </Checkbox>
        ))}
      </CheckboxGroup>
    </FormDialog>
  );
}
