/**
 * Internkontroll as the web app uses it (`/api/v1/internkontroll/…`): the company profile and the
 * duties derived from it, the profile's history, and the årshjul. Types from the server's zod
 * schemas (type-only imports: nothing of the server ends up in the bundle). Every write refreshes
 * everything under `internkontrollKey`: a saved profile changes the årshjul, and an årshjul write
 * may change what the duties page links to.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ArshjulItem,
  ArshjulView,
  CompanyProfileInput,
  CompanyProfileView,
  IkDashboard,
  ProfileHistorySchema,
} from '../../../../src/contracts/internkontroll/internkontroll.schemas.ts';
import { api } from '../../api/client.ts';

export type { ArshjulItem, ArshjulView, CompanyProfileInput, CompanyProfileView, IkDashboard };
export type ProfileHistory = z.infer<typeof ProfileHistorySchema>;
export type OwnerRole = ArshjulItem['ownerRole'];

/** The roles an årshjul item can belong to, in the order the pickers show them. */
export const OWNER_ROLES = [
  'hr',
  'leder',
  'verneombud',
  'amu',
  'bht',
  'admin',
] as const satisfies readonly OwnerRole[];

export const internkontrollKey = ['internkontroll'] as const;
export const profileKey = [...internkontrollKey, 'profile'] as const;
export const profileHistoryKey = [...internkontrollKey, 'profile-history'] as const;
export const arshjulKey = (year: number) => [...internkontrollKey, 'arshjul', year] as const;

export const dashboardKey = [...internkontrollKey, 'dashboard'] as const;

/** The IK-f § 5 dashboard; always fetched anew on opening (roles, training, routines change elsewhere). */
export function useIkDashboard() {
  return useQuery({
    queryKey: dashboardKey,
    queryFn: ({ signal }) => api.get<IkDashboard>('/internkontroll/dashboard', undefined, signal),
    refetchOnMount: 'always',
  });
}

export function useProfile() {
  return useQuery({
    queryKey: profileKey,
    queryFn: ({ signal }) => api.get<CompanyProfileView>('/internkontroll/profile', undefined, signal),
  });
}

export function useProfileHistory() {
  return useQuery({
    queryKey: profileHistoryKey,
    queryFn: ({ signal }) => api.get<ProfileHistory>('/internkontroll/profile/history', undefined, signal),
  });
}

export function useArshjul(year: number) {
  return useQuery({
    queryKey: arshjulKey(year),
    queryFn: ({ signal }) => api.get<ArshjulView>('/internkontroll/arshjul', { year }, signal),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: internkontrollKey });
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CompanyProfileInput) => api.put<CompanyProfileView>('/internkontroll/profile', input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(profileKey, saved);
      await refresh();
    },
  });
}

export type NewArshjulItem = { title: string; due: string; ownerRole: OwnerRole };
export type MoveArshjulItem = { id: string; due: string; title?: string };

export function useArshjulWrites() {
  const refresh = useRefresh();
  return {
    create: useMutation({
      mutationFn: (item: NewArshjulItem) => api.post<ArshjulItem>('/internkontroll/arshjul', item),
      onSuccess: refresh,
    }),
    move: useMutation({
      mutationFn: ({ id, ...body }: MoveArshjulItem) =>
        api.put<ArshjulItem>(`/internkontroll/arshjul/${id}`, body),
      onSuccess: refresh,
    }),
    markDone: useMutation({
      mutationFn: ({ id, note }: { id: string; note: string }) =>
        api.put<ArshjulItem>(`/internkontroll/arshjul/${id}/done`, { note }),
      onSuccess: refresh,
    }),
    reopen: useMutation({
      mutationFn: (id: string) => api.del<ArshjulItem>(`/internkontroll/arshjul/${id}/done`),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.del<{ ok: true }>(`/internkontroll/arshjul/${id}`),
      onSuccess: refresh,
    }),
  };
}
