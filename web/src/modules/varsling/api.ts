/**
 * Varsling as the web app uses it (`/api/v1/varsling/…`). Types from the server's zod schemas
 * (type-only imports). The anonymous mailbox is a mutation, not a query: the receipt code travels in
 * a POST body and is never cached, put in a URL or kept after the page is left.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseList,
  CaseView,
  Evidence,
  Mailbox,
  MyReports,
  Overview,
  PublicChannel,
  Receipt,
  ReportInput,
  RoutineDraftView,
  RoutineReadView,
  Settings,
} from '../../../../src/contracts/varsling/varsling.schemas.ts';
import { api } from '../../api/client.ts';

export type {
  CaseList,
  CaseView,
  Evidence,
  Mailbox,
  MyReports,
  Overview,
  PublicChannel,
  Receipt,
  ReportInput,
  RoutineDraftView,
  RoutineReadView,
  Settings,
};
export type MyChannel = PublicChannel & { channelId: string | null };

export const varslingKey = ['varsling'] as const;

/** What the server can strip metadata from (src/domain/varsling/metadata.ts); at most 5 MiB. */
export const EVIDENCE_ACCEPT = 'image/jpeg,image/png,application/pdf,text/plain,.jpg,.jpeg,.png,.pdf,.txt';
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/** A download link for a handler (the server sends it as an attachment). */
export const evidenceUrl = (caseId: string, fileId: string) =>
  `/api/v1/varsling/saker/${caseId}/vedlegg/${fileId}`;
const channelKey = (kanal: string) => [...varslingKey, 'kanal', kanal] as const;
const myChannelKey = [...varslingKey, 'min-kanal'] as const;
const mineKey = [...varslingKey, 'mine'] as const;
const casesKey = [...varslingKey, 'saker'] as const;
const caseKey = (id: string) => [...varslingKey, 'sak', id] as const;
const settingsKey = [...varslingKey, 'innstillinger'] as const;
const overviewKey = [...varslingKey, 'oversikt'] as const;

export function usePublicChannel(kanal: string) {
  return useQuery({
    queryKey: channelKey(kanal),
    queryFn: ({ signal }) => api.get<PublicChannel>(`/varsling/kanal/${kanal}`, undefined, signal),
    retry: false,
  });
}

export function useAnonymousReport(kanal: string) {
  return useMutation({
    mutationFn: (input: ReportInput) => api.post<Receipt>(`/varsling/kanal/${kanal}/varsel`, input),
  });
}

export function useMailbox(kanal: string) {
  const open = useMutation({
    mutationFn: (code: string) => api.post<Mailbox>(`/varsling/kanal/${kanal}/postkasse`, { code }),
  });
  const reply = useMutation({
    mutationFn: (input: { code: string; text: string }) =>
      api.post<Mailbox>(`/varsling/kanal/${kanal}/postkasse/svar`, input),
  });
  const upload = useMutation({
    mutationFn: ({ code, file }: { code: string; file: File }) => {
      const form = new FormData();
      // The code first: the server reads the fields, then the file.
      form.append('code', code);
      form.append('fil', file, file.name);
      return api.upload<Mailbox>(`/varsling/kanal/${kanal}/postkasse/vedlegg`, form);
    },
  });
  return { open, reply, upload };
}

export function useMyChannel() {
  return useQuery({
    queryKey: myChannelKey,
    queryFn: ({ signal }) => api.get<MyChannel>('/varsling/kanal', undefined, signal),
  });
}

export function useMyReports() {
  return useQuery({
    queryKey: mineKey,
    queryFn: ({ signal }) => api.get<MyReports>('/varsling/mine', undefined, signal),
  });
}

export function useNamedReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ReportInput) => api.post<{ id: string; receivedOn: string }>('/varsling/mine', input),
    onSuccess: () => client.invalidateQueries({ queryKey: mineKey }),
  });
}

export function useMyReply() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) =>
      api.post<Mailbox>(`/varsling/mine/${id}/svar`, { text }),
    onSuccess: () => client.invalidateQueries({ queryKey: mineKey }),
  });
}

export function useCases() {
  return useQuery({
    queryKey: casesKey,
    queryFn: ({ signal }) => api.get<CaseList>('/varsling/saker', undefined, signal),
    retry: false,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => api.get<CaseView>(`/varsling/saker/${id}`, undefined, signal),
    retry: false,
  });
}

export type StepName = 'melding' | 'bekreft' | 'vurdering' | 'undersokelse' | 'tilbakemelding' | 'avslutt';

export function useCaseStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: StepName; body: Record<string, unknown> }) =>
      api.post<CaseView>(`/varsling/saker/${id}/${step}`, body),
    onSuccess: (view) => {
      client.setQueryData(caseKey(id), view);
      void client.invalidateQueries({ queryKey: casesKey });
    },
  });
}

export function useSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get<Settings>('/varsling/innstillinger', undefined, signal),
  });
}

export function useSaveHandlers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (handlers: { userId: string; topLeader: boolean }[]) =>
      api.put<Settings>('/varsling/behandlere', { handlers }),
    onSuccess: (settings) => {
      client.setQueryData(settingsKey, settings);
      void client.invalidateQueries({ queryKey: myChannelKey });
    },
  });
}

export function useOverview() {
  return useQuery({
    queryKey: overviewKey,
    queryFn: ({ signal }) => api.get<Overview>('/varsling/oversikt', undefined, signal),
  });
}

// ── Protection, hand-over, legal hold, the handler's files (one case) ───────────────────────

export type CaseActionName =
  | 'gjengjeldelse'
  | 'gjengjeldelse/ferdig'
  | 'avvik'
  | 'personvern'
  | 'personvern/avgjort'
  | 'rettslig-hold';

/** A write on the case that answers the fresh case view. */
export function useCaseAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: CaseActionName; body: Record<string, unknown> }) =>
      api.post<CaseView>(`/varsling/saker/${id}/${action}`, body),
    onSuccess: (view) => {
      client.setQueryData(caseKey(id), view);
      void client.invalidateQueries({ queryKey: casesKey });
    },
  });
}

/** A handler adds evidence: sniffed, metadata stripped and sealed on the server. */
export function useHandlerUpload(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('fil', file, file.name);
      return api.upload<CaseView>(`/varsling/saker/${id}/vedlegg`, form);
    },
    onSuccess: (view) => client.setQueryData(caseKey(id), view),
  });
}

// ── The written routine (aml § 2 A-6) ────────────────────────────────────────────────────────

const routineKey = [...varslingKey, 'rutine'] as const;
const routineDraftKey = [...varslingKey, 'rutine-utkast'] as const;

/** The routine's PDF (downloaded as an attachment). */
export const ROUTINE_PDF_URL = '/api/v1/varsling/rutine/pdf';

export function useRoutine() {
  return useQuery({
    queryKey: routineKey,
    queryFn: ({ signal }) => api.get<RoutineReadView>('/varsling/rutine', undefined, signal),
  });
}

export function useConfirmRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (number: number) => api.post<RoutineReadView>('/varsling/rutine/lest', { number }),
    onSuccess: (view) => {
      client.setQueryData(routineKey, view);
      void client.invalidateQueries({ queryKey: routineDraftKey });
    },
  });
}

export function useRoutineDraft() {
  return useQuery({
    queryKey: routineDraftKey,
    queryFn: ({ signal }) => api.get<RoutineDraftView>('/varsling/rutine/utkast', undefined, signal),
  });
}

export function useSaveRoutineDraft() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; answers: Record<string, string> }) =>
      api.put<RoutineDraftView>('/varsling/rutine/utkast', input),
    onSuccess: (view) => client.setQueryData(routineDraftKey, view),
  });
}

export function usePublishRoutine() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number; cooperationWith: string; cooperationOn: string }) =>
      api.post<RoutineDraftView>('/varsling/rutine/publiser', input),
    onSuccess: (view) => {
      client.setQueryData(routineDraftKey, view);
      void client.invalidateQueries({ queryKey: routineKey });
    },
  });
}
