/**
 * Avvik as the web app uses them (`/api/v1/avvik…`, `/api/v1/skaderegister`). Types from the
 * server's zod schemas (type-only imports). Every write refreshes everything under `avvikKey`.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Avvik,
  AvvikListItem,
  AvvikReport,
  BarrierChoices,
  Close,
  Injury,
  Privacy,
  Register,
  TiltakCreate,
  Trends,
  Triage,
} from '../../../../src/contracts/avvik/avvik.schemas.ts';
import type { AlarmStep, AvvikTaskKind } from '../../../../src/domain/avvik/index.ts';
import { API_BASE, api, isApiError } from '../../api/client.ts';
import { readSnapshot, rememberPlaces } from '../../api/offline-session.ts';

export type { Avvik, AvvikListItem, Register, Trends };

export const avvikKey = ['avvik'] as const;
const oneKey = (id: string) => [...avvikKey, 'one', id] as const;

/** The list, a page at a time (`next` → `after=`); «Vis flere» fetches the next page. */
export function useAvvikList(scope: 'mine' | 'handle', enabled = true) {
  return useInfiniteQuery({
    queryKey: [...avvikKey, 'list', scope],
    queryFn: ({ signal, pageParam }) =>
      api.get<{ items: AvvikListItem[]; next: string | null }>(
        '/avvik',
        pageParam === null ? { scope } : { scope, after: pageParam },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled,
  });
}

export function useAvvik(id: string) {
  return useQuery({
    queryKey: oneKey(id),
    queryFn: ({ signal }) => api.get<Avvik>(`/avvik/${id}`, undefined, signal),
  });
}

/**
 * The places a report can name. Read online, they are kept in the offline snapshot (unit ids and
 * names only); without network the form uses that copy (ADR 0022).
 */
export function usePlaces() {
  return useQuery({
    queryKey: [...avvikKey, 'places'],
    queryFn: async ({ signal }) => {
      try {
        const places = await api.get<{ units: { id: string; name: string }[] }>(
          '/avvik/steder',
          undefined,
          signal,
        );
        rememberPlaces(places.units);
        return places;
      } catch (error) {
        const snapshot = isApiError(error) && error.status === 0 ? readSnapshot() : null;
        if (snapshot) return { units: snapshot.places };
        throw error;
      }
    },
    networkMode: 'always',
  });
}

/** The risk assessments' barriers a handler can say this avvik showed failing. */
export function useBarriers() {
  return useQuery({
    queryKey: [...avvikKey, 'barriers'],
    queryFn: ({ signal }) => api.get<BarrierChoices>('/avvik/barrierer', undefined, signal),
  });
}

export function useOwners(enabled: boolean) {
  return useQuery({
    queryKey: [...avvikKey, 'owners'],
    queryFn: ({ signal }) =>
      api.get<{ items: { id: string; name: string }[] }>('/avvik/ansvarlige', undefined, signal),
    enabled,
  });
}

export function useRegister() {
  return useQuery({
    queryKey: [...avvikKey, 'register'],
    queryFn: ({ signal }) => api.get<Register>('/skaderegister', undefined, signal),
  });
}

export function useTrends() {
  return useQuery({
    queryKey: [...avvikKey, 'trends'],
    queryFn: ({ signal }) => api.get<Trends>('/avvik/trender', { months: 12 }, signal),
  });
}

export const photoHref = (avvikId: string, photoId: string) =>
  `${API_BASE}/avvik/${avvikId}/bilder/${photoId}`;

/** The pre-filled written confirmation of a § 5-2 notice (a PDF download, handlers only). */
export const melding52Url = (avvikId: string) => `${API_BASE}/avvik/${avvikId}/melding-5-2`;

/** Sends the report, then each photo with its own id: a resend after a lost answer is a no-op. */
export async function sendReport(report: AvvikReport, photos: readonly { id: string; blob: Blob }[]) {
  const saved = await api.post<Avvik>('/avvik', report);
  for (const photo of photos) {
    const form = new FormData();
    form.append('photoId', photo.id);
    form.append('photo', photo.blob, 'bilde.jpg');
    await api.upload(`/avvik/${saved.id}/bilder`, form);
  }
  return saved;
}

export function useReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { report: AvvikReport; photos: { id: string; blob: Blob }[] }) =>
      sendReport(input.report, input.photos),
    // Fail at once when offline (react-query would pause it in memory): the page keeps the report
    // in the device's outbox instead, which survives a reload (outbox.ts).
    networkMode: 'always',
    onSuccess: () => client.invalidateQueries({ queryKey: avvikKey }),
  });
}

/** The handling writes of one avvik; each answers the whole avvik. */
export function useAvvikWrites(id: string) {
  const client = useQueryClient();
  const done = (data: unknown) => {
    if (data && typeof data === 'object' && 'id' in data) client.setQueryData(oneKey(id), data);
    return client.invalidateQueries({ queryKey: avvikKey });
  };
  return {
    triage: useMutation({
      mutationFn: (b: Triage) => api.put<Avvik>(`/avvik/${id}/vurdering`, b),
      onSuccess: done,
    }),
    addTiltak: useMutation({
      mutationFn: (b: TiltakCreate) => api.post<Avvik>(`/avvik/${id}/tiltak`, b),
      onSuccess: done,
    }),
    tiltakDone: useMutation({
      mutationFn: (tiltakId: string) => api.put<{ ok: true }>(`/avvik/${id}/tiltak/${tiltakId}/utfort`),
      onSuccess: done,
    }),
    close: useMutation({
      mutationFn: (b: Close) => api.post<Avvik>(`/avvik/${id}/lukk`, b),
      onSuccess: done,
    }),
    step: useMutation({
      mutationFn: (b: { step: AlarmStep; note: string }) =>
        api.put<Avvik>(`/avvik/${id}/varsling/${b.step}`, { note: b.note }),
      onSuccess: done,
    }),
    taskDone: useMutation({
      mutationFn: (kind: AvvikTaskKind) => api.put<Avvik>(`/avvik/${id}/oppgaver/${kind}/utfort`),
      onSuccess: done,
    }),
    injury: useMutation({
      mutationFn: (b: Injury) => api.put<Avvik>(`/avvik/${id}/skade`, b),
      onSuccess: done,
    }),
    legalHold: useMutation({
      mutationFn: (legalHold: boolean) => api.put<Avvik>(`/avvik/${id}/rettslig-hold`, { legalHold }),
      onSuccess: done,
    }),
    privacy: useMutation({
      mutationFn: (b: Privacy) => api.put<Avvik>(`/avvik/${id}/personvern`, b),
      onSuccess: done,
    }),
  };
}
