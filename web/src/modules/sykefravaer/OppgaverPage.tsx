/**
 * "Mine oppgaver" (`/oppgaver`): every open task and milestone deadline that is overdue or due in
 * the next 14 days — a leader's own people, HR/admin the organisation (filter by unit) — sorted by
 * date, with its state and a link to the case. Agreed actions (from the plan, dialogmøter and
 * samtalereferater) are among them and can be marked done here, and so can the routine's tasks and
 * the milestones (with the same optional note as on the case page). Below it, for every role, the HMS
 * deadlines the user is responsible for (`MyDeadlines` from the notifications module).
 */
import { CheckmarkIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyShort,
  Button,
  Detail,
  Heading,
  Link,
  Modal,
  Table,
  Textarea,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useId, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { MyDeadlines } from '../notifications/index.ts';
import { UnitFilter } from '../organisation/index.ts';
import { useActionWrites } from './actions.api.ts';
import { actionTexts } from './actions.texts.ts';
import { DeadlineStateTag, WriteError } from './parts.tsx';
import { useOppgaver, useTaskWrites } from './rutine.api.ts';
import { rutineTexts } from './rutine.texts.ts';
import './sykefravaer.css';
import './rutine.css';

export function OppgaverPage() {
  const session = useSession();
  const followsUp = hasAnyRole(session, 'admin', 'hr', 'leder');
  const { locale } = useI18n();
  const tx = rutineTexts(locale);
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <PageHeading>{tx.mineTitle}</PageHeading>
      {followsUp ? <SickLeaveTasks /> : null}
      <MyDeadlines />
    </VStack>
  );
}

/** The sick-leave part: tasks and milestones of the cases this user follows up. */
function SickLeaveTasks() {
  const { t, locale } = useI18n();
  const tx = rutineTexts(locale);
  const session = useSession();
  const manager = hasAnyRole(session, 'admin', 'hr');
  const [params, setParams] = useSearchParams();
  const unitId = params.get('enhet') ?? '';
  const list = useOppgaver(manager ? unitId : undefined);
  const data = list.data;
  const ta = actionTexts(locale);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <VStack gap="space-24" as="section" aria-labelledby="sick-leave-tasks-heading">
      <div>
        <Heading level="2" size="medium" id="sick-leave-tasks-heading">
          {tx.sickLeaveHeading}
        </Heading>
        <BodyShort className="lead">{manager ? tx.mineIntroHr : tx.mineIntro}</BodyShort>
      </div>
      {manager ? (
        <UnitFilter
          label={tx.unitFilter}
          allLabel={tx.allUnits}
          value={unitId}
          onChange={(enhet) => setParams(enhet ? { enhet } : {}, { replace: true })}
        />
      ) : null}
      <SuccessMessage>{message}</SuccessMessage>
      <div role="status">
        {data && data.items.length > 0 ? (
          <BodyShort weight="semibold">{tx.totals(data.totals.overdue, data.totals.dueThisWeek)}</BodyShort>
        ) : null}
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data && data.items.length === 0 ? <Alert variant="info">{tx.empty}</Alert> : null}
      {data && data.items.length > 0 ? (
        <Table aria-busy={list.isFetching}>
          <caption className="sr-only">{tx.caption}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{tx.colDue}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{tx.colWhat}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{tx.colWho}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{ta.colAction}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.items.map((i) => (
              <Table.Row
                key={`${i.employeeId}|${i.kind}|${i.key}`}
                data-kind={i.kind}
                data-key={i.key}
                data-state={i.state}
              >
                <Table.DataCell>
                  <VStack gap="space-4" align="start">
                    <span>{formatDate(i.due)}</span>
                    <DeadlineStateTag state={i.state} />
                  </VStack>
                </Table.DataCell>
                <Table.DataCell>
                  <BodyShort size="small" weight="semibold">
                    {locale === 'en' ? i.title.en : i.title.nb}
                  </BodyShort>
                  <Detail>
                    {i.kind === 'milestone' ? tx.milestone : i.kind === 'action' ? ta.kind : tx.task}
                    {i.kind === 'task' && i.milestone ? ` · ${t.sykefravaer.milestones[i.milestone]}` : ''}
                    {i.kind === 'action' && i.source ? ` · ${ta.sources[i.source]}` : ''} · {tx.responsible}:{' '}
                    {i.owner ?? tx.roles[i.responsibleRole]}
                  </Detail>
                </Table.DataCell>
                <Table.DataCell>
                  <Link as={RouterLink} to={`/sykefravaer/${i.employeeId}`}>
                    {i.employeeName}
                  </Link>
                </Table.DataCell>
                <Table.DataCell>
                  {i.kind === 'action' && i.version !== undefined ? (
                    <ActionDoneButton
                      employeeId={i.employeeId}
                      id={i.key}
                      version={i.version}
                      what={i.title.nb}
                      onSaved={setMessage}
                    />
                  ) : i.kind === 'task' || i.kind === 'milestone' ? (
                    <TaskDoneButton
                      kind={i.kind}
                      employeeId={i.employeeId}
                      taskKey={i.key}
                      caseStart={i.caseStart}
                      title={locale === 'en' ? i.title.en : i.title.nb}
                      onSaved={setMessage}
                    />
                  ) : null}
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
    </VStack>
  );
}

/** «Marker som gjort» for an agreed action in the list (the row goes when the list reloads). */
function ActionDoneButton(props: {
  employeeId: string;
  id: string;
  version: number;
  what: string;
  onSaved: (message: string) => void;
}) {
  const { locale } = useI18n();
  const ta = actionTexts(locale);
  const writes = useActionWrites(props.employeeId);
  return (
    <VStack gap="space-4" align="start">
      {writes.done.isError ? (
        <WriteError error={writes.done.error} onReload={async () => writes.done.reset()} />
      ) : null}
      <Button
        type="button"
        size="small"
        variant="secondary"
        icon={<CheckmarkIcon aria-hidden />}
        aria-label={ta.markDoneLabel(props.what)}
        loading={writes.done.isPending}
        onClick={() =>
          writes.done.mutate(
            { id: props.id, version: props.version },
            { onSuccess: () => props.onSaved(ta.saved(props.what)) },
          )
        }
      >
        {ta.markDone}
      </Button>
    </VStack>
  );
}

/**
 * «Marker som gjort» for a routine task or a milestone in the list: the same dialog (optional note) as
 * on the case page, and the same write (the server keeps who may, the case start and the audit).
 */
function TaskDoneButton(props: {
  kind: 'task' | 'milestone';
  employeeId: string;
  taskKey: string;
  caseStart: string;
  title: string;
  onSaved: (message: string) => void;
}) {
  const { locale } = useI18n();
  const tx = rutineTexts(locale);
  const writes = useTaskWrites(props.employeeId);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const formId = useId();
  const write = props.kind === 'milestone' ? writes.milestoneDoneFromList : writes.doneFromList;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(
      { key: props.taskKey, caseStart: props.caseStart, note: note.trim() || null },
      {
        onSuccess: () => {
          setOpen(false);
          props.onSaved(tx.saved(props.title));
        },
      },
    );
  };
  return (
    <>
      <Button
        type="button"
        size="small"
        variant="secondary"
        icon={<CheckmarkIcon aria-hidden />}
        aria-label={tx.markDoneLabel(props.title)}
        onClick={() => {
          write.reset();
          setNote('');
          setOpen(true);
        }}
      >
        {tx.markDone}
      </Button>
      {open ? (
        <Modal
          open
          onClose={() => setOpen(false)}
          header={{ heading: props.kind === 'milestone' ? tx.milestoneDoneHeading : tx.doneHeading }}
          width="medium"
        >
          <Modal.Body>
            <form id={formId} onSubmit={submit} noValidate>
              <VStack gap="space-16">
                {write.isError ? (
                  <WriteError error={write.error} onReload={async () => write.reset()} />
                ) : null}
                <BodyShort weight="semibold">{props.title}</BodyShort>
                <Textarea
                  label={tx.note}
                  description={tx.noteHint}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  maxLength={500}
                  minRows={3}
                />
              </VStack>
            </form>
          </Modal.Body>
          <Modal.Footer>
            <Button type="submit" form={formId} loading={write.isPending}>
              {tx.confirm}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              {tx.cancel}
            </Button>
          </Modal.Footer>
        </Modal>
      ) : null}
    </>
  );
}
