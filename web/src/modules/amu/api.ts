/**
 * The arbeidsmiljøutvalg as the web app uses it (`/api/v1/amu/…`). Types from the server's zod
 * schemas (type-only imports). Every write refreshes everything under `amuKey`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Arsrapport,
  ArsrapportUpdate,
  Meeting,
  MeetingUpdate,
  Minutes,
  Overview,
} from '../../../../src/contracts/amu/amu.schemas.ts';
import { API_BASE, api } from '../../api/client.ts';

export type { Arsrapport, ArsrapportUpdate, Meeting, Minutes, Overview };

export const amuKey = ['amu'] as const;
const overviewKey = [...amuKey, 'overview'] as const;
const meetingKey = (id: string) => [...amuKey, 'meeting', id] as const;
const reportKey = (year: number) => [...amuKey, 'arsrapport', year] as const;

export const arsrapportPdfUrl = (year: number) => `${API_BASE}/amu/arsrapport/${year}/pdf`;

export function useOverview() {
  return useQuery({
    queryKey: overviewKey,
    queryFn: ({ signal }) => api.get<Overview>('/amu', undefined, signal),
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKey(id),
    queryFn: ({ signal }) => api.get<Meeting>(`/amu/moter/${id}`, undefined, signal),
  });
}

/** The report of a year; `null` when none is made yet (404). */
export function useArsrapport(year: number) {
  return useQuery({
    queryKey: reportKey(year),
    queryFn: async ({ signal }) => {
      try {
        return await api.get<Arsrapport>(`/amu/arsrapport/${year}`, undefined, signal);
      } catch (error) {
        if (error instanceof Error && 'status' in error && error.status === 404) return null;
        throw error;
      }
    },
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: amuKey });
}

export function useAmuWrites() {
  const refresh = useRefresh();
  return {
    planYear: useMutation({
      mutationFn: (year: number) => api.post<{ ok: true; created: number }>('/amu/moter/plan', { year }),
      onSuccess: refresh,
    }),
    planMeeting: useMutation({
      mutationFn: (body: { date: string; title: string }) => api.post<Meeting>('/amu/moter', body),
      onSuccess: refresh,
    }),
    updateMeeting: useMutation({
      mutationFn: ({ id, ...body }: MeetingUpdate & { id: string }) =>
        api.put<Meeting>(`/amu/moter/${id}`, body),
      onSuccess: refresh,
    }),
    saveMinutes: useMutation({
      mutationFn: ({ id, ...body }: Minutes & { id: string }) =>
        api.put<Meeting>(`/amu/moter/${id}/referat`, body),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api.post<Meeting>(`/amu/moter/${id}/publiser`, { version }),
      onSuccess: refresh,
    }),
    markDone: useMutation({
      mutationFn: (id: string) => api.put<{ ok: true }>(`/amu/tiltak/${id}/done`, { note: '' }),
      onSuccess: refresh,
    }),
    demand: useMutation({
      mutationFn: (reason: string) => api.post<{ ok: true; id: string }>('/amu/krav', { reason }),
      onSuccess: refresh,
    }),
    support: useMutation({
      mutationFn: ({ id, date }: { id: string; date: string }) =>
        api.post<Meeting>(`/amu/krav/${id}/stott`, { date }),
      onSuccess: refresh,
    }),
    createReport: useMutation({
      mutationFn: (year: number) => api.post<Arsrapport>('/amu/arsrapport', { year }),
      onSuccess: refresh,
    }),
    saveReport: useMutation({
      mutationFn: ({ year, ...body }: ArsrapportUpdate & { year: number }) =>
        api.put<Arsrapport>(`/amu/arsrapport/${year}`, body),
      onSuccess: refresh,
    }),
    refreshReport: useMutation({
      mutationFn: ({ year, version }: { year: number; version: number }) =>
        api.post<Arsrapport>(`/amu/arsrapport/${year}/oppdater`, { version }),
      onSuccess: refresh,
    }),
    approveReport: useMutation({
      mutationFn: ({ year, version }: { year: number; version: number }) =>
        api.post<Arsrapport>(`/amu/arsrapport/${year}/godkjenn`, { version }),
      onSuccess: refresh,
    }),
  };
}
