/**
 * "Mine dialogmøter" (`/mitt-fravaer/dialogmoter`): the employee sees their meetings, decides whether
 * each optional participant (tillitsvalgt, verneombud, BHT, sykmelder) joins, reads the agenda and
 * downloads their calendar invitation and the minutes PDF.
 */
import { Alert, BodyShort, Box, Button, HStack, Link, VStack } from '@navikt/ds-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { AgendaToggle, MeetingSummary } from './DialogmoteParts.tsx';
import { SamtaleSection } from './DialogmoteSamtaler.tsx';
import {
  type Meeting,
  meetingApi,
  myMeetingsKey,
  useDialogmoteText,
  useMyMeetings,
} from './dialogmoteApi.ts';
import './dokumenter.css';

export function DialogmoteMinePage() {
  const m = useDialogmoteText();
  const query = useMyMeetings();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <VStack gap="space-24" paddingBlock="space-24" className="plan-page">
      <div>
        <Link as={RouterLink} to="/mitt-fravaer">
          {m.backMine}
        </Link>
      </div>
      <PageHeading>{m.myTitle}</PageHeading>
      <SuccessMessage>{message}</SuccessMessage>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data && query.data.items.length === 0 ? <Alert variant="info">{m.noneMine}</Alert> : null}
      {query.data?.items.map((meeting) => (
        <MyMeeting key={meeting.id} meeting={meeting} onMessage={setMessage} />
      ))}
      <SamtaleSection employeeId={null} />
    </VStack>
  );
}

function MyMeeting({ meeting, onMessage }: { meeting: Meeting; onMessage: (m: string) => void }) {
  const m = useDialogmoteText();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const optional = meeting.participants.filter((p) => p.optional);
  const answer = async (participantId: string, consent: boolean) => {
    setBusy(participantId);
    setError(null);
    try {
      const next = await meetingApi.consentMine(meeting.id, participantId, consent, meeting.version);
      queryClient.setQueryData(
        myMeetingsKey,
        (old: { caseStart: string | null; items: Meeting[] } | undefined) =>
          old ? { ...old, items: old.items.map((x) => (x.id === next.id ? next : x)) } : old,
      );
      onMessage(m.consentSaved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Box as="section" aria-labelledby={`meeting-${meeting.id}`} className="plan-section">
      <VStack gap="space-16">
        <MeetingSummary meeting={meeting} employeeId={null} icsFor={(p) => p.role === 'ansatt'} />
        {optional.length > 0 && meeting.status === 'planlagt' ? (
          <VStack gap="space-8">
            <BodyShort>{m.myConsentIntro}</BodyShort>
            {optional.map((p) => (
              <HStack key={p.id} gap="space-8" wrap>
                <Button
                  size="small"
                  variant={p.employeeConsent === true ? 'primary' : 'secondary'}
                  aria-pressed={p.employeeConsent === true}
                  loading={busy === p.id}
                  onClick={() => void answer(p.id, true)}
                >
                  {m.agree(p.name)}
                </Button>
                <Button
                  size="small"
                  variant={p.employeeConsent === false ? 'primary' : 'secondary'}
                  aria-pressed={p.employeeConsent === false}
                  disabled={busy === p.id}
                  onClick={() => void answer(p.id, false)}
                >
                  {m.decline(p.name)}
                </Button>
              </HStack>
            ))}
          </VStack>
        ) : null}
        {error ? <ErrorAlert error={error} /> : null}
        <AgendaToggle meeting={meeting} employeeId={null} />
      </VStack>
    </Box>
  );
}
