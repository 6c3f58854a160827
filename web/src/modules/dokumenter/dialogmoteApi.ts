/**
 * Queries and writes of dialogmøte 1 (`/api/v1/sykefravaer/employees/:id/dialogmoter…` for the
 * leader/HR, `/api/v1/sykefravaer/me/dialogmoter…` for the employee). Writes send the version read.
 */
import { useQuery } from '@tanstack/react-query';
import type { MeetingDto } from '../../../../src/contracts/dokumenter/dialogmote.schemas.ts';
import { API_BASE, api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { dialogmoteEn, dialogmoteNb } from './messages.ts';

export type Meeting = MeetingDto;
export type MeetingList = { caseStart: string | null; items: Meeting[] };
export type Agenda = {
  meetingId: string;
  points: {
    title: { nb: string; en: string };
    items: { nb: string; en: string }[];
    source: 'plan' | 'fixed';
  }[];
};
export type ParticipantInput = {
  id?: string;
  role: string;
  name: string;
  email?: string | null;
  consent?: 'given' | 'ask-employee';
};
export type MeetingInput = {
  startsAt: string;
  durationMinutes: number;
  place: string | null;
  videoLink: string | null;
  participants: ParticipantInput[];
};

const employer = (employeeId: string) => `/sykefravaer/employees/${employeeId}/dialogmoter`;
const mine = '/sykefravaer/me/dialogmoter';

export const meetingsKey = (employeeId: string) => ['dialogmoter', employeeId] as const;
export const myMeetingsKey = ['dialogmoter', 'me'] as const;

/** The dialogmøte texts in the current language. */
export function useDialogmoteText() {
  const { locale } = useI18n();
  return locale === 'en' ? dialogmoteEn : dialogmoteNb;
}

export function useMeetings(employeeId: string) {
  return useQuery({
    queryKey: meetingsKey(employeeId),
    queryFn: ({ signal }) => api.get<MeetingList>(employer(employeeId), undefined, signal),
    enabled: employeeId.length > 0,
  });
}

export function useMyMeetings() {
  return useQuery({
    queryKey: myMeetingsKey,
    queryFn: ({ signal }) => api.get<MeetingList>(mine, undefined, signal),
  });
}

export const meetingApi = {
  create: (employeeId: string, input: MeetingInput) => api.post<Meeting>(employer(employeeId), input),
  update: (employeeId: string, id: string, input: MeetingInput & { version: number }) =>
    api.put<Meeting>(`${employer(employeeId)}/${id}`, input),
  cancel: (employeeId: string, id: string, version: number) =>
    api.post<Meeting>(`${employer(employeeId)}/${id}/cancel`, { version }),
  agenda: (employeeId: string | null, id: string) =>
    api.get<Agenda>(`${employeeId === null ? mine : employer(employeeId)}/${id}/agenda`),
  referat: (
    employeeId: string,
    id: string,
    body: {
      summary: string;
      agreedActions: {
        what: string;
        owner: string;
        deadline: string | null;
        ownerKind?: 'employee' | 'leader' | 'other';
      }[];
      version: number;
    },
  ) => api.put<Meeting>(`${employer(employeeId)}/${id}/referat`, body),
  consentMine: (id: string, participantId: string, consent: boolean, version: number) =>
    api.post<Meeting>(`${mine}/${id}/participants/${participantId}/consent`, { consent, version }),
};

/** `employeeId` null: the employee's own routes. */
export const icsUrl = (employeeId: string | null, id: string, participantId: string) =>
  `${API_BASE}${employeeId === null ? mine : employer(employeeId)}/${id}/invitation.ics?participant=${participantId}`;
export const referatPdfUrl = (employeeId: string | null, id: string) =>
  `${API_BASE}${employeeId === null ? mine : employer(employeeId)}/${id}/referat.pdf`;
