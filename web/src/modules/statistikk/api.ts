/**
 * The statistics as the web app uses them (`/api/v1/statistikk…`). Types from the server's zod
 * schemas (type-only imports). Saving the daily cost refreshes the statistics (the cost estimate).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  BenchmarkImportResult,
  BenchmarkView,
  OppfolgingView,
  StatistikkSettingsInput,
  StatistikkSettingsView,
  StatistikkView,
} from '../../../../src/contracts/statistikk/statistikk.schemas.ts';
import { api } from '../../api/client.ts';

export type { BenchmarkImportResult, BenchmarkView, OppfolgingView, StatistikkSettingsView, StatistikkView };
export type KpiGroups = OppfolgingView['rolling']['oppfolgingsplan'];
export type KpiFigures = NonNullable<KpiGroups['organisation']>;
export type KpiUnit = KpiGroups['units'][number];
export type QuarterBlock = StatistikkView['quarters'][number];
export type Group = NonNullable<QuarterBlock['organisation']>;
export type UnitGroup = QuarterBlock['units'][number];

export const statistikkKey = ['statistikk'] as const;

export function useStatistikk(quarter: string | null) {
  return useQuery({
    queryKey: [...statistikkKey, 'view', quarter ?? 'default'],
    queryFn: ({ signal }) =>
      api.get<StatistikkView>('/statistikk', quarter === null ? undefined : { quarter }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useStatistikkSettings(enabled: boolean) {
  return useQuery({
    queryKey: [...statistikkKey, 'settings'],
    queryFn: ({ signal }) => api.get<StatistikkSettingsView>('/statistikk/settings', undefined, signal),
    enabled,
  });
}

export function useSaveDailyCost() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StatistikkSettingsInput) =>
      api.put<StatistikkSettingsView>('/statistikk/settings', body),
    onSuccess: () => client.invalidateQueries({ queryKey: statistikkKey }),
  });
}

/** ★ Oppfølging innen fristen (plan by 4 weeks, dialogmøte 1 by 7), masked like the rates. */
export function useOppfolging(quarter: string | null) {
  return useQuery({
    queryKey: [...statistikkKey, 'oppfolging', quarter ?? 'default'],
    queryFn: ({ signal }) =>
      api.get<OppfolgingView>('/statistikk/oppfolging', quarter === null ? undefined : { quarter }, signal),
    placeholderData: (previous) => previous,
  });
}

/** NAV's imported figures for the latest quarter up to `quarter`. */
export function useBenchmark(quarter: string | null) {
  return useQuery({
    queryKey: [...statistikkKey, 'benchmark', quarter ?? 'default'],
    queryFn: ({ signal }) =>
      api.get<BenchmarkView>('/statistikk/benchmark', quarter === null ? undefined : { quarter }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useImportBenchmark() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<BenchmarkImportResult>('/statistikk/benchmark', form);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: [...statistikkKey, 'benchmark'] }),
  });
}
