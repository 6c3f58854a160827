/**
 * The arbeidsmiljøutvalg (`/amu`). For the committee, HR/admin and the BHT: the members and the chair
 * (from «Roller og verv»), the meetings (plan the year's four, or one of your own), «krav om møte»
 * and where the årsrapport stands. For everyone else: the published minutes.
 */
import {
  Alert,
  BodyLong,
  BodyShort,
  Box,
  Button,
  Heading,
  HStack,
  Link,
  List,
  Table,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { fieldId, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type Overview, useAmuWrites, useOverview } from './api.ts';
import './amu.css';

export function AmuPage() {
  const { t } = useI18n();
  const ta = t.amu;
  const overview = useOverview();
  const [message, setMessage] = useState<string | null>(null);
  const data = overview.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <PageHeading>{ta.title}</PageHeading>
      <SuccessMessage>{message}</SuccessMessage>
      {overview.isPending ? <Loading /> : null}
      {overview.isError ? (
        <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
      ) : null}
      {data ? (
        <>
          <BodyLong>{data.canReadAll ? ta.intro : ta.employeeIntro}</BodyLong>
          {data.canReadAll ? <Members overview={data} /> : null}
          {data.arsrapport ? (
            <BodyShort>
              {ta.arsrapportLine(
                data.arsrapport.year,
                formatDate(data.arsrapport.due),
                data.arsrapport.status ? ta.reportStatus[data.arsrapport.status] : ta.arsrapportNone,
              )}{' '}
              <Link as={RouterLink} to={`/amu/arsrapport?ar=${data.arsrapport.year}`}>
                {ta.toArsrapport}
              </Link>
            </BodyShort>
          ) : null}
          <Meetings overview={data} />
          {data.canEdit ? <PlanMeetings overview={data} onMessage={setMessage} /> : null}
          {data.canReadAll ? <Demands overview={data} onMessage={setMessage} /> : null}
        </>
      ) : null}
    </VStack>
  );
}

function Members({ overview }: { overview: Overview }) {
  const { t, locale } = useI18n();
  const ta = t.amu;
  const chairSide = overview.chair.side ? ta.chairSide[overview.chair.side] : null;
  return (
    <VStack as="section" gap="space-12" aria-labelledby="amu-members">
      <Heading level="2" size="medium" id="amu-members">
        {ta.membersHeading}
      </Heading>
      {overview.members.length === 0 ? (
        <BodyShort>{ta.noMembers}</BodyShort>
      ) : (
        <List>
          {overview.members.map((m) => (
            <List.Item key={`${m.side}-${m.name}`}>
              <HStack gap="space-8" align="center" wrap>
                <span>
                  {m.name} – {ta.side[m.side]}
                  {m.termEnd ? ` (${ta.termEnd(formatDate(m.termEnd))})` : ''}
                </span>
                {m.chair ? (
                  <Tag size="small" variant="moderate" data-color="info">
                    {ta.chairTag}
                  </Tag>
                ) : null}
              </HStack>
            </List.Item>
          ))}
        </List>
      )}
      <BodyShort>{ta.chairLine(overview.chair.year, chairSide, overview.chair.name)}</BodyShort>
      {overview.compositionProblems.map((p) => (
        <Alert key={p.nb} variant="warning" size="small">
          {p[locale]}
        </Alert>
      ))}
    </VStack>
  );
}

function Meetings({ overview }: { overview: Overview }) {
  const ta = useI18n().t.amu;
  const heading = overview.canReadAll ? ta.meetingsHeading : ta.publishedHeading;
  return (
    <VStack as="section" gap="space-12" aria-labelledby="amu-meetings">
      <Heading level="2" size="medium" id="amu-meetings">
        {heading}
      </Heading>
      {overview.meetings.length === 0 ? (
        <BodyShort>{overview.canReadAll ? ta.noMeetings : ta.noPublished}</BodyShort>
      ) : (
        <Box overflowX="auto">
          <Table size="small">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{ta.colDate}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{ta.colTitle}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{ta.colStatus}</Table.HeaderCell>
                <Table.HeaderCell scope="col" align="right">
                  {ta.colDecisions}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {overview.meetings.map((m) => (
                <Table.Row key={m.id}>
                  <Table.DataCell>{formatDate(m.date)}</Table.DataCell>
                  <Table.DataCell>
                    <Link as={RouterLink} to={`/amu/moter/${m.id}`}>
                      {m.title}
                    </Link>
                    {m.kind === 'krav' ? ` (${ta.kind.krav})` : ''}
                  </Table.DataCell>
                  <Table.DataCell>{ta.status[m.status]}</Table.DataCell>
                  <Table.DataCell align="right">{m.decisions}</Table.DataCell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </Box>
      )}
    </VStack>
  );
}

const PLAN_KEYS = ['date', 'title'] as const;

function PlanMeetings({
  overview,
  onMessage,
}: {
  overview: Overview;
  onMessage: (m: string | null) => void;
}) {
  const ta = useI18n().t.amu;
  const writes = useAmuWrites();
  const errors = useFormErrors(PLAN_KEYS);
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const year = Number(overview.today.slice(0, 4));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMessage(null);
    if (date === '' || date === INVALID_DATE) {
      errors.setFieldErrors({ date: ta.dateInvalid });
      return;
    }
    errors.clear();
    writes.planMeeting.mutate(
      { date, title: title.trim() },
      {
        onSuccess: () => {
          setTitle('');
          onMessage(ta.meetingPlanned);
        },
        onError: (e) => errors.setApiError(e),
      },
    );
  };
  return (
    <VStack as="section" gap="space-16" aria-labelledby="amu-plan">
      <Heading level="2" size="medium" id="amu-plan">
        {ta.newMeeting}
      </Heading>
      <VStack gap="space-8" align="start">
        <Button
          type="button"
          variant="secondary"
          loading={writes.planYear.isPending}
          onClick={() => {
            onMessage(null);
            writes.planYear.mutate(year, { onSuccess: (r) => onMessage(ta.plannedCount(r.created)) });
          }}
        >
          {ta.planYear(year)}
        </Button>
        <BodyShort size="small">{ta.planYearHelp}</BodyShort>
        {writes.planYear.isError ? <ErrorAlert error={writes.planYear.error} /> : null}
      </VStack>
      <form onSubmit={submit} noValidate>
        <VStack gap="space-16" align="start">
          {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
          <FormErrorSummary errors={errors.fields} order={PLAN_KEYS} attempt={errors.attempt} />
          <DateField
            id={fieldId('date')}
            label={ta.meetingDate}
            value={date}
            onChange={(v) => {
              setDate(v);
              errors.clearField('date');
            }}
            error={errors.fields.date}
          />
          <TextField
            id={fieldId('title')}
            label={ta.meetingTitle}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            error={errors.fields.title}
          />
          <Button type="submit" loading={writes.planMeeting.isPending}>
            {ta.planMeeting}
          </Button>
        </VStack>
      </form>
    </VStack>
  );
}

function Demands({ overview, onMessage }: { overview: Overview; onMessage: (m: string | null) => void }) {
  const ta = useI18n().t.amu;
  const session = useSession();
  const member = hasAnyRole(session, 'amu');
  const writes = useAmuWrites();
  const errors = useFormErrors(['reason']);
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMessage(null);
    if (reason.trim() === '') {
      errors.setFieldErrors({ reason: ta.demandReason });
      return;
    }
    errors.clear();
    writes.demand.mutate(reason.trim(), {
      onSuccess: () => {
        setReason('');
        onMessage(ta.demandCreated);
      },
      onError: (e) => errors.setApiError(e),
    });
  };
  return (
    <VStack as="section" gap="space-16" aria-labelledby="amu-demands">
      <Heading level="2" size="medium" id="amu-demands">
        {ta.demandHeading}
      </Heading>
      <BodyLong>{ta.demandIntro}</BodyLong>
      {overview.demands.length === 0 ? <BodyShort>{ta.noDemands}</BodyShort> : null}
      {overview.demands.map((d) => (
        <Box key={d.id} padding="space-16" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
          <VStack gap="space-8" align="start">
            <BodyShort weight="semibold">{d.reason}</BodyShort>
            <BodyShort size="small">{ta.demandBy(d.demandedBy, formatDate(d.demandedOn))}</BodyShort>
            {d.supportedBy && d.supportedOn && d.deadline ? (
              <BodyShort size="small">
                {ta.demandBackedBy(d.supportedBy, formatDate(d.supportedOn), formatDate(d.deadline))}{' '}
                {d.meetingId ? (
                  <Link as={RouterLink} to={`/amu/moter/${d.meetingId}`}>
                    {ta.openMeeting}
                  </Link>
                ) : null}
              </BodyShort>
            ) : (
              <BodyShort size="small">{ta.demandWaiting}</BodyShort>
            )}
            {d.canSupport ? <SupportDemand id={d.id} onMessage={onMessage} /> : null}
          </VStack>
        </Box>
      ))}
      {member ? (
        <form onSubmit={submit} noValidate>
          <VStack gap="space-12" align="start">
            {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
            <Textarea
              id={fieldId('reason')}
              label={ta.demandReason}
              value={reason}
              maxLength={2000}
              minRows={2}
              onChange={(e) => {
                setReason(e.target.value);
                errors.clearField('reason');
              }}
              error={errors.fields.reason}
            />
            <Button type="submit" variant="secondary" loading={writes.demand.isPending}>
              {ta.demandSubmit}
            </Button>
          </VStack>
        </form>
      ) : null}
    </VStack>
  );
}

function SupportDemand({ id, onMessage }: { id: string; onMessage: (m: string | null) => void }) {
  const ta = useI18n().t.amu;
  const writes = useAmuWrites();
  const errors = useFormErrors(['date']);
  const [date, setDate] = useState('');
  const key = `support-${id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMessage(null);
    if (date === '' || date === INVALID_DATE) {
      errors.setFieldErrors({ date: ta.dateInvalid });
      return;
    }
    writes.support.mutate(
      { id, date },
      { onSuccess: () => onMessage(ta.demandSupported), onError: (e) => errors.setApiError(e) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-8" align="start">
        {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
        <DateField
          id={fieldId(key)}
          label={ta.demandDate}
          value={date}
          onChange={(v) => {
            setDate(v);
            errors.clearField('date');
          }}
          error={errors.fields.date}
        />
        <Button type="submit" size="small" loading={writes.support.isPending}>
          {ta.demandSupport}
        </Button>
      </VStack>
    </form>
  );
}
