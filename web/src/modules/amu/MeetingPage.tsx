/**
 * One AMU meeting (`/amu/moter/:id`): the agenda with each item's figures (aml § 7-2; masked groups
 * say so), and the minutes. Members, HR and admin write the minutes — who took part, notes, each
 * decision with the vote and an optional action (owner, due date) — save them (with the version read;
 * a conflict offers to reload) and approve and publish them. Afterwards, and for everyone else, the
 * minutes are read-only; an action's owner marks it done.
 */
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import {
  BodyLong,
  BodyShort,
  Box,
  Button,
  Checkbox,
  Heading,
  HStack,
  Link,
  Modal,
  Select,
  Tag,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { AgendaItem, Figure } from '../../../../src/contracts/amu/amu.schemas.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { dateTime, formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { WriteError } from '../../ui/WriteFeedback.tsx';
import { type Meeting, useAmuWrites, useMeeting, useOverview } from './api.ts';
import './amu.css';

export function MeetingPage() {
  const { id = '' } = useParams();
  const ta = useI18n().t.amu;
  const meeting = useMeeting(id);
  const [generation, setGeneration] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const data = meeting.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <div>
          <Link as={RouterLink} to="/amu">
            {ta.backToMeetings}
          </Link>
        </div>
        <PageHeading title={data ? ta.meetingHeading(data.title, formatDate(data.date)) : ta.title}>
          {data ? ta.meetingHeading(data.title, formatDate(data.date)) : ta.title}
        </PageHeading>
      </VStack>
      <SuccessMessage>{message}</SuccessMessage>
      {meeting.isPending ? <Loading /> : null}
      {meeting.isError ? <ErrorAlert error={meeting.error} onRetry={() => void meeting.refetch()} /> : null}
      {data ? (
        <>
          <HStack gap="space-8" wrap>
            <Tag
              size="small"
              variant="moderate"
              data-color={data.status === 'publisert' ? 'success' : 'neutral'}
            >
              {ta.status[data.status]}
            </Tag>
            <Tag size="small" variant="moderate" data-color="neutral">
              {ta.kind[data.kind]}
            </Tag>
          </HStack>
          {data.demand ? (
            <BodyShort>{ta.demandInfo(data.demand.reason, formatDate(data.demand.deadline))}</BodyShort>
          ) : null}
          {data.agenda ? <Agenda items={data.agenda} /> : null}
          {data.canEdit ? (
            <MoveMeeting
              key={`move-${data.version}`}
              meeting={data}
              onMessage={setMessage}
              onReload={() => meeting.refetch()}
            />
          ) : null}
          {data.canEdit ? (
            <MinutesForm
              key={`${data.id}-${generation}`}
              meeting={data}
              onMessage={setMessage}
              onReload={async () => {
                await meeting.refetch();
                setGeneration((g) => g + 1);
              }}
            />
          ) : (
            <MinutesView meeting={data} onMessage={setMessage} />
          )}
        </>
      ) : null}
    </VStack>
  );
}

export function FigureValue({ figure }: { figure: Figure }) {
  const { t, locale } = useI18n();
  if (figure.masked) return <>{t.amu.masked}</>;
  if (figure.unit === 'dato') return <>{figure.date ? formatDate(figure.date) : t.amu.notRegistered}</>;
  if (figure.value === null) return <>—</>;
  if (figure.unit === 'prosent') {
    return (
      <>{`${figure.value.toLocaleString(locale === 'nb' ? 'nb-NO' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`}</>
    );
  }
  return <>{figure.value}</>;
}

export function Figures({ figures }: { figures: Figure[] }) {
  const { locale } = useI18n();
  return (
    <dl className="amu-figures">
      {figures.map((f) => (
        <div key={f.label.nb} className="amu-figure">
          <dt>{f.label[locale]}</dt>
          <dd>
            <FigureValue figure={f} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Agenda({ items }: { items: AgendaItem[] }) {
  const { t, locale } = useI18n();
  const ta = t.amu;
  return (
    <VStack as="section" gap="space-16" aria-labelledby="amu-agenda">
      <Heading level="2" size="medium" id="amu-agenda">
        {ta.agendaHeading}
      </Heading>
      <BodyShort>{ta.agendaIntro}</BodyShort>
      <ol className="amu-agenda">
        {items.map((item) => (
          <li key={item.key}>
            <Box padding="space-16" borderWidth="1" borderRadius="8" borderColor="neutral-subtle">
              <VStack gap="space-8">
                <Heading level="3" size="small">
                  {item.title[locale]}
                </Heading>
                <BodyShort size="small">
                  {item.legalBasis} · {ta.period(item.period[locale])}
                </BodyShort>
                {item.noData ? <BodyShort>{ta.noData}</BodyShort> : <Figures figures={item.figures} />}
              </VStack>
            </Box>
          </li>
        ))}
      </ol>
    </VStack>
  );
}

const MOVE_KEYS = ['date', 'title'] as const;

/** The planned date and the title, until the minutes are published. */
function MoveMeeting({
  meeting,
  onMessage,
  onReload,
}: {
  meeting: Meeting;
  onMessage: (message: string | null) => void;
  onReload: () => Promise<unknown>;
}) {
  const ta = useI18n().t.amu;
  const writes = useAmuWrites();
  const errors = useFormErrors(MOVE_KEYS);
  const [date, setDate] = useState(meeting.date);
  const [title, setTitle] = useState(meeting.title);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMessage(null);
    if (date === '' || date === INVALID_DATE) {
      errors.setFieldErrors({ date: ta.dateInvalid });
      return;
    }
    errors.clear();
    writes.updateMeeting.mutate(
      { id: meeting.id, version: meeting.version, date, title: title.trim() },
      { onSuccess: () => onMessage(ta.moved), onError: (e) => errors.setApiError(e) },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <VStack as="section" gap="space-16" align="start" aria-labelledby="amu-move">
        <Heading level="2" size="medium" id="amu-move">
          {ta.moveHeading}
        </Heading>
        {errors.apiError ? (
          <WriteError error={errors.apiError} onReload={onReload} reloadLabel={ta.reload} />
        ) : errors.general ? (
          <ErrorAlert error={new Error(errors.general)} />
        ) : null}
        <FormErrorSummary errors={errors.fields} order={MOVE_KEYS} attempt={errors.attempt} />
        <HStack gap="space-16" wrap align="start">
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
        </HStack>
        <Button type="submit" variant="secondary" loading={writes.updateMeeting.isPending}>
          {ta.moveSave}
        </Button>
      </VStack>
    </form>
  );
}

type DecisionState = {
  /** React's key: the id, or a number for a decision not saved yet. */
  key: string;
  id: string | undefined;
  text: string;
  vote: string;
  hasAction: boolean;
  ownerUserId: string;
  due: string;
};

const toState = (m: Meeting): DecisionState[] =>
  m.decisionList.map((d) => ({
    key: d.id,
    id: d.id,
    text: d.text,
    vote: d.vote,
    hasAction: d.action !== null,
    ownerUserId: d.action?.ownerUserId ?? '',
    due: d.action?.due ?? '',
  }));

function MinutesForm({
  meeting,
  onMessage,
  onReload,
}: {
  meeting: Meeting;
  onMessage: (message: string | null) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const ta = t.amu;
  const writes = useAmuWrites();
  const overview = useOverview();
  const owners = overview.data?.owners ?? [];
  const [heldOn, setHeldOn] = useState(meeting.heldOn ?? meeting.date);
  const [attendees, setAttendees] = useState(meeting.attendees);
  const [notes, setNotes] = useState(meeting.notes);
  const [decisions, setDecisions] = useState<DecisionState[]>(() => toState(meeting));
  const [confirming, setConfirming] = useState(false);
  const keys = [
    'heldOn',
    'attendees',
    'notes',
    ...decisions.flatMap((_, i) => [
      `decisions.${i}.text`,
      `decisions.${i}.vote`,
      `decisions.${i}.action.ownerUserId`,
      `decisions.${i}.action.due`,
    ]),
  ];
  const errors = useFormErrors(keys);
  const nextKey = useRef(0);

  const update = (i: number, patch: Partial<DecisionState>) =>
    setDecisions((list) => list.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  const validate = (): FieldErrors => {
    const fields: FieldErrors = {};
    if (heldOn === '' || heldOn === INVALID_DATE) fields.heldOn = ta.dateInvalid;
    if (attendees.trim() === '') fields.attendees = ta.attendees;
    decisions.forEach((d, i) => {
      if (d.text.trim() === '') fields[`decisions.${i}.text`] = ta.decisionText;
      if (d.hasAction && d.ownerUserId === '') fields[`decisions.${i}.action.ownerUserId`] = ta.chooseOwner;
      if (d.hasAction && (d.due === '' || d.due === INVALID_DATE))
        fields[`decisions.${i}.action.due`] = ta.dateInvalid;
    });
    return fields;
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    onMessage(null);
    const fields = validate();
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    writes.saveMinutes.mutate(
      {
        id: meeting.id,
        version: meeting.version,
        heldOn,
        attendees: attendees.trim(),
        notes: notes.trim(),
        decisions: decisions.map((d) => ({
          ...(d.id ? { id: d.id } : {}),
          text: d.text.trim(),
          vote: d.vote.trim(),
          action: d.hasAction ? { ownerUserId: d.ownerUserId, due: d.due } : null,
        })),
      },
      {
        onSuccess: (saved) => {
          setDecisions(toState(saved));
          onMessage(ta.minutesSaved);
        },
        onError: (e) => errors.setApiError(e),
      },
    );
  };

  const publish = () => {
    writes.publish
      .mutateAsync({ id: meeting.id, version: meeting.version })
      .then(() => onMessage(ta.published))
      .catch((e: unknown) => {
        setConfirming(false);
        errors.setApiError(e);
      });
  };

  return (
    <form onSubmit={save} noValidate>
      <VStack as="section" gap="space-20" aria-labelledby="amu-minutes">
        <Heading level="2" size="medium" id="amu-minutes">
          {ta.minutesHeading}
        </Heading>
        <BodyLong>{ta.minutesIntro}</BodyLong>
        {errors.apiError ? (
          <WriteError error={errors.apiError} onReload={onReload} reloadLabel={ta.reload} />
        ) : errors.general ? (
          <ErrorAlert error={new Error(errors.general)} />
        ) : null}
        <FormErrorSummary errors={errors.fields} order={keys} attempt={errors.attempt} />
        <DateField
          id={fieldId('heldOn')}
          label={ta.heldOn}
          value={heldOn}
          onChange={(v) => {
            setHeldOn(v);
            errors.clearField('heldOn');
          }}
          error={errors.fields.heldOn}
        />
        <Textarea
          id={fieldId('attendees')}
          label={ta.attendees}
          value={attendees}
          maxLength={2000}
          minRows={2}
          onChange={(e) => {
            setAttendees(e.target.value);
            errors.clearField('attendees');
          }}
          error={errors.fields.attendees}
        />
        <Textarea
          id={fieldId('notes')}
          label={ta.notes}
          value={notes}
          maxLength={8000}
          minRows={3}
          onChange={(e) => setNotes(e.target.value)}
          error={errors.fields.notes}
        />
        <Heading level="3" size="small">
          {ta.decisionsHeading}
        </Heading>
        {decisions.map((d, i) => (
          <Box
            key={d.key}
            as="fieldset"
            padding="space-16"
            borderWidth="1"
            borderRadius="8"
            borderColor="neutral-subtle"
            className="amu-decision"
          >
            <VStack gap="space-12">
              <legend className="amu-legend">{ta.decision(i + 1)}</legend>
              <Textarea
                id={fieldId(`decisions.${i}.text`)}
                label={ta.decisionText}
                value={d.text}
                maxLength={2000}
                minRows={2}
                onChange={(e) => {
                  update(i, { text: e.target.value });
                  errors.clearField(`decisions.${i}.text`);
                }}
                error={errors.fields[`decisions.${i}.text`]}
              />
              <TextField
                id={fieldId(`decisions.${i}.vote`)}
                label={ta.vote}
                description={ta.voteHelp}
                value={d.vote}
                maxLength={1000}
                onChange={(e) => update(i, { vote: e.target.value })}
                error={errors.fields[`decisions.${i}.vote`]}
              />
              <Checkbox checked={d.hasAction} onChange={(e) => update(i, { hasAction: e.target.checked })}>
                {ta.hasAction}
              </Checkbox>
              {d.hasAction ? (
                <HStack gap="space-16" wrap align="start">
                  <Select
                    id={fieldId(`decisions.${i}.action.ownerUserId`)}
                    label={ta.owner}
                    value={d.ownerUserId}
                    onChange={(e) => {
                      update(i, { ownerUserId: e.target.value });
                      errors.clearField(`decisions.${i}.action.ownerUserId`);
                    }}
                    error={errors.fields[`decisions.${i}.action.ownerUserId`]}
                  >
                    <option value="">{ta.chooseOwner}</option>
                    {owners.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </Select>
                  <DateField
                    id={fieldId(`decisions.${i}.action.due`)}
                    label={ta.due}
                    value={d.due}
                    onChange={(v) => {
                      update(i, { due: v });
                      errors.clearField(`decisions.${i}.action.due`);
                    }}
                    error={errors.fields[`decisions.${i}.action.due`]}
                  />
                </HStack>
              ) : null}
              <div>
                <Button
                  type="button"
                  size="small"
                  variant="tertiary"
                  icon={<TrashIcon aria-hidden />}
                  onClick={() => {
                    setDecisions((list) => list.filter((_, j) => j !== i));
                    errors.clear();
                  }}
                >
                  {ta.removeDecision(i + 1)}
                </Button>
              </div>
            </VStack>
          </Box>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            icon={<PlusIcon aria-hidden />}
            onClick={() => {
              nextKey.current++;
              const key = `ny-${nextKey.current}`;
              setDecisions((list) => [
                ...list,
                { key, id: undefined, text: '', vote: '', hasAction: false, ownerUserId: '', due: '' },
              ]);
            }}
          >
            {ta.addDecision}
          </Button>
        </div>
        <HStack gap="space-12" wrap>
          <Button type="submit" loading={writes.saveMinutes.isPending} disabled={writes.publish.isPending}>
            {ta.saveMinutes}
          </Button>
          {meeting.status === 'utkast' ? (
            <Button
              type="button"
              variant="secondary"
              disabled={writes.saveMinutes.isPending}
              onClick={() => {
                onMessage(null);
                writes.publish.reset();
                setConfirming(true);
              }}
            >
              {ta.publish}
            </Button>
          ) : null}
        </HStack>
      </VStack>
      {confirming ? (
        <Modal
          open
          onClose={() => setConfirming(false)}
          header={{ heading: ta.publishHeading }}
          width="small"
        >
          <Modal.Body>
            <BodyLong>{ta.publishBody}</BodyLong>
          </Modal.Body>
          <Modal.Footer>
            <Button type="button" onClick={publish} loading={writes.publish.isPending}>
              {ta.publish}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
              {t.common.cancel}
            </Button>
          </Modal.Footer>
        </Modal>
      ) : null}
    </form>
  );
}

function MinutesView({
  meeting,
  onMessage,
}: {
  meeting: Meeting;
  onMessage: (message: string | null) => void;
}) {
  const { t, locale } = useI18n();
  const ta = t.amu;
  const writes = useAmuWrites();
  if (meeting.status === 'planlagt') return null;
  return (
    <VStack as="section" gap="space-16" aria-labelledby="amu-minutes">
      <Heading level="2" size="medium" id="amu-minutes">
        {ta.minutesHeading}
      </Heading>
      {meeting.publishedAt && meeting.publishedBy ? (
        <BodyShort>{ta.publishedBy(meeting.publishedBy, dateTime(meeting.publishedAt, locale))}</BodyShort>
      ) : null}
      <dl className="amu-figures">
        <div className="amu-figure">
          <dt>{ta.heldOn}</dt>
          <dd>{meeting.heldOn ? formatDate(meeting.heldOn) : '—'}</dd>
        </div>
        <div className="amu-figure">
          <dt>{ta.attendees}</dt>
          <dd>{meeting.attendees}</dd>
        </div>
      </dl>
      {meeting.notes ? (
        <>
          <Heading level="3" size="small">
            {ta.notesHeading}
          </Heading>
          <BodyLong className="amu-text">{meeting.notes}</BodyLong>
        </>
      ) : null}
      <Heading level="3" size="small">
        {ta.decisionsHeading}
      </Heading>
      {meeting.decisionList.length === 0 ? <BodyShort>{ta.noDecisions}</BodyShort> : null}
      <ol className="amu-decisions">
        {meeting.decisionList.map((d) => (
          <li key={d.id}>
            <VStack gap="space-4" align="start">
              <BodyLong className="amu-text">{d.text}</BodyLong>
              {d.vote ? <BodyShort size="small">{d.vote}</BodyShort> : null}
              {d.action ? (
                <BodyShort size="small">
                  {ta.actionLine(d.action.ownerName, formatDate(d.action.due))}
                  {d.action.doneAt ? ` · ${ta.actionDone(dateTime(d.action.doneAt, locale))}` : ''}
                </BodyShort>
              ) : null}
              {d.action?.canMarkDone ? (
                <Button
                  type="button"
                  size="small"
                  variant="secondary"
                  loading={writes.markDone.isPending && writes.markDone.variables === d.id}
                  onClick={() => writes.markDone.mutate(d.id, { onSuccess: () => onMessage(ta.markedDone) })}
                >
                  {ta.markDone}
                </Button>
              ) : null}
            </VStack>
          </li>
        ))}
      </ol>
      {writes.markDone.isError ? <ErrorAlert error={writes.markDone.error} /> : null}
    </VStack>
  );
}
