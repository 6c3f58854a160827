/**
 * Queries and writes of the routine, the tasks of a case and "Mine oppgaver". Task writes send the
 * case's version (like the milestone writes) and refresh the case, the tasks and the lists.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseTasks,
  Oppgaver,
  RoutineDto,
} from '../../../../src/contracts/sykefravaer/rutine.schemas.ts';
import { api, request } from '../../api/client.ts';
import { caseKey, sykefravaerKey } from './api.ts';

export type { CaseTasks, Oppgaver, RoutineDto };
export type TaskView = CaseTasks['tasks'][number];
export type RoutineTaskInput = RoutineDto['tasks'][number];

const base = '/sykefravaer';
const tasksKey = (employeeId: string) => [...sykefravaerKey, 'tasks', employeeId] as const;
export const oppgaverKey = [...sykefravaerKey, 'oppgaver'] as const;
const rutineKey = [...sykefravaerKey, 'rutine'] as const;

/** The tasks of the case; `version` in the key refetches them after any change to the case. */
export function useCaseTasks(employeeId: string, version: number) {
  return useQuery({
    queryKey: [...tasksKey(employeeId), version],
    queryFn: ({ signal }) => api.get<CaseTasks>(`${base}/employees/${employeeId}/tasks`, undefined, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTaskWrites(employeeId: string) {
  const queryClient = useQueryClient();
  const path = `${base}/employees/${employeeId}/tasks`;
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: caseKey(employeeId) });
    await queryClient.invalidateQueries({ queryKey: tasksKey(employeeId) });
    await queryClient.invalidateQueries({ queryKey: oppgaverKey });
  };
  return {
    done: useMutation({
      mutationFn: ({ key, ...v }: { key: string; caseStart: string; note: string | null; version: number }) =>
        api.post<CaseTasks>(`${path}/${encodeURIComponent(key)}/done`, v),
      onSuccess: refresh,
    }),
    /**
     * From a list that does not carry the case's version ("Mine oppgaver"): read the tasks for the
     * current version, then mark the task done with it. A change in between still answers 409.
     */
    doneFromList: useMutation({
      mutationFn: async ({ key, ...v }: { key: string; caseStart: string; note: string | null }) => {
        const current = await api.get<CaseTasks>(path);
        return api.post<CaseTasks>(`${path}/${encodeURIComponent(key)}/done`, {
          ...v,
          version: current.version,
        });
      },
      onSuccess: refresh,
    }),
    /**
     * A milestone from "Mine oppgaver": the same write as «Marker som gjort» on the case page (who may,
     * the case start check, the audit entry), with the case's current version read just before.
     */
    milestoneDoneFromList: useMutation({
      mutationFn: async ({ key, ...v }: { key: string; caseStart: string; note: string | null }) => {
        const current = await api.get<CaseTasks>(path);
        return api.post<unknown>(
          `${base}/employees/${employeeId}/milestones/${encodeURIComponent(key)}/done`,
          { ...v, version: current.version },
        );
      },
      onSuccess: refresh,
    }),
    undo: useMutation({
      mutationFn: ({ key, ...v }: { key: string; caseStart: string; version: number }) =>
        request<CaseTasks>('DELETE', `${path}/${encodeURIComponent(key)}/done`, { body: v }),
      onSuccess: refresh,
    }),
  };
}

export function useOppgaver(unitId?: string) {
  return useQuery({
    queryKey: [...oppgaverKey, unitId ?? ''],
    queryFn: ({ signal }) => api.get<Oppgaver>(`${base}/oppgaver`, { unitId: unitId || undefined }, signal),
    placeholderData: keepPreviousData,
    // Deadlines move with every case change and with the day: always fresh when a page opens.
    refetchOnMount: 'always',
  });
}

export function useRoutine() {
  return useQuery({
    queryKey: rutineKey,
    queryFn: ({ signal }) => api.get<RoutineDto>(`${base}/rutine`, undefined, signal),
  });
}

export function useSaveRoutine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tasks: RoutineTaskInput[]) => api.put<RoutineDto>(`${base}/rutine`, { tasks }),
    onSuccess: (saved) => {
      queryClient.setQueryData(rutineKey, saved);
    },
  });
}
