/** Parts shared by the leader's and the employee's dialogmøte pages: the meeting summary and agenda. */
import { BodyShort, Button, Heading, HStack, Link, Tag, VStack } from '@navikt/ds-react';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { dateTime, formatDate } from '../../ui/format.ts';
import {
  type Agenda,
  icsUrl,
  type Meeting,
  meetingApi,
  referatPdfUrl,
  useDialogmoteText,
} from './dialogmoteApi.ts';

export function MeetingStatusTag({ status }: { status: Meeting['status'] }) {
  const m = useDialogmoteText();
  const variant = status === 'gjennomfort' ? 'success' : status === 'avlyst' ? 'neutral' : 'info';
  return (
    <Tag variant={variant} size="small">
      {m.status[status]}
    </Tag>
  );
}

/** Time, place, status and participants (with consent state and .ics links for those invited). */
export function MeetingSummary({
  meeting,
  employeeId,
  icsFor,
}: {
  meeting: Meeting;
  /** null: the employee's own routes. */
  employeeId: string | null;
  /** Which participants get a download link (default: everyone invited). */
  icsFor?: (p: Meeting['participants'][number]) => boolean;
}) {
  const m = useDialogmoteText();
  const { locale } = useI18n();
  const headingId = `meeting-${meeting.id}`;
  return (
    <VStack gap="space-12">
      <HStack gap="space-12" align="center" wrap>
        <Heading level="2" size="small" id={headingId}>
          {m.when(formatDate(meeting.localStart), meeting.localStart.slice(11, 16), meeting.durationMinutes)}
        </Heading>
        <MeetingStatusTag status={meeting.status} />
      </HStack>
      {meeting.place ? (
        <BodyShort>
          {m.place}: {meeting.place}
        </BodyShort>
      ) : null}
      {meeting.videoLink ? (
        <BodyShort>
          {m.videoLink.replace(/ \(.*\)$/, '')}: <Link href={meeting.videoLink}>{meeting.videoLink}</Link>
        </BodyShort>
      ) : null}
      <Heading level="3" size="xsmall">
        {m.participants}
      </Heading>
      <ul className="plan-list">
        {meeting.participants.map((p) => (
          <li key={p.id}>
            <VStack gap="space-4">
              <BodyShort>
                {p.name} – {m.roles[p.role] ?? p.role}
              </BodyShort>
              {p.optional ? (
                <BodyShort size="small" textColor="subtle">
                  {p.employeeConsent === true
                    ? `${m.consentState.yes}${p.consentAt ? ` (${dateTime(p.consentAt, locale)})` : ''}`
                    : p.employeeConsent === false
                      ? m.consentState.no
                      : m.consentState.waiting}
                </BodyShort>
              ) : null}
              {p.invited && meeting.status !== 'avlyst' && (icsFor ? icsFor(p) : true) ? (
                <div>
                  <Link href={icsUrl(employeeId, meeting.id, p.id)} download>
                    {m.downloadIcs(p.name)}
                  </Link>
                </div>
              ) : null}
            </VStack>
          </li>
        ))}
      </ul>
      {meeting.referat ? (
        <VStack gap="space-8">
          <Heading level="3" size="xsmall">
            {m.referatHeading}
          </Heading>
          <BodyShort className="plan-text">{meeting.referat.summary}</BodyShort>
          {meeting.referat.agreedActions.length > 0 ? (
            <ul className="plan-list">
              {meeting.referat.agreedActions.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: actions have no id; the list is read-only
                <li key={i}>
                  <BodyShort className="plan-text">{a.what}</BodyShort>
                  <BodyShort size="small" textColor="subtle">
                    {m.actionOwner}: {a.owner}
                    {a.deadline ? ` · ${formatDate(a.deadline)}` : ''}
                  </BodyShort>
                </li>
              ))}
            </ul>
          ) : null}
          <BodyShort size="small" textColor="subtle">
            {m.referatBy(meeting.referat.by.name, dateTime(meeting.referat.at, locale))}
          </BodyShort>
          <div>
            <Button
              as="a"
              variant="secondary"
              size="small"
              href={referatPdfUrl(employeeId, meeting.id)}
              download
            >
              {m.downloadPdf}
            </Button>
          </div>
        </VStack>
      ) : null}
    </VStack>
  );
}

/** The agenda, loaded when asked for. */
export function AgendaToggle({ meeting, employeeId }: { meeting: Meeting; employeeId: string | null }) {
  const m = useDialogmoteText();
  const { locale } = useI18n();
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const toggle = async () => {
    if (agenda) {
      setAgenda(null);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setAgenda(await meetingApi.agenda(employeeId, meeting.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const listId = `agenda-${meeting.id}`;
  return (
    <VStack gap="space-8" align="start">
      <Button
        variant="tertiary"
        size="small"
        onClick={() => void toggle()}
        loading={busy}
        aria-expanded={agenda !== null}
        aria-controls={listId}
      >
        {agenda ? m.hideAgenda : m.showAgenda}
      </Button>
      {error ? <ErrorAlert error={error} /> : null}
      <div id={listId}>
        {agenda ? (
          <VStack gap="space-8">
            <Heading level="3" size="xsmall">
              {m.agenda}
            </Heading>
            <ol>
              {agenda.points.map((p) => (
                <li key={`${p.source}-${p.title.nb}`}>
                  <BodyShort>{p.title[locale]}</BodyShort>
                  {p.items.length > 0 ? (
                    <BodyShort size="small" textColor="subtle">
                      {p.items.map((i) => i[locale]).join(', ')}
                    </BodyShort>
                  ) : null}
                </li>
              ))}
            </ol>
          </VStack>
        ) : null}
      </div>
    </VStack>
  );
}
