/**
 * "Dialogmøter" (`/sykefravaer/:employeeId/dialogmoter`): the leader or HR plans dialogmøte 1 (date,
 * time, duration, place or video link, participants — the optional ones only with the employee's
 * consent, or the employee is asked), downloads an .ics per participant, reads the agenda built from the
 * oppfølgingsplan, writes the minutes and downloads them as a PDF.
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
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { findHealthWords } from '../../../../src/domain/dokumenter/oppfolgingsplan.ts';
import { DateField } from '../../ui/DateField.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { todayIso } from '../sykefravaer/dates.ts';
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

const ROLES = ['leder', 'ansatt', 'hr', 'tillitsvalgt', 'verneombud', 'bht', 'sykmelder'];
const OPTIONAL = ['tillitsvalgt', 'verneombud', 'bht', 'sykmelder'];
type Row = { key: number; role: string; name: string; email: string; consent: boolean };

export function DialogmotePage() {
  const { employeeId = '' } = useParams();
  const m = useDialogmoteText();
  const query = useMeetings(employeeId);
  const [message, setMessage] = useState<string | null>(null);
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
          {query.data.caseStart ? <PlanForm employeeId={employeeId} onMessage={setMessage} /> : null}
          <SamtaleSection employeeId={employeeId} />
        </>
      ) : null}
    </VStack>
  );
}

function PlanForm({ employeeId, onMessage }: { employeeId: string; onMessage: (m: string) => void }) {
  const m = useDialogmoteText();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(todayIso());
  const [time, setTime] = useState('10:00');
  const [duration, setDuration] = useState('60');
  const [place, setPlace] = useState('');
  const [video, setVideo] = useState('');
  const [rows, setRows] = useState<Row[]>([
    { key: 1, role: 'leder', name: '', email: '', consent: false },
    { key: 2, role: 'ansatt', name: '', email: '', consent: false },
  ]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const update = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const participants: ParticipantInput[] = rows.map((r) => ({
        role: r.role,
        name: r.name,
        email: r.email.trim() || null,
        ...(OPTIONAL.includes(r.role) ? { consent: r.consent ? 'given' : 'ask-employee' } : {}),
      }));
      await meetingApi.create(employeeId, {
        startsAt: `${date}T${time}`,
        durationMinutes: Number(duration),
        place: place.trim() || null,
        videoLink: video.trim() || null,
        participants,
      });
      await queryClient.invalidateQueries({ queryKey: meetingsKey(employeeId) });
      onMessage(m.planned);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box as="section" aria-labelledby="plan-meeting" className="plan-section">
      <form onSubmit={(e) => void submit(e)}>
        <VStack gap="space-16">
          <Heading level="2" size="medium" id="plan-meeting">
            {m.planHeading}
          </Heading>
          <HStack gap="space-16" wrap>
            <DateField id="dialogmote-date" label={m.date} value={date} onChange={setDate} required />
            <TextField
              label={m.time}
              type="time"
              value={time}
              onChange={(e) => setTime(e.target.value)}
              required
            />
            <Select label={m.duration} value={duration} onChange={(e) => setDuration(e.target.value)}>
              {['30', '45', '60', '90', '120'].map((d) => (
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
          {error ? <ErrorAlert error={error} /> : null}
          <div>
            <Button type="submit" loading={busy}>
              {m.plan}
            </Button>
          </div>
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
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const cancel = async () => {
    setBusy(true);
    setError(null);
    try {
      await meetingApi.cancel(employeeId, meeting.id, meeting.version);
      await queryClient.invalidateQueries({ queryKey: meetingsKey(employeeId) });
      onMessage(m.cancelled);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box as="section" aria-labelledby={`meeting-${meeting.id}`} className="plan-section">
      <VStack gap="space-16">
        <MeetingSummary meeting={meeting} employeeId={employeeId} />
        <AgendaToggle meeting={meeting} employeeId={employeeId} />
        {error ? <ErrorAlert error={error} /> : null}
        {meeting.status !== 'avlyst' ? (
          <ReferatForm meeting={meeting} employeeId={employeeId} onMessage={onMessage} />
        ) : null}
        {meeting.status === 'planlagt' ? (
          <div>
            <Button variant="tertiary" size="small" onClick={() => void cancel()} loading={busy}>
              {m.cancel}
            </Button>
          </div>
        ) : null}
      </VStack>
    </Box>
  );
}

type ActionRow = { key: number; what: string; owner: string; deadline: string };

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
  const [actions, setActions] = useState<ActionRow[]>(
    (meeting.referat?.agreedActions ?? []).map((a, i) => ({
      key: i + 1,
      what: a.what,
      owner: a.owner,
      deadline: a.deadline ?? '',
    })),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const words = findHealthWords(`${summary}\n${actions.map((a) => a.what).join('\n')}`);
  const update = (key: number, patch: Partial<ActionRow>) =>
    setActions((all) => all.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  const id = `referat-${meeting.id}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await meetingApi.referat(employeeId, meeting.id, {
        summary,
        agreedActions: actions.map((a) => ({ what: a.what, owner: a.owner, deadline: a.deadline || null })),
        version: meeting.version,
      });
      await queryClient.invalidateQueries({ queryKey: meetingsKey(employeeId) });
      onMessage(m.referatSaved);
    } catch (e) {
      setError(e);
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
        {actions.map((a, i) => (
          <HStack key={a.key} gap="space-12" wrap align="end" className="plan-action">
            <TextField
              label={m.actionWhat}
              value={a.what}
              onChange={(e) => update(a.key, { what: e.target.value })}
              required
            />
            <TextField
              label={m.actionOwner}
              value={a.owner}
              onChange={(e) => update(a.key, { owner: e.target.value })}
              required
            />
            <DateField
              id={`${id}-deadline-${a.key}`}
              label={m.actionDeadline}
              value={a.deadline}
              onChange={(deadline) => update(a.key, { deadline })}
            />
            <Button
              type="button"
              variant="tertiary"
              size="small"
              onClick={() => setActions((all) => all.filter((x) => x.key !== a.key))}
            >
              {m.removeAction(i + 1)}
            </Button>
          </HStack>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            size="small"
            onClick={() =>
              setActions((all) => [
                ...all,
                { key: Math.max(0, ...all.map((x) => x.key)) + 1, what: '', owner: '', deadline: '' },
              ])
            }
          >
            {m.addAction}
          </Button>
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        <div>
          <Button type="submit" loading={busy}>
            {m.saveReferat}
          </Button>
        </div>
      </VStack>
    </form>
  );
}
