/**
 * The statistics as the web app uses them (`/api/v1/statistikk…`). Types from the server's zod
 * schemas (type-only imports). Saving the daily cost refreshes the statistics (the cost estimate).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  StatistikkSettingsInput,
  StatistikkSettingsView,
  StatistikkView,
} from '../../../../src/contracts/statistikk/statistikk.schemas.ts';
import { api } from '../../api/client.ts';

export type { StatistikkSettingsView, StatistikkView };
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
