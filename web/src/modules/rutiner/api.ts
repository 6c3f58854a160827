/**
 * The HMS handbook as the web app uses it (`/api/v1/rutiner`, `/api/v1/me/rutiner`). Types from the
 * server's zod schemas (type-only imports). Every write refreshes everything under `rutinerKey`: a
 * new version changes the list, the routine, «Mine rutiner» and who has confirmed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Confirmations,
  ConfirmResult,
  MyRoutines,
  OwnerOptions,
  RoutineCreate,
  RoutineDetail,
  RoutineList,
  RoutineSummary,
  RoutineUpdate,
  RoutineVersionView,
} from '../../../../src/contracts/rutiner/rutiner.schemas.ts';
import { api } from '../../api/client.ts';

export type {
  Confirmations,
  MyRoutines,
  RoutineCreate,
  RoutineDetail,
  RoutineList,
  RoutineSummary,
  RoutineUpdate,
  RoutineVersionView,
};

export const rutinerKey = ['rutiner'] as const;
const listKey = (archived: boolean) => [...rutinerKey, 'list', archived] as const;
const routineKey = (id: string) => [...rutinerKey, 'routine', id] as const;
const versionKey = (id: string, version: number) =>
  [...rutinerKey, 'routine', id, 'version', version] as const;
const confirmationsKey = (id: string) => [...rutinerKey, 'routine', id, 'confirmations'] as const;
const mineKey = [...rutinerKey, 'mine'] as const;
const ownersKey = [...rutinerKey, 'owners'] as const;

export function useRoutineList(includeArchived: boolean) {
  return useQuery({
    queryKey: listKey(includeArchived),
    queryFn: ({ signal }) =>
      api.get<RoutineList>('/rutiner', includeArchived ? { arkiverte: 'true' } : undefined, signal),
  });
}

export function useRoutine(id: string) {
  return useQuery({
    queryKey: routineKey(id),
    queryFn: ({ signal }) => api.get<RoutineDetail>(`/rutiner/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useRoutineVersion(id: string, version: number) {
  return useQuery({
    queryKey: versionKey(id, version),
    queryFn: ({ signal }) =>
      api.get<RoutineVersionView>(
        `/rutiner/${encodeURIComponent(id)}/versjoner/${version}`,
        undefined,
        signal,
      ),
  });
}

export function useConfirmations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: confirmationsKey(id),
    enabled,
    queryFn: ({ signal }) =>
      api.get<Confirmations>(`/rutiner/${encodeURIComponent(id)}/bekreftelser`, undefined, signal),
  });
}

export function useMyRoutines(enabled = true) {
  return useQuery({
    queryKey: mineKey,
    enabled,
    queryFn: ({ signal }) => api.get<MyRoutines>('/me/rutiner', undefined, signal),
  });
}

export function useOwnerOptions() {
  return useQuery({
    queryKey: ownersKey,
    queryFn: ({ signal }) => api.get<OwnerOptions>('/rutiner/eiere', undefined, signal).then((r) => r.items),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: rutinerKey });
}

export function useRoutineWrites() {
  const refresh = useRefresh();
  return {
    create: useMutation({
      mutationFn: (input: RoutineCreate) => api.post<RoutineDetail>('/rutiner', input),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...input }: RoutineUpdate & { id: string }) =>
        api.put<RoutineDetail>(`/rutiner/${encodeURIComponent(id)}`, input),
      onSuccess: refresh,
    }),
    archive: useMutation({
      mutationFn: (id: string) => api.post<RoutineDetail>(`/rutiner/${encodeURIComponent(id)}/arkiver`),
      onSuccess: refresh,
    }),
  };
}

export function useConfirmRoutine() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.post<ConfirmResult>(`/rutiner/${encodeURIComponent(id)}/bekreft`, { version }),
    onSuccess: refresh,
  });
}
