/**
 * Queries and writes of the agreed actions as tasks: a case's (`…/employees/:id/actions`) or the
 * employee's own (`…/me/actions`). Writes send the action's version and refresh the lists and
 * "Mine oppgaver".
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionDto, ActionList } from '../../../../src/contracts/dokumenter/actions.schemas.ts';
import { api, request } from '../../api/client.ts';
import { sykefravaerKey } from './api.ts';
import { oppgaverKey } from './rutine.api.ts';

export type { ActionDto, ActionList };

/** `employeeId` for a case (leader, HR), `null` for the employee's own actions. */
export type ActionScope = string | null;

const base = '/sykefravaer';
const actionsKey = (scope: ActionScope) => [...sykefravaerKey, 'actions', scope ?? 'me'] as const;
const pathOf = (scope: ActionScope) =>
  scope === null ? `${base}/me/actions` : `${base}/employees/${scope}/actions`;

export function useActions(scope: ActionScope, enabled = true) {
  return useQuery({
    queryKey: actionsKey(scope),
    queryFn: ({ signal }) => api.get<ActionList>(pathOf(scope), undefined, signal),
    placeholderData: keepPreviousData,
    refetchOnMount: 'always',
    enabled,
  });
}

export function useActionWrites(scope: ActionScope) {
  const queryClient = useQueryClient();
  const refresh = async (list: ActionList) => {
    queryClient.setQueryData(actionsKey(scope), list);
    await queryClient.invalidateQueries({ queryKey: [...sykefravaerKey, 'actions'] });
    await queryClient.invalidateQueries({ queryKey: oppgaverKey });
  };
  return {
    done: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api.post<ActionList>(`${pathOf(scope)}/${id}/done`, { version }),
      onSuccess: refresh,
    }),
    undo: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        request<ActionList>('DELETE', `${pathOf(scope)}/${id}/done`, { body: { version } }),
      onSuccess: refresh,
    }),
  };
}
