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
