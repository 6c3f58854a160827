/**
 * The link from a done milestone on the case page to what shows it was done: the oppfølgingsplan
 * (the version sent to the sykmelder) or the dialogmøte with its minutes. The reference is the one
 * the API stores with the milestone (`oppfolgingsplan:<planId>:v<n>`, `dialogmote:<meetingId>`);
 * anything else (a milestone marked done by hand) shows no link.
 */
import { Link } from '@navikt/ds-react';
import { Link as RouterLink, useParams } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export type Evidence =
  | { kind: 'plan'; planId: string; version: number }
  | { kind: 'meeting'; meetingId: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PLAN = new RegExp(`^oppfolgingsplan:(${UUID}):v(\\d+)$`, 'i');
const MEETING = new RegExp(`^dialogmote:(${UUID})$`, 'i');

export function parseEvidence(ref: string | null): Evidence | null {
  if (!ref) return null;
  const plan = PLAN.exec(ref);
  if (plan?.[1] && plan[2]) return { kind: 'plan', planId: plan[1], version: Number(plan[2]) };
  const meeting = MEETING.exec(ref);
  if (meeting?.[1]) return { kind: 'meeting', meetingId: meeting[1] };
  return null;
}

/** On the case page (`/sykefravaer/:employeeId`). */
export function EvidenceLink({ evidenceRef }: { evidenceRef: string | null }) {
  const { t } = useI18n();
  const { employeeId = '' } = useParams();
  const evidence = parseEvidence(evidenceRef);
  if (!evidence || !employeeId) return null;
  const base = `/sykefravaer/${employeeId}`;
  return (
    <div>
      {evidence.kind === 'plan' ? (
        <Link as={RouterLink} to={`${base}/oppfolgingsplan`}>
          {t.dokumenter.evidencePlan(evidence.version)}
        </Link>
      ) : (
        <Link as={RouterLink} to={`${base}/dialogmoter#meeting-${evidence.meetingId}`}>
          {t.dokumenter.evidenceMeeting}
        </Link>
      )}
    </div>
  );
}
