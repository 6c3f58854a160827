/**
 * The account's own settings (`/api/v1/me/password`, `/me/second-factor`, `/me/sessions`,
 * `/me/failed-logins`, `/me/invitations`). Types from the server's zod schemas.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  EnrolmentSchema,
  FailedLoginsSchema,
  Invitation,
  SecondFactorStatusSchema,
  SessionItem,
} from '../../../../src/contracts/auth/account.schemas.ts';
import { api } from '../../api/client.ts';
import { sessionKey } from '../../api/session.ts';

export type { Invitation, SessionItem };
export type Enrolment = z.infer<typeof EnrolmentSchema>;
export type SecondFactorStatus = z.infer<typeof SecondFactorStatusSchema>;
export type FailedLogin = z.infer<typeof FailedLoginsSchema>['items'][number];

export const accountKey = ['account'] as const;

export function useSecondFactorStatus() {
  return useQuery({
    queryKey: [...accountKey, 'second-factor'],
    queryFn: ({ signal }) => api.get<SecondFactorStatus>('/me/second-factor', undefined, signal),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: [...accountKey, 'sessions'],
    queryFn: ({ signal }) =>
      api.get<{ items: SessionItem[] }>('/me/sessions', undefined, signal).then((r) => r.items),
  });
}

export function useFailedLogins(enabled: boolean) {
  return useQuery({
    queryKey: [...accountKey, 'failed-logins'],
    queryFn: ({ signal }) =>
      api.get<{ items: FailedLogin[] }>('/me/failed-logins', undefined, signal).then((r) => r.items),
    enabled,
  });
}

export function useInvitations() {
  return useQuery({
    queryKey: [...accountKey, 'invitations'],
    queryFn: ({ signal }) =>
      api.get<{ items: Invitation[] }>('/me/invitations', undefined, signal).then((r) => r.items),
  });
}

/** After a change to the account: its own lists and the session (security flags, organisations). */
export function useAccountRefresh() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: accountKey });
    await queryClient.invalidateQueries({ queryKey: sessionKey });
  };
}

export function useAccountMutation<I, O>(fn: (input: I) => Promise<O>) {
  const refresh = useAccountRefresh();
  return useMutation({ mutationFn: fn, onSuccess: refresh });
}
