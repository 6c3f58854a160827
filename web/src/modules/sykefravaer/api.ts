/**
 * Queries and writes of the sick-leave follow-up (`/api/v1/sykefravaer/*`, `/api/v1/settings/sykefravaer`).
 * Every write to a case sends the version the user read; a 409 `STALE_VERSION` means someone else
 * changed the case first (the page shows the server's message and offers to load the latest version).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../../src/contracts/sykefravaer/sykefravaer.schemas.ts';
import { api, request } from '../../api/client.ts';
import {
  type AccessLogWire,
  type CaseListWire,
  type CaseViewWire,
  type EgenmeldingEvaluation,
  fromAccessLog,
  fromCase,
  fromCaseList,
  fromSettings,
  type MilestoneKey,
  type PeriodInput,
  type SykefravaerSettings,
  toSettingsRequest,
} from './types.ts';

export const sykefravaerKey = ['sykefravaer'] as const;
const base = '/sykefravaer';

export function useCaseList(unitId?: string) {
  return useQuery({
    queryKey: [...sykefravaerKey, 'cases', unitId ?? ''],
    queryFn: async ({ signal }) =>
      fromCaseList(await api.get<CaseListWire>(`${base}/cases`, { unitId: unitId || undefined }, signal)),
    placeholderData: keepPreviousData,
  });
}

export const caseKey = (employeeId: string | undefined) => [...sykefravaerKey, 'case', employeeId] as const;

export function useCase(employeeId: string | undefined) {
  return useQuery({
    queryKey: caseKey(employeeId),
    queryFn: async ({ signal }) =>
      fromCase(await api.get<CaseViewWire>(`${base}/employees/${employeeId}`, undefined, signal)),
    enabled: typeof employeeId === 'string' && employeeId.length > 0,
  });
}

export function useAccessLog(employeeId: string | undefined) {
  return useQuery({
    queryKey: [...sykefravaerKey, 'access-log', employeeId],
    queryFn: async () =>
      fromAccessLog(
        await api.get<AccessLogWire>(`${base}/employees/${employeeId}/access-log`, { pageSize: 100 }),
      ),
    enabled: typeof employeeId === 'string' && employeeId.length > 0,
  });
}

export const mineKey = [...sykefravaerKey, 'me'] as const;

export function useMyAbsence(enabled = true) {
  return useQuery({
    queryKey: mineKey,
    queryFn: async () => fromCase(await api.get<CaseViewWire>(`${base}/me`)),
    enabled,
  });
}

export function useMyAccessLog() {
  return useQuery({
    queryKey: [...sykefravaerKey, 'me', 'access-log'],
    queryFn: async () =>
      fromAccessLog(await api.get<AccessLogWire>(`${base}/me/access-log`, { pageSize: 100 })),
  });
}

export const settingsKey = [...sykefravaerKey, 'settings'] as const;

export function useSykefravaerSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: async () => fromSettings(await api.get<Settings>('/settings/sykefravaer')),
  });
}

export function useSaveSykefravaerSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: SykefravaerSettings) =>
      fromSettings(await api.put<Settings>('/settings/sykefravaer', toSettingsRequest(input))),
    onSuccess: (saved) => queryClient.setQueryData(settingsKey, saved),
  });
}

/** The writes on one employee's case. Each refreshes the case (and the lists) when it succeeds. */
export function useCaseWrites(employeeId: string) {
  const queryClient = useQueryClient();
  const path = `${base}/employees/${employeeId}`;
  // Every write answers with the case as it is now: show that (no second read of the case).
  const refresh = async (result: unknown) => {
    if (isCaseView(result)) queryClient.setQueryData(caseKey(employeeId), fromCase(result));
    else await queryClient.invalidateQueries({ queryKey: caseKey(employeeId) });
    await queryClient.invalidateQueries({ queryKey: [...sykefravaerKey, 'cases'] });
    await queryClient.invalidateQueries({ queryKey: [...sykefravaerKey, 'oppgaver'] });
    await queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
  const useWrite = <V>(fn: (v: V) => Promise<unknown>) => useMutation({ mutationFn: fn, onSuccess: refresh });
  return {
    addPeriod: useWrite((v: PeriodInput & { version: number }) => api.post(`${path}/periods`, v)),
    editPeriod: useWrite(({ id, ...v }: PeriodInput & { id: string; reason: string; version: number }) =>
      api.put(`${path}/periods/${id}`, v),
    ),
    deletePeriod: useWrite(({ id, ...v }: { id: string; reason: string; version: number }) =>
      request('DELETE', `${path}/periods/${id}`, { body: v }),
    ),
    markDone: useWrite(
      ({ key, ...v }: { key: MilestoneKey; caseStart: string; note: string | null; version: number }) =>
        api.post(`${path}/milestones/${key}/done`, v),
    ),
    exempt: useWrite(
      ({ key, ...v }: { key: MilestoneKey; caseStart: string; reason: string; version: number }) =>
        api.post(`${path}/milestones/${key}/exception`, v),
    ),
    undo: useWrite(({ key, recordId, version }: { key: MilestoneKey; recordId: string; version: number }) =>
      request('DELETE', `${path}/milestones/${key}/records/${recordId}`, { body: { version } }),
    ),
    setAgp: useWrite((v: { caseStart: string; end: string | null; version: number }) =>
      api.put(`${path}/arbeidsgiverperiode`, v),
    ),
    /** The date NAV set for dialogmøte 2 (null removes it); moves «Oppdatert plan til NAV» to a week before. */
    setDialogmote2: useWrite((v: { caseStart: string; date: string | null; version: number }) =>
      api.put(`${path}/dialogmote2`, v),
    ),
    /** HR: hold back (or release) the deletion of the case's data; answers the hold, so the case is read again. */
    setRetentionHold: useWrite((v: { hold: boolean; reason: string | null }) =>
      api.put(`${path}/retention-hold`, v),
    ),
  };
}

function isCaseView(v: unknown): v is CaseViewWire {
  return typeof v === 'object' && v !== null && 'plan' in v && 'employee' in v && 'milestones' in v;
}

export function useEgenmeldingCheck() {
  return useMutation({
    mutationFn: (v: { start: string; end: string }) =>
      api.post<EgenmeldingEvaluation>(`${base}/me/egenmelding/check`, v),
  });
}

export function useRegisterEgenmelding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (v: { start: string; end: string; version: number }) => {
      const result = await api.post<{ evaluation: EgenmeldingEvaluation; case: CaseViewWire }>(
        `${base}/me/egenmelding`,
        v,
      );
      return { evaluation: result.evaluation, case: fromCase(result.case) };
    },
    onSuccess: async (result) => {
      queryClient.setQueryData(mineKey, result.case);
      await queryClient.invalidateQueries({ queryKey: [...sykefravaerKey, 'me', 'access-log'] });
    },
  });
}
