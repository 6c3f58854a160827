/**
 * The company profile (`/internkontroll/profil`, admin/HR): the facts the HMS duties follow from.
 * Counts the register can give (employees today, the average ≥ 20 h/week last year) are shown next
 * to an optional field that overrides them. Saving sends the version read; a 409 `STALE_VERSION`
 * offers the latest version. After a save the duties page shows what follows from the new profile.
 * Below the form: the saved versions (when, by whom, what changed).
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  Detail,
  Fieldset,
  Heading,
  HGrid,
  Link,
  Radio,
  RadioGroup,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { AmuDemandedBy, CmrKind, NaceSystem } from '../../../../src/domain/internkontroll/types.ts';
import { isStaleVersion } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Locale } from '../../i18n/types.ts';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import {
  type CompanyProfileInput,
  type CompanyProfileView,
  useProfile,
  useProfileHistory,
  useSaveProfile,
} from './api.ts';
import { NaceConversion } from './DutiesPage.tsx';
import { formatNumber, parseNumber } from './parts.tsx';
import './internkontroll.css';

/** The fields in the order of the form, by the API's paths (the error summary follows it). */
const KEYS = [
  'employeesTotalOverride',
  'employeesTotalOverrideReason',
  'employeesAvg20hLastYear',
  'hiredWorkers',
  'nace',
  'nace.system',
  'nace.code',
  'nace.label',
  'hazardousChemicals',
  'asbestosExposure',
  'biologicalAgents',
  'nightWorkMainly',
  'cmrExposure',
  'amuDemandedBy',
  'alternativeVoAgreementUntil',
  'arbeidstilsynetOrders',
  'bhtRiskAssessmentSaysRequired',
  'lastVoElection',
  'lastAmuElection',
] as const;

const WORK = ['hazardousChemicals', 'asbestosExposure', 'biologicalAgents', 'nightWorkMainly'] as const;
type WorkKey = (typeof WORK)[number];
const ORDERS = ['vo', 'amu', 'bht'] as const;
type OrderKey = (typeof ORDERS)[number];
const CMR = ['none', 'carcinogenic', 'mutagenic', 'reprotoxic'] as const satisfies readonly (
  | CmrKind
  | 'none'
)[];
const AMU = ['none', 'employer', 'employees', 'union'] as const satisfies readonly AmuDemandedBy[];
const NACE = ['SN2007', 'SN2025'] as const satisfies readonly NaceSystem[];
const BHT = ['unknown', 'yes', 'no'] as const;
type BhtAnswer = (typeof BHT)[number];

type FormState = {
  employeesTotalOverride: string;
  employeesTotalOverrideReason: string;
  employeesAvg20hLastYear: string;
  hiredWorkers: string;
  naceSystem: NaceSystem;
  naceCode: string;
  naceLabel: string;
  work: WorkKey[];
  cmrExposure: CmrKind | 'none';
  amuDemandedBy: AmuDemandedBy;
  alternativeVoAgreementUntil: string;
  orders: OrderKey[];
  bhtAssessment: BhtAnswer;
  lastVoElection: string;
  lastAmuElection: string;
};

function oneOf<T extends string>(values: readonly T[], value: string): T | undefined {
  return values.find((v) => v === value);
}

function initialState(profile: CompanyProfileView, locale: Locale): FormState {
  const p = profile.input;
  const number = (n: number | null) => (n === null ? '' : formatNumber(n, locale));
  return {
    employeesTotalOverride: number(p.employeesTotalOverride),
    employeesTotalOverrideReason: p.employeesTotalOverrideReason ?? '',
    employeesAvg20hLastYear: number(p.employeesAvg20hLastYear),
    hiredWorkers: String(p.hiredWorkers),
    naceSystem: p.nace?.system ?? 'SN2007',
    naceCode: p.nace?.code ?? '',
    naceLabel: p.nace?.label ?? '',
    work: WORK.filter((k) => p[k]),
    cmrExposure: p.cmrExposure ?? 'none',
    amuDemandedBy: p.amuDemandedBy,
    alternativeVoAgreementUntil: p.alternativeVoAgreementUntil ?? '',
    orders: ORDERS.filter((k) => p.arbeidstilsynetOrders[k]),
    bhtAssessment:
      p.bhtRiskAssessmentSaysRequired === null ? 'unknown' : p.bhtRiskAssessmentSaysRequired ? 'yes' : 'no',
    lastVoElection: p.lastVoElection ?? '',
    lastAmuElection: p.lastAmuElection ?? '',
  };
}

export function ProfilePage() {
  const { t } = useI18n();
  const ti = t.internkontroll;
  const profile = useProfile();
  const navigate = useNavigate();
  // Here, not in the form: a save bumps the version, which remounts the form (its key).
  const save = useSaveProfile();
  const [reloaded, setReloaded] = useState(false);
  const [generation, setGeneration] = useState(0);

  const reload = async () => {
    await profile.refetch();
    setReloaded(true);
    setGeneration((g) => g + 1);
  };

  const data = profile.data;
  return (
    <VStack gap="space-32" paddingBlock="space-24">
      <VStack gap="space-8">
        <div>
          <Link as={RouterLink} to="/internkontroll/plikter">
            {ti.backToDuties}
          </Link>
        </div>
        <PageHeading>{ti.profileTitle}</PageHeading>
        <BodyLong className="ik-measure">{ti.profileIntro}</BodyLong>
      </VStack>
      {profile.isPending ? <Loading /> : null}
      {profile.isError ? <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {reloaded ? (
        <div role="status">
          <Alert variant="info" size="small">
            {ti.reloaded}
          </Alert>
        </div>
      ) : null}
      {data ? (
        <ProfileForm
          key={`${data.version}-${generation}`}
          profile={data}
          pending={save.isPending}
          onSave={(input) =>
            save
              .mutateAsync(input)
              .then(() => navigate('/internkontroll/plikter', { state: { flash: ti.saved } }))
          }
          onReload={reload}
          onEdit={() => setReloaded(false)}
        />
      ) : null}
      <History />
    </VStack>
  );
}

function ProfileForm({
  profile,
  pending,
  onSave,
  onReload,
  onEdit,
}: {
  profile: CompanyProfileView;
  pending: boolean;
  /** Resolves when saved (and the page has moved on); rejects with the API's error. */
  onSave: (input: CompanyProfileInput) => Promise<void>;
  onReload: () => Promise<void>;
  onEdit: () => void;
}) {
  const { t, locale } = useI18n();
  const ti = t.internkontroll;
  const errors = useFormErrors(KEYS);
  const [form, setForm] = useState<FormState>(() => initialState(profile, locale));
  const [reloading, setReloading] = useState(false);
  const n = (x: number) => formatNumber(x, locale);
  const { computed, effective } = profile;

  const set = <K extends keyof FormState>(key: K, value: FormState[K], ...fieldKeys: string[]) => {
    setForm((f) => ({ ...f, [key]: value }));
    for (const k of fieldKeys.length > 0 ? fieldKeys : [key]) errors.clearField(k);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onEdit();
    const fields: FieldErrors = {};
    const override = parseNumber(form.employeesTotalOverride);
    if (override !== undefined && !Number.isInteger(override))
      fields.employeesTotalOverride = ti.wholeNumberInvalid;
    if (override !== undefined && !form.employeesTotalOverrideReason.trim()) {
      fields.employeesTotalOverrideReason = ti.employeesOverrideReasonRequired;
    }
    const avg = parseNumber(form.employeesAvg20hLastYear);
    if (avg !== undefined && Number.isNaN(avg)) fields.employeesAvg20hLastYear = ti.numberInvalid;
    const hired = parseNumber(form.hiredWorkers) ?? 0;
    if (!Number.isInteger(hired)) fields.hiredWorkers = ti.wholeNumberInvalid;
    const naceCode = form.naceCode.trim();
    const naceLabel = form.naceLabel.trim();
    if (!naceCode && naceLabel) fields['nace.code'] = ti.naceCodeRequired;
    for (const key of ['alternativeVoAgreementUntil', 'lastVoElection', 'lastAmuElection'] as const) {
      if (form[key] === INVALID_DATE) fields[key] = t.validation.dateInvalid;
    }
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    const input: CompanyProfileInput = {
      version: profile.version,
      employeesTotalOverride: override ?? null,
      employeesTotalOverrideReason: override === undefined ? null : form.employeesTotalOverrideReason.trim(),
      employeesAvg20hLastYear: avg ?? null,
      hiredWorkers: hired,
      nace: naceCode ? { system: form.naceSystem, code: naceCode, label: naceLabel } : null,
      hazardousChemicals: form.work.includes('hazardousChemicals'),
      asbestosExposure: form.work.includes('asbestosExposure'),
      biologicalAgents: form.work.includes('biologicalAgents'),
      nightWorkMainly: form.work.includes('nightWorkMainly'),
      cmrExposure: form.cmrExposure === 'none' ? null : form.cmrExposure,
      amuDemandedBy: form.amuDemandedBy,
      alternativeVoAgreementUntil: form.alternativeVoAgreementUntil || null,
      arbeidstilsynetOrders: {
        vo: form.orders.includes('vo'),
        amu: form.orders.includes('amu'),
        bht: form.orders.includes('bht'),
      },
      bhtRiskAssessmentSaysRequired: form.bhtAssessment === 'unknown' ? null : form.bhtAssessment === 'yes',
      lastVoElection: form.lastVoElection || null,
      lastAmuElection: form.lastAmuElection || null,
    };
    onSave(input).catch((error: unknown) => errors.setApiError(error));
  };

  const conflict = isStaleVersion(errors.apiError) ? errors.apiError : null;
  const avgDescription = [
    computed.employeesAvg20hLastYear === null
      ? ti.avg20hNoHistory
      : ti.avg20hComputed(n(computed.employeesAvg20hLastYear)),
    computed.avgIsPreliminary ? ti.avg20hPreliminary : null,
  ]
    .filter(Boolean)
    .join(' ');
  const workTexts: Record<WorkKey, { label: string; description: string }> = {
    hazardousChemicals: { label: ti.hazardousChemicals, description: ti.hazardousChemicalsDescription },
    asbestosExposure: { label: ti.asbestosExposure, description: ti.asbestosExposureDescription },
    biologicalAgents: { label: ti.biologicalAgents, description: ti.biologicalAgentsDescription },
    nightWorkMainly: { label: ti.nightWorkMainly, description: ti.nightWorkMainlyDescription },
  };
  const altVoDescription =
    effective.employeesTotal >= 5
      ? `${ti.altVoDescription} ${ti.altVoNotRelevant(n(effective.employeesTotal))}`
      : ti.altVoDescription;

  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-32" className="ik-measure">
        {errors.general && !conflict ? <ErrorAlert error={new Error(errors.general)} /> : null}
        {conflict ? (
          <Alert variant="warning" role="alert">
            <VStack gap="space-12" align="start">
              <BodyShort>{conflict.message}</BodyShort>
              <Button
                type="button"
                size="small"
                variant="secondary"
                loading={reloading}
                onClick={() => {
                  setReloading(true);
                  void onReload().finally(() => setReloading(false));
                }}
              >
                {ti.conflictReload}
              </Button>
            </VStack>
          </Alert>
        ) : null}
        <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />

        <VStack as="section" gap="space-20" aria-labelledby="ik-sec-employees">
          <Heading level="2" size="medium" id="ik-sec-employees">
            {ti.sectionEmployees}
          </Heading>
          <TextField
            id={fieldId('employeesTotalOverride')}
            label={`${ti.employeesOverride} ${t.common.optional}`}
            description={ti.employeesOverrideDescription(n(computed.employeesTotal))}
            inputMode="numeric"
            htmlSize={8}
            autoComplete="off"
            value={form.employeesTotalOverride}
            onChange={(e) => set('employeesTotalOverride', e.target.value)}
            error={errors.fields.employeesTotalOverride}
          />
          {form.employeesTotalOverride.trim() !== '' ? (
            <Textarea
              id={fieldId('employeesTotalOverrideReason')}
              label={ti.employeesOverrideReason}
              value={form.employeesTotalOverrideReason}
              maxLength={500}
              minRows={2}
              onChange={(e) => set('employeesTotalOverrideReason', e.target.value)}
              error={errors.fields.employeesTotalOverrideReason}
            />
          ) : null}
          <TextField
            id={fieldId('employeesAvg20hLastYear')}
            label={`${ti.avg20h} ${t.common.optional}`}
            description={avgDescription}
            inputMode="decimal"
            htmlSize={8}
            autoComplete="off"
            value={form.employeesAvg20hLastYear}
            onChange={(e) => set('employeesAvg20hLastYear', e.target.value)}
            error={errors.fields.employeesAvg20hLastYear}
          />
          <TextField
            id={fieldId('hiredWorkers')}
            label={ti.hiredWorkers}
            description={ti.hiredWorkersDescription}
            inputMode="numeric"
            htmlSize={8}
            autoComplete="off"
            value={form.hiredWorkers}
            onChange={(e) => set('hiredWorkers', e.target.value)}
            error={errors.fields.hiredWorkers}
          />
        </VStack>

        <Fieldset
          id={fieldId('nace')}
          legend={ti.naceLegend}
          description={ti.naceDescription}
          error={errors.fields.nace}
        >
          <RadioGroup
            id={fieldId('nace.system')}
            legend={ti.naceSystem}
            value={form.naceSystem}
            onChange={(v: string) => {
              const system = oneOf(NACE, v);
              if (system) set('naceSystem', system, 'nace.system', 'nace');
            }}
            error={errors.fields['nace.system']}
          >
            {NACE.map((s) => (
              <Radio key={s} value={s}>
                {ti.naceSystems[s]}
              </Radio>
            ))}
          </RadioGroup>
          <HGrid columns={{ xs: 1, sm: '10rem 1fr' }} gap="space-20" align="start">
            <TextField
              id={fieldId('nace.code')}
              label={ti.naceCode}
              description={ti.naceCodeDescription}
              autoComplete="off"
              htmlSize={10}
              value={form.naceCode}
              onChange={(e) => set('naceCode', e.target.value, 'nace.code', 'nace')}
              error={errors.fields['nace.code']}
            />
            <TextField
              id={fieldId('nace.label')}
              label={`${ti.naceLabel} ${t.common.optional}`}
              description={ti.naceLabelDescription}
              autoComplete="off"
              maxLength={200}
              value={form.naceLabel}
              onChange={(e) => set('naceLabel', e.target.value, 'nace.label', 'nace')}
              error={errors.fields['nace.label']}
            />
          </HGrid>
          {profile.version > 0 && profile.input.nace ? (
            <BodyShort size="small" className="ik-conversion">
              {`${ti.naceSavedResult} ${profile.input.nace.system} ${profile.input.nace.code}. `}
              <NaceConversion profile={profile} />
            </BodyShort>
          ) : null}
        </Fieldset>

        <VStack as="section" gap="space-20" aria-labelledby="ik-sec-work">
          <Heading level="2" size="medium" id="ik-sec-work">
            {ti.sectionWork}
          </Heading>
          <CheckboxGroup
            legend={ti.workLegend}
            value={form.work}
            onChange={(values: string[]) =>
              set(
                'work',
                WORK.filter((k) => values.includes(k)),
                ...WORK,
              )
            }
            error={WORK.map((k) => errors.fields[k]).find(Boolean)}
          >
            {WORK.map((k) => (
              <Checkbox key={k} id={fieldId(k)} value={k} description={workTexts[k].description}>
                {workTexts[k].label}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <RadioGroup
            id={fieldId('cmrExposure')}
            legend={ti.cmrLegend}
            description={ti.cmrDescription}
            value={form.cmrExposure}
            onChange={(v: string) => {
              const kind = oneOf(CMR, v);
              if (kind) set('cmrExposure', kind);
            }}
            error={errors.fields.cmrExposure}
          >
            {CMR.map((k) => (
              <Radio key={k} value={k}>
                {ti.cmrOptions[k]}
              </Radio>
            ))}
          </RadioGroup>
        </VStack>

        <VStack as="section" gap="space-20" aria-labelledby="ik-sec-cooperation">
          <Heading level="2" size="medium" id="ik-sec-cooperation">
            {ti.sectionCooperation}
          </Heading>
          <VStack gap="space-4">
            <Heading level="3" size="xsmall">
              {ti.verneomraader}
            </Heading>
            <BodyShort>{ti.verneomraaderCount(computed.verneomraader)}</BodyShort>
            <div>
              <Link as={RouterLink} to="/organisasjon">
                {ti.verneomraaderLink}
              </Link>
            </div>
          </VStack>
          <RadioGroup
            id={fieldId('amuDemandedBy')}
            legend={ti.amuLegend}
            description={ti.amuDescription}
            value={form.amuDemandedBy}
            onChange={(v: string) => {
              const by = oneOf(AMU, v);
              if (by) set('amuDemandedBy', by);
            }}
            error={errors.fields.amuDemandedBy}
          >
            {AMU.map((k) => (
              <Radio key={k} value={k}>
                {ti.amuOptions[k]}
              </Radio>
            ))}
          </RadioGroup>
          <DateField
            id={fieldId('alternativeVoAgreementUntil')}
            label={`${ti.altVo} ${t.common.optional}`}
            description={`${altVoDescription} ${t.common.dateDescription}`}
            value={form.alternativeVoAgreementUntil}
            onChange={(v) => set('alternativeVoAgreementUntil', v)}
            error={errors.fields.alternativeVoAgreementUntil}
          />
          <CheckboxGroup
            id={fieldId('arbeidstilsynetOrders')}
            legend={ti.ordersLegend}
            description={ti.ordersDescription}
            value={form.orders}
            onChange={(values: string[]) =>
              set(
                'orders',
                ORDERS.filter((k) => values.includes(k)),
                'arbeidstilsynetOrders',
              )
            }
            error={errors.fields.arbeidstilsynetOrders}
          >
            {ORDERS.map((k) => (
              <Checkbox key={k} value={k}>
                {ti.orders[k]}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <RadioGroup
            id={fieldId('bhtRiskAssessmentSaysRequired')}
            legend={ti.bhtAssessmentLegend}
            description={ti.bhtAssessmentDescription}
            value={form.bhtAssessment}
            onChange={(v: string) => {
              const answer = oneOf(BHT, v);
              if (answer) set('bhtAssessment', answer, 'bhtRiskAssessmentSaysRequired');
            }}
            error={errors.fields.bhtRiskAssessmentSaysRequired}
          >
            {BHT.map((k) => (
              <Radio key={k} value={k}>
                {ti.bhtAssessmentOptions[k]}
              </Radio>
            ))}
          </RadioGroup>
          <DateField
            id={fieldId('lastVoElection')}
            label={`${ti.lastVoElection} ${t.common.optional}`}
            description={`${ti.lastVoElectionDescription} ${t.common.dateDescription}`}
            value={form.lastVoElection}
            onChange={(v) => set('lastVoElection', v)}
            error={errors.fields.lastVoElection}
          />
          <DateField
            id={fieldId('lastAmuElection')}
            label={`${ti.lastAmuElection} ${t.common.optional}`}
            description={`${ti.lastAmuElectionDescription} ${t.common.dateDescription}`}
            value={form.lastAmuElection}
            onChange={(v) => set('lastAmuElection', v)}
            error={errors.fields.lastAmuElection}
          />
        </VStack>

        <div>
          <Button type="submit" loading={pending}>
            {ti.submit}
          </Button>
        </div>
      </VStack>
    </form>
  );
}

/** The saved versions of the profile, newest first: when, by whom, and which fields changed. */
function History() {
  const { t, locale } = useI18n();
  const ti = t.internkontroll;
  const history = useProfileHistory();
  const items = [...(history.data?.items ?? [])].sort((a, b) => b.version - a.version);
  const names: Record<string, string> = ti.fieldNames;

  return (
    <VStack as="section" gap="space-12" aria-labelledby="ik-history-heading" className="ik-measure">
      <Heading level="2" size="medium" id="ik-history-heading">
        {ti.historyHeading}
      </Heading>
      {history.isPending ? <Loading /> : null}
      {history.isError ? <ErrorAlert error={history.error} onRetry={() => void history.refetch()} /> : null}
      {history.data && items.length === 0 ? <BodyShort>{ti.historyEmpty}</BodyShort> : null}
      {items.length > 0 ? (
        <ul className="ik-list" aria-label={ti.historyCaption}>
          {items.map((v) => {
            const changed =
              v.version === 1 ? ti.firstVersion : v.changedFields.map((f) => names[f] ?? f).join(', ');
            return (
              <li key={v.version} className="ik-history" data-version={v.version}>
                <BodyShort weight="semibold">{`${ti.colVersion} ${v.version}`}</BodyShort>
                <BodyShort size="small">
                  {`${ti.colWhen}: ${dateTime(v.changedAt, locale)} · ${ti.colWho}: ${v.changedBy ?? ti.unknownUser}`}
                </BodyShort>
                <Detail>{`${ti.colChanged}: ${changed}`}</Detail>
              </li>
            );
          })}
        </ul>
      ) : null}
    </VStack>
  );
}
