/**
 * Roller og verv as the web app uses it (`/api/v1/roller`), plus the duties of the company profile
 * (`/api/v1/internkontroll/profile`) for the rule shown when a required role is missing. Types from
 * the server's zod schemas (type-only imports). Every write refreshes the roles and internkontroll's
 * pages (the IK dashboard counts the roles).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CompanyProfileView } from '../../../../src/contracts/internkontroll/internkontroll.schemas.ts';
import type {
  Chair,
  ChairInput,
  RoleCreate,
  RoleEnd,
  RoleItem,
  RoleUpdate,
  RollerView,
} from '../../../../src/contracts/roller/roller.schemas.ts';
import { api } from '../../api/client.ts';

export type { Chair, ChairInput, RoleCreate, RoleEnd, RoleItem, RoleUpdate, RollerView };
export type Duties = CompanyProfileView['duties'];

export const rollerKey = ['roller'] as const;
/** Internkontroll's queries (its module keeps them under this key): the dashboard counts roles. */
const internkontrollKey = ['internkontroll'] as const;
const dutiesKey = [...rollerKey, 'duties'] as const;

export function useRoller() {
  return useQuery({
    queryKey: rollerKey,
    queryFn: ({ signal }) => api.get<RollerView>('/roller', undefined, signal),
  });
}

/** The duties, for those who may read the company profile; nothing (and no request) for others. */
export function useDuties(enabled: boolean) {
  return useQuery({
    queryKey: dutiesKey,
    enabled,
    retry: false,
    queryFn: ({ signal }) =>
      api.get<CompanyProfileView>('/internkontroll/profile', undefined, signal).then((p) => p.duties),
  });
}

export function useRollerWrites() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: rollerKey }),
      queryClient.invalidateQueries({ queryKey: internkontrollKey }),
    ]);
  };
  return {
    create: useMutation({
      mutationFn: (role: RoleCreate) => api.post<RoleItem>('/roller', role),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: RoleUpdate & { id: string }) => api.put<RoleItem>(`/roller/${id}`, body),
      onSuccess: refresh,
    }),
    end: useMutation({
      mutationFn: ({ id, ...body }: RoleEnd & { id: string }) =>
        api.post<RoleItem>(`/roller/${id}/end`, body),
      onSuccess: refresh,
    }),
    chair: useMutation({
      mutationFn: ({ year, ...body }: ChairInput & { year: number }) =>
        api.put<Chair>(`/roller/amu-leder/${year}`, body),
      onSuccess: refresh,
    }),
  };
}
