/**
 * "Dialogmøter" (`/sykefravaer/:employeeId/dialogmoter`): the leader or HR plans dialogmøte 1 (date,
 * time, duration, place or video link, participants — the optional ones only with the employee's
 * consent, or the employee is asked), downloads an .ics per participant, reads the agenda built from the
 * oppfølgingsplan, writes the minutes and downloads them as a PDF. Cancelling a meeting asks first, in
 * a dialog: those invited are told, and it cannot be undone.
 */
import {
  Alert,
  BodyLong,
  Box,
  Button,
  Checkbox,
  Fieldset,
  Heading,
  HStack,
  Link,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import type { PARTICIPANT_ROLES } from '../../../../src/contracts/dokumenter/dialogmote.schemas.ts';
import { findHealthWords } from '../../../../src/domain/dokumenter/oppfolgingsplan.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useWriteFeedback } from '../../ui/WriteFeedback.tsx';
import { type ActionRow, ActionRowsEditor, toActionInput, toActionRows } from './ActionRows.tsx';
import { AgendaToggle, MeetingSummary } from './DialogmoteParts.tsx';
import { SamtaleSection } from './DialogmoteSamtaler.tsx';
import {
  type Meeting,
  meetingApi,
  meetingsKey,
  type ParticipantInput,
  useDialogmoteText,
  useMeetings,
} from './dialogmoteApi.ts';
import './dokumenter.css';

type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
/**
 * The API's participant roles (`PARTICIPANT_ROLES`, checked by the type; the list itself lives beside
 * its zod schema, which the bundle does not import), and those who join only with the employee's consent.
 */
const ROLES = [
  'leder',
  'ansatt',
  'hr',
  'tillitsvalgt',
  'verneombud',
  'bht',
  'sykmelder',
] as const satisfies readonly ParticipantRole[];
const OPTIONAL: readonly string[] = [
  'tillitsvalgt',
  'verneombud',
  'bht',
  'sykmelder',
] satisfies readonly ParticipantRole[];
type Row = {
  key: number;
  /** An existing participant (when changing a meeting). */
  id?: string;
  role: string;
  name: string;
  email: string;
  consent: boolean;
  initialRole?: string;
  initialConsent?: boolean;
};

export function DialogmotePage() {
  const { employeeId = '' } = useParams();
  const m = useDialogmoteText();
  const query = useMeetings(employeeId);
  const [message, setMessage] = useState<string | null>(null);
  const { hash } = useLocation();
  const loaded = query.data !== undefined;
  useEffect(() => {
    // `#meeting-<id>` (the evidence link on the case page): bring that meeting into view.
    if (loaded && hash.startsWith('#meeting-')) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [loaded, hash]);
  return (
    <VStack gap="space-24" paddingBlock="space-24" className="plan-page">
      <div>
        <Link as={RouterLink} to={`/sykefravaer/${employeeId}`}>
          {m.back}
        </Link>
      </div>
      <PageHeading>{m.title}</PageHeading>
      <BodyLong>{m.intro}</BodyLong>
      <SuccessMessage>{message}</SuccessMessage>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data ? (
        <>
          {query.data.items.length === 0 ? <Alert variant="info">{m.none}</Alert> : null}
          {query.data.items.map((meeting) => (
            <MeetingCard key={meeting.id} meeting={meeting} employeeId={employeeId} onMessage={setMessage} />
          ))}
          {query.data.caseStart ? <MeetingForm employeeId={employeeId} onDone={setMessage} /> : null}
          <SamtaleSection employeeId={employeeId} />
        </>
      ) : null}
    </VStack>
  );
}

/** The state of a write done without react-query, in the shape `useWriteFeedback` reads. */
function useWriteState() {
  const [error, setError] = useState<unknown>(null);
  return { isError: error !== null, error, reset: () => setError(null), fail: setError };
}

/** The feedback of a failed meeting write, with the case pages' words for "load the latest version". */
function useMeetingFeedback(write: Parameters<typeof useWriteFeedback>[0], onReload: () => Promise<unknown>) {
  const t = useT();
  return useWriteFeedback(write, onReload, {
    reload: t.sykefravaer.conflictReload,
    reloaded: t.sykefravaer.reloaded,
  });
}

function rowsOf(meeting: Meeting | undefined): Row[] {
  if (!meeting) {
    return [
      { key: 1, role: 'leder', name: '', email: '', consent: false },
      { key: 2, role: 'ansatt', name: '', email: '', consent: false },
    ];
  }
  return meeting.participants.map((p, i) => ({
    key: i + 1,
    id: p.id,
    role: p.role,
    name: p.name,
    email: p.email ?? '',
    consent: p.employeeConsent === true,
    initialRole: p.role,
    initialConsent: p.employeeConsent === true,
  }));
}

/**
 * Consent is sent for a new optional participant, or when the role or the tick changed; an existing
 * participant left as it was keeps the consent recorded (also the employee's own answer).
 */
function consentOf(r: Row): Pick<ParticipantInput, 'consent'> {
  if (!OPTIONAL.includes(r.role)) return {};
  const unchanged = r.id !== undefined && r.initialRole === r.role && r.initialConsent === r.consent;
  return unchanged ? {} : { consent: r.consent ? 'given' : 'ask-employee' };
}

/**
 * Plans a new meeting, or (with `meeting`) changes a planned one. A change sends the version last
 * read; on a 409 `STALE_VERSION` the form keeps what the user typed, and "load the latest version" refreshes the
 * meeting underneath it, so the next save goes through.
 */
function MeetingForm({
  employeeId,
  meeting,
  onDone,
  onCancel,
}: {
  employeeId: string;
  meeting?: Meeting;
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const m = useDialogmoteText();
  const queryClient = useQueryClient();
  const suffix = meeting ? `-${meeting.id}` : '';
  const headingId = `plan-meeting${suffix}`;
  const [date, setDate] = useState(meeting ? meeting.localStart.slice(0, 10) : todayIso());
  const [time, setTime] = useState(meeting ? meeting.localStart.slice(11, 16) : '10:00');
  const [duration, setDuration] = useState(String(meeting?.durationMinutes ?? 60));
  const [place, setPlace] = useState(meeting?.place ?? '');
  const [video, setVideo] = useState(meeting?.videoLink ?? '');
  const [rows, setRows] = useState<Row[]>(() => rowsOf(meeting));
  const write = useWriteState();
  const { feedback, clear } = useMeetingFeedback(write, () =>
    queryClient.refetchQueries({ queryKey: meetingsKey(employeeId) }),
  );
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const durations = ['30', '45', '60', '90', '120'];
  if (!durations.includes(duration)) durations.push(duration);
  const update = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  // The edit form opens under its button: move focus to its heading (once).
  const [focusOnOpen] = useState(meeting !== undefined);
  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
  }, [focusOnOpen]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    write.reset();
    clear();
    try {
      const participants: ParticipantInput[] = rows.map((r) => ({
        ...(r.id ? { id: r.id } : {}),
        role: r.role,
        name: r.name,
        email: r.email.trim() || null,
        ...consentOf(r),
      }));
      const input = {
        startsAt: `${date}T${time}`,
        durationMinutes: Number(duration),
        place: place.trim() || null,
        videoLink: video.trim() || null,
        participants,
      };
      if (meeting) await meetingApi.update(employeeId, meeting.id, { ...input, version: meeting.version });
      else await meetingApi.create(employeeId, input);
      await queryClient.invalidateQueries({ queryKey: meetingsKey(employeeId) });
      onDone(meeting ? m.updated : m.planned);
    } catch (e) {
      write.fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box as="section" aria-labelledby={headingId} className={meeting ? undefined : 'plan-section'}>
      <form onSubmit={(e) => void submit(e)}>
        <VStack gap="space-16">
          <Heading
            level={meeting ? '3' : '2'}
            size={meeting ? 'small' : 'medium'}
            id={headingId}
            ref={headingRef}
            tabIndex={meeting ? -1 : undefined}
          >
            {meeting ? m.editHeading : m.planHeading}
          </Heading>
          <HStack gap="space-16" wrap>
            <DateField
              id={`dialogmote-date${suffix}`}
              label={m.date}
              value={date}
              onChange={setDate}
              required
            />
            <TextField
              label={m.time}
              type="time"
              value={time}
              onChange={(e) => setTime(e.target.value)}
              required
            />
            <Select label={m.duration} value={duration} onChange={(e) => setDuration(e.target.value)}>
              {durations.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </Select>
          </HStack>
          <TextField
            label={m.place}
            description={m.placeHelp}
            value={place}
            onChange={(e) => setPlace(e.target.value)}
          />
          <TextField
            label={m.videoLink}
            type="url"
            value={video}
            onChange={(e) => setVideo(e.target.value)}
          />
          <Fieldset legend={m.participants}>
            <VStack gap="space-12">
              <Alert variant="info" size="small">
                {m.consentExplain}
              </Alert>
              {rows.map((r, i) => (
                <Box key={r.key} className="plan-action">
                  <VStack gap="space-8">
                    <HStack gap="space-12" wrap align="end">
                      <Select
                        label={m.role}
                        value={r.role}
                        onChange={(e) => update(r.key, { role: e.target.value })}
                      >
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {m.roles[role]}
                          </option>
                        ))}
                      </Select>
                      <TextField
                        label={m.name}
                        value={r.name}
                        onChange={(e) => update(r.key, { name: e.target.value })}
                        required
                      />
                      <TextField
                        label={m.email}
                        type="email"
                        value={r.email}
                        onChange={(e) => update(r.key, { email: e.target.value })}
                      />
                      {rows.length > 1 ? (
                        <Button
                          type="button"
                          variant="tertiary"
                          size="small"
                          onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
                        >
                          {m.removeParticipant(r.name.trim() || `${m.roles[r.role] ?? ''} ${i + 1}`.trim())}
                        </Button>
                      ) : null}
                    </HStack>
                    {OPTIONAL.includes(r.role) ? (
                      <Checkbox
                        checked={r.consent}
                        onChange={(e) => update(r.key, { consent: e.target.checked })}
                      >
                        {m.consentGiven}
                      </Checkbox>
                    ) : null}
                  </VStack>
                </Box>
              ))}
              <div>
                <Button
                  type="button"
                  variant="secondary"
                  size="small"
                  onClick={() =>
                    setRows((all) => [
                      ...all,
                      {
                        key: Math.max(0, ...all.map((x) => x.key)) + 1,
                        role: 'hr',
                        name: '',
                        email: '',
                        consent: false,
                      },
                    ])
                  }
                >
                  {m.addParticipant}
                </Button>
              </div>
            </VStack>
          </Fieldset>
          {feedback}
          <HStack gap="space-8" wrap>
            <Button type="submit" loading={busy}>
              {meeting ? m.saveChanges : m.plan}
            </Button>
            {onCancel ? (
              <Button type="button" variant="secondary" onClick={onCancel}>
                {m.cancelEdit}
              </Button>
            ) : null}
          </HStack>
        </VStack>
      </form>
    </Box>
  );
}

function MeetingCard({
  meeting,
  employeeId,
  onMessage,
}: {
  meeting: Meeting;
  employeeId: string;
  onMessage: (m: string) => void;
}) {
  const m = useDialogmoteText();
  const queryClient = useQueryClient();
  const reload = () => queryClient.refetchQueries({ queryKey: meetingsKey(employeeId) });
  const cancelWrite = useWriteState();
  const cancelFeedback = useMeetingFeedback(cancelWrite, reload);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const formId = `meeting-edit-${meeting.id}`;
  const closeEdit = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const cancel = async () => {
    setBusy(true);
    cancelWrite.reset();
    cancelFeedback.clear();
    try {
      await meetingApi.cancel(employeeId, meeting.id, meeting.version);
      await queryClient.invalidateQueries({ queryKey: meetingsKey(employeeId) });
      onMessage(m.cancelled);
    } catch (e) {
      cancelWrite.fail(e);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const planned = meeting.status === 'planlagt';
  return (
    <Box as="section" aria-labelledby={`meeting-${meeting.id}`} className="plan-section">
      <VStack gap="space-16">
        <MeetingSummary meeting={meeting} employeeId={employeeId} />
        {planned ? (
          <HStack gap="space-8" wrap>
            <Button
              ref={editButton}
              type="button"
              variant="secondary"
              size="small"
              aria-expanded={editing}
              aria-controls={formId}
              onClick={() => (editing ? closeEdit() : setEditing(true))}
            >
              {m.edit}
            </Button>
            <Button type="button" variant="tertiary" size="small" onClick={() => setConfirming(true)}>
              {m.cancel}
            </Button>
          </HStack>
        ) : null}
        {planned && confirming ? (
          <FormDialog
            heading={m.cancelHeading}
            formId={`meeting-cancel-${meeting.id}`}
            confirm={m.cancel}
            danger
            pending={busy}
            onClose={() => setConfirming(false)}
            onSubmit={() => void cancel()}
          >
            <BodyLong>
              {m.cancelBody(
                m.when(
                  formatDate(meeting.localStart),
                  meeting.localStart.slice(11, 16),
                  meeting.durationMinutes,
                ),
              )}
            </BodyLong>
          </FormDialog>
        ) : null}
        {cancelFeedback.feedback}
        <div id={formId}>
          {planned && editing ? (
            <MeetingForm
              employeeId={employeeId}
              meeting={meeting}
              onDone={(message) => {
                onMessage(message);
                closeEdit();
              }}
              onCancel={closeEdit}
            />
          ) : null}
        </div>
        <AgendaToggle meeting={meeting} employeeId={employeeId} />
        {meeting.status !== 'avlyst' ? (
          <ReferatForm meeting={meeting} employeeId={employeeId} onMessage={onMessage} />
        ) : null}
      </VStack>
    </Box>
  );
}

function ReferatForm({
  meeting,
  employeeId,
  onMessage,
}: {
  meeting: Meeting;
  employeeId: string;
  onMessage: (m: string) => void;
}) {
  const m = useDialogmoteText();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState(meeting.referat?.summary ?? '');
  const [actions, setActions] = useState<ActionRow[]>(() =>
    toActionRows(meeting.referat?.agreedActions ?? []),
  );
  const write = useWriteState();
  const { feedback, clear } = useMeetingFeedback(write, () =>
    queryClient.refetchQueries({ queryKey: meetingsKey(employeeId) }),
  );
  const [busy, setBusy] = useState(false);
  const words = findHealthWords(`${summary}\n${actions.map((a) => a.what).join('\n')}`);
  const id = `referat-${meeting.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    write.reset();
    clear();
    try {
      await meetingApi.referat(employeeId, meeting.id, {
        summary,
        agreedActions: toActionInput(actions),
        version: meeting.version,
      });
      await queryClient.invalidateQueries({ queryKey: meetingsKey(employeeId) });
      // The case page's milestone (and its evidence link) changed too.
      await queryClient.invalidateQueries({ queryKey: ['sykefravaer'] });
      onMessage(m.referatSaved);
    } catch (e) {
      write.fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={id}>
      <VStack gap="space-12">
        <Heading level="3" size="small" id={id}>
          {m.referatHeading}
        </Heading>
        <Textarea
          label={m.summary}
          description={m.healthHint}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          maxLength={4000}
          minRows={4}
          required
        />
        {words.length > 0 ? (
          <Alert variant="warning" size="small">
            {m.healthWarning(words.join(', '))}
          </Alert>
        ) : null}
        <Heading level="4" size="xsmall">
          {m.actions}
        </Heading>
        <ActionRowsEditor idPrefix={id} rows={actions} onChange={setActions} />
        {feedback}
        <div>
          <Button type="submit" loading={busy}>
            {m.saveReferat}
          </Button>
        </div>
      </VStack>
    </form>
  );
}
