/**
 * "Mitt fravær" (`/mitt-fravaer`), for everyone with a linked employee record, phone first:
 * "Jeg er syk i dag" checks an egenmelding from today against the organisation's policy and shows
 * the answer before the employee confirms; other dates are one tap away. Below: the own case with
 * what happens next in plain words, and who has opened it. When a plan waits for the employee,
 * «Min oppfølgingsplan» heads the page; an employee on a 100 % sykmelding today sees the case first
 * and «Jeg er syk i dag» below it, as a secondary button (issue 10: fewer steps).
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Heading,
  HGrid,
  HStack,
  Link,
  List,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { daysInclusive, todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { fieldId } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { DialogmoteMyLink, LegebrevMyLink, PlanToReadNotice, useMyPlanAwaits } from '../dokumenter/index.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { useEgenmeldingCheck, useMyAbsence, useRegisterEgenmelding } from './api.ts';
import type { CaseView, EgenmeldingEvaluation } from './types.ts';
import './sykefravaer.css';

type Span = { start: string; end: string };

function Verdict({ evaluation }: { evaluation: EgenmeldingEvaluation }) {
  const { t, locale } = useI18n();
  const tm = t.myAbsence;
  const text = (m: { nb: string; en: string }) => (locale === 'en' ? m.en : m.nb);
  return (
    <VStack gap="space-12">
      <Alert variant={evaluation.allowed ? 'success' : 'warning'}>
        <VStack gap="space-8">
          <Heading level="3" size="xsmall">
            {evaluation.allowed ? tm.covered : tm.notCovered}
          </Heading>
          {evaluation.reasons.map((r) => (
            <BodyShort key={r.code}>{text(r)}</BodyShort>
          ))}
          {!evaluation.allowed ? <BodyShort>{tm.whatToDo}</BodyShort> : null}
        </VStack>
      </Alert>
      {evaluation.flags.length > 0 ? (
        <Alert variant="info" size="small">
          <Heading level="3" size="xsmall" spacing>
            {tm.flagsHeading}
          </Heading>
          {evaluation.flags.map((f) => (
            <BodyShort key={f.code}>{text(f)}</BodyShort>
          ))}
        </Alert>
      ) : null}
    </VStack>
  );
}

function ReportSick({
  version,
  sickListedGrade,
  onRegistered,
}: {
  version: number;
  sickListedGrade: number | null;
  /** Told to the page: registering moves this section (the case now comes first), so it keeps no state of its own. */
  onRegistered: (registered: boolean) => void;
}) {
  const { t } = useI18n();
  const tm = t.myAbsence;
  const today = todayIso();
  const check = useEgenmeldingCheck();
  const register = useRegisterEgenmelding();
  const [span, setSpan] = useState<Span | null>(null);
  const [custom, setCustom] = useState(false);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [dateError, setDateError] = useState<{ from?: string; to?: string }>({});

  const run = (next: Span) => {
    onRegistered(false);
    register.reset();
    setSpan(next);
    check.mutate(next);
  };
  const submitDates = (event: FormEvent) => {
    event.preventDefault();
    const errs: { from?: string; to?: string } = {};
    if (from === '' || from === INVALID_DATE) errs.from = t.validation.dateInvalid;
    if (to === '' || to === INVALID_DATE) errs.to = t.validation.dateInvalid;
    else if (!errs.from && to < from) errs.to = t.sykefravaer.endBeforeStart;
    setDateError(errs);
    if (errs.from || errs.to) {
      document.getElementById(fieldId(errs.from ? 'sick-from' : 'sick-to'))?.focus();
      return;
    }
    run({ start: from, end: to });
  };
  const cancel = () => {
    setSpan(null);
    check.reset();
    register.reset();
  };
  const label = span
    ? span.start === span.end
      ? tm.dayOne(formatDate(span.start))
      : tm.days(formatDate(span.start), formatDate(span.end), daysInclusive(span.start, span.end))
    : '';

  return (
    <VStack gap="space-16" as="section" aria-labelledby="sf-sick-heading">
      <Heading level="2" size="medium" id="sf-sick-heading" className="sr-only">
        {tm.sickToday}
      </Heading>
      {!span ? (
        <VStack gap="space-12" align="start">
          {sickListedGrade !== null ? <BodyShort>{tm.sickListedNow(sickListedGrade)}</BodyShort> : null}
          <Button
            type="button"
            size="medium"
            variant={sickListedGrade !== null ? 'secondary' : 'primary'}
            className="sf-sick-button"
            onClick={() => run({ start: today, end: today })}
          >
            {tm.sickToday}
          </Button>
          {sickListedGrade === null ? <BodyShort>{tm.sickTodayText}</BodyShort> : null}
          <Button
            type="button"
            variant="tertiary"
            aria-expanded={custom}
            aria-controls="sf-sick-dates"
            onClick={() => setCustom((c) => !c)}
          >
            {tm.otherDates}
          </Button>
          {custom ? (
            <form id="sf-sick-dates" onSubmit={submitDates} noValidate style={{ width: '100%' }}>
              <VStack gap="space-16" align="start">
                <HGrid columns={{ xs: 1, sm: 2 }} gap="space-16" align="start">
                  <DateField
                    id={fieldId('sick-from')}
                    label={tm.from}
                    value={from}
                    onChange={setFrom}
                    error={dateError.from}
                    required
                  />
                  <DateField
                    id={fieldId('sick-to')}
                    label={tm.to}
                    value={to}
                    onChange={setTo}
                    error={dateError.to}
                    required
                  />
                </HGrid>
                <Button type="submit" variant="secondary">
                  {tm.check}
                </Button>
              </VStack>
            </form>
          ) : null}
        </VStack>
      ) : (
        <Box padding="space-16" borderRadius="8" borderWidth="1" borderColor="neutral-subtle">
          <VStack gap="space-16">
            <Heading level="3" size="small">
              {label}
            </Heading>
            {check.isPending ? <Loading label={tm.checking} /> : null}
            {check.isError ? <ErrorAlert error={check.error} /> : null}
            {check.data ? <Verdict evaluation={check.data} /> : null}
            {register.isError ? <ErrorAlert error={register.error} /> : null}
            <HStack gap="space-12" wrap>
              {check.data?.allowed ? (
                <Button
                  type="button"
                  loading={register.isPending}
                  onClick={() =>
                    register.mutate(
                      { ...span, version },
                      {
                        onSuccess: () => {
                          setSpan(null);
                          check.reset();
                          onRegistered(true);
                        },
                      },
                    )
                  }
                >
                  {tm.confirm}
                </Button>
              ) : null}
              <Button type="button" variant="secondary" onClick={cancel}>
                {tm.cancel}
              </Button>
            </HStack>
          </VStack>
        </Box>
      )}
    </VStack>
  );
}

function MyCase({ data }: { data: CaseView }) {
  const { t } = useI18n();
  const tm = t.myAbsence;
  const ts = t.sykefravaer;
  const c = data.current;
  const shown = data.milestones.filter((m) => m.state !== 'not-required' && m.due !== null);
  const periods = [...data.periods].sort((a, b) => b.start.localeCompare(a.start));
  return (
    <VStack gap="space-24" as="section" aria-labelledby="sf-mine-heading">
      <Heading level="2" size="medium" id="sf-mine-heading">
        {tm.caseHeading}
      </Heading>
      {!c ? (
        <BodyShort>{tm.noCase}</BodyShort>
      ) : (
        <VStack gap="space-8">
          <BodyLong>{c.ongoing ? tm.since(formatDate(c.start)) : tm.endedOn(formatDate(c.end))}</BodyLong>
          {c.ongoing && c.grade !== null ? <BodyLong>{tm.gradeNow(c.grade)}</BodyLong> : null}
        </VStack>
      )}
      {c?.ongoing && shown.length > 0 ? (
        <VStack gap="space-12">
          <Heading level="3" size="small">
            {tm.nextHeading}
          </Heading>
          <ul className="sf-plain-list">
            {shown.map((m) => (
              <li key={m.key} data-state={m.state}>
                <BodyShort weight="semibold">{ts.milestones[m.key]}</BodyShort>
                <BodyShort>{tm.plain[m.key](formatDate(m.due))}</BodyShort>
                {m.state === 'done' ? <BodyShort size="small">{tm.stateDone}</BodyShort> : null}
              </li>
            ))}
          </ul>
        </VStack>
      ) : null}
      {periods.length > 0 ? (
        <VStack gap="space-8">
          <Heading level="3" size="small">
            {tm.periodsHeading}
          </Heading>
          <List size="small">
            {periods.map((p) => (
              <List.Item key={p.id}>
                {ts.periodTypes[p.type]} {formatDate(p.start)}–{formatDate(p.end)}
                {p.type === 'sykmelding' && p.grade !== null && !p.avventende
                  ? ` (${t.common.percent(p.grade)})`
                  : ''}
              </List.Item>
            ))}
          </List>
        </VStack>
      ) : null}
      {data.retentionMonths ? <BodyShort size="small">{tm.retention(data.retentionMonths)}</BodyShort> : null}
    </VStack>
  );
}

export function MyAbsencePage() {
  const { t } = useI18n();
  const tm = t.myAbsence;
  const session = useSession();
  const linked = session.employeeId !== null;
  const mine = useMyAbsence(linked);
  const [saved, setSaved] = useState<string | null>(null);
  const [registered, setRegistered] = useState(false);
  const planAwaits = useMyPlanAwaits();
  const current = mine.data?.current;
  // Already on a full sykmelding today: an egenmelding for today is not what they came for.
  const fullSickLeave = current?.ongoing && current.grade === 100 ? 100 : null;
  const report = mine.data ? (
    <ReportSick version={mine.data.version} sickListedGrade={fullSickLeave} onRegistered={setRegistered} />
  ) : null;
  return (
    <VStack gap="space-32" paddingBlock="space-24" maxWidth="44rem">
      <PageHeading>{tm.title}</PageHeading>
      {!linked ? <Alert variant="info">{tm.noEmployee}</Alert> : null}
      {linked && mine.isPending ? <Loading /> : null}
      {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} /> : null}
      {mine.data ? (
        <>
          <PlanToReadNotice heading="myPlan" />
          {registered ? (
            <SuccessMessage>
              <BodyShort weight="semibold">{tm.registered}</BodyShort>
              <BodyShort>{tm.tellLeader}</BodyShort>
            </SuccessMessage>
          ) : null}
          {fullSickLeave === null ? report : null}
          <MyCase data={mine.data} />
          {fullSickLeave !== null ? report : null}
          <ActionsSection scope={null} canEdit onSaved={setSaved} />
          <SuccessMessage>{saved}</SuccessMessage>
          <VStack gap="space-8">
            {planAwaits ? null : (
              <Link as={RouterLink} to="/mitt-fravaer/oppfolgingsplan">
                {t.dokumenter.myLink}
              </Link>
            )}
            <DialogmoteMyLink />
            <LegebrevMyLink />
            <Link as={RouterLink} to="/mitt-fravaer/innsyn">
              {tm.accessLog}
            </Link>
            <BodyShort size="small">{tm.noDiagnosis}</BodyShort>
          </VStack>
        </>
      ) : null}
    </VStack>
  );
}
