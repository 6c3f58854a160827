/**
 * Kartlegging and risikovurdering as the web app uses them (`/api/v1/risiko/…`). Types from the
 * server's zod schemas (type-only imports). Every write refreshes everything under `risikoKey`: a
 * tiltak done changes the assessment, the heat map and the handlingsplan. Deleting a draft only marks
 * them stale: its page is being left, and refetching the deleted assessment would only be a 404.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Assessment,
  AssessmentCreate,
  AssessmentDelete,
  AssessmentList,
  AssessmentUpdate,
  BowtieCreate,
  CommentCreate,
  Criteria,
  Matrix,
  Plan,
  PlanItem,
  ReviewInput,
  ReviewSooner,
  Revision,
  RiskClose,
  RiskCreate,
  RiskRef,
  RiskReopen,
  RiskUpdate,
  SuggestionCreate,
  Tiltak,
  TiltakCreate,
  TiltakUpdate,
} from '../../../../src/contracts/risiko/risiko.schemas.ts';
import { api } from '../../api/client.ts';

export type { Assessment, AssessmentList, Matrix, PlanItem, Revision, RiskRef, Tiltak };
export type Risk = Assessment['risksList'][number];
export type Owner = { id: string; name: string };

export const risikoKey = ['risiko'] as const;
const criteriaKey = [...risikoKey, 'criteria'] as const;
const listKey = [...risikoKey, 'list'] as const;
const ownersKey = [...risikoKey, 'owners'] as const;
export const assessmentKey = (id: string) => [...risikoKey, 'assessment', id] as const;
const matrixKey = (unitId: string) => [...risikoKey, 'matrix', unitId] as const;
const cellKey = (unitId: string, stage: string, p: number, c: number) =>
  [...risikoKey, 'cell', unitId, stage, p, c] as const;
const planKey = (unitId: string) => [...risikoKey, 'plan', unitId] as const;
const revisionKey = (id: string, n: number) => [...risikoKey, 'revision', id, n] as const;

const unitQuery = (unitId: string) => (unitId ? { unitId } : undefined);

export function useCriteria() {
  return useQuery({
    queryKey: criteriaKey,
    queryFn: ({ signal }) => api.get<Criteria>('/risiko/kriterier', undefined, signal),
  });
}

export function useAssessments() {
  return useQuery({
    queryKey: listKey,
    queryFn: ({ signal }) => api.get<AssessmentList>('/risiko/vurderinger', undefined, signal),
  });
}

export function useAssessment(id: string) {
  return useQuery({
    queryKey: assessmentKey(id),
    queryFn: ({ signal }) => api.get<Assessment>(`/risiko/vurderinger/${id}`, undefined, signal),
  });
}

export function useRevision(id: string, revision: number | null) {
  return useQuery({
    queryKey: revisionKey(id, revision ?? 0),
    queryFn: ({ signal }) =>
      api.get<Revision>(`/risiko/vurderinger/${id}/versjoner/${revision}`, undefined, signal),
    enabled: revision !== null,
  });
}

/** The people a tiltak can be given to (editors only). */
export function useOwners(enabled: boolean) {
  return useQuery({
    queryKey: ownersKey,
    queryFn: ({ signal }) => api.get<{ items: Owner[] }>('/risiko/eiere', undefined, signal),
    enabled,
  });
}

export function useMatrix(unitId: string) {
  return useQuery({
    queryKey: matrixKey(unitId),
    queryFn: ({ signal }) => api.get<Matrix>('/risiko/matrise', unitQuery(unitId), signal),
  });
}

export function useCell(
  unitId: string,
  cell: { stage: 'initial' | 'residual'; p: number; c: number } | null,
) {
  return useQuery({
    queryKey: cellKey(unitId, cell?.stage ?? '', cell?.p ?? 0, cell?.c ?? 0),
    queryFn: ({ signal }) =>
      api.get<{ items: RiskRef[] }>(
        '/risiko/matrise/rute',
        { ...(unitId ? { unitId } : {}), stage: cell?.stage ?? 'initial', p: cell?.p ?? 1, c: cell?.c ?? 1 },
        signal,
      ),
    enabled: cell !== null,
  });
}

export function usePlan(unitId: string, enabled: boolean) {
  return useQuery({
    queryKey: planKey(unitId),
    queryFn: ({ signal }) => api.get<Plan>('/risiko/handlingsplan', unitQuery(unitId), signal),
    enabled,
  });
}

export function useRisikoWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: risikoKey });
  const store = async (a: Assessment) => {
    queryClient.setQueryData(assessmentKey(a.id), a);
    await refresh();
  };
  return {
    saveCriteria: useMutation({
      mutationFn: (body: { text: string; version: number }) => api.put<Criteria>('/risiko/kriterier', body),
      onSuccess: refresh,
    }),
    createAssessment: useMutation({
      mutationFn: (body: AssessmentCreate) => api.post<Assessment>('/risiko/vurderinger', body),
      onSuccess: store,
    }),
    updateAssessment: useMutation({
      mutationFn: ({ id, ...body }: AssessmentUpdate & { id: string }) =>
        api.put<Assessment>(`/risiko/vurderinger/${id}`, body),
      onSuccess: store,
    }),
    /** A change brings the next review forward (FOLM § 7-1); the date never moves later. */
    reviewSooner: useMutation({
      mutationFn: ({ id, ...body }: ReviewSooner & { id: string }) =>
        api.post<Assessment>(`/risiko/vurderinger/${id}/endring`, body),
      onSuccess: store,
    }),
    review: useMutation({
      mutationFn: ({ id, ...body }: ReviewInput & { id: string }) =>
        api.post<Assessment>(`/risiko/vurderinger/${id}/gjennomgang`, body),
      onSuccess: store,
    }),
    /** A pregnancy notice brings the review forward (nothing about the person is sent). */
    pregnancyNotice: useMutation({
      mutationFn: (id: string) => api.post<Assessment>(`/risiko/vurderinger/${id}/gjennomgang-na`),
      onSuccess: store,
    }),
    deleteAssessment: useMutation({
      mutationFn: ({ id, ...body }: AssessmentDelete & { id: string }) =>
        api.post<{ ok: true }>(`/risiko/vurderinger/${id}/slett`, body),
      // Out of the list at once; the rest marked stale and refetched when next shown (the page of the
      // deleted assessment is being left).
      onSuccess: (_ok, { id }) => {
        queryClient.setQueryData<AssessmentList>(listKey, (old) =>
          old ? { ...old, items: old.items.filter((x) => x.id !== id) } : old,
        );
        return queryClient.invalidateQueries({ queryKey: risikoKey, refetchType: 'none' });
      },
    }),
    createRisk: useMutation({
      mutationFn: ({ assessmentId, ...body }: RiskCreate & { assessmentId: string }) =>
        api.post<Assessment>(`/risiko/vurderinger/${assessmentId}/risikoer`, body),
      onSuccess: store,
    }),
    updateRisk: useMutation({
      mutationFn: ({ id, ...body }: RiskUpdate & { id: string }) =>
        api.put<Assessment>(`/risiko/risikoer/${id}`, body),
      onSuccess: store,
    }),
    closeRisk: useMutation({
      mutationFn: ({ id, ...body }: RiskClose & { id: string }) =>
        api.post<Assessment>(`/risiko/risikoer/${id}/lukk`, body),
      onSuccess: store,
    }),
    reopenRisk: useMutation({
      mutationFn: ({ id, ...body }: RiskReopen & { id: string }) =>
        api.post<Assessment>(`/risiko/risikoer/${id}/gjenapne`, body),
      onSuccess: store,
    }),
    createTiltak: useMutation({
      mutationFn: ({ riskId, ...body }: TiltakCreate & { riskId: string }) =>
        api.post<Assessment>(`/risiko/risikoer/${riskId}/tiltak`, body),
      onSuccess: store,
    }),
    addBowtie: useMutation({
      mutationFn: ({ riskId, ...body }: BowtieCreate & { riskId: string }) =>
        api.post<Assessment>(`/risiko/risikoer/${riskId}/sloyfe`, body),
      onSuccess: store,
    }),
    removeBowtie: useMutation({
      mutationFn: (id: string) => api.del<Assessment>(`/risiko/sloyfe/${id}`),
      onSuccess: store,
    }),
    updateTiltak: useMutation({
      mutationFn: ({ id, ...body }: TiltakUpdate & { id: string }) =>
        api.put<Assessment>(`/risiko/tiltak/${id}`, body),
      onSuccess: store,
    }),
    markDone: useMutation({
      mutationFn: ({ id, ...body }: { id: string; version: number; note: string }) =>
        api.put<Tiltak>(`/risiko/tiltak/${id}/utfort`, body),
      onSuccess: refresh,
    }),
    comment: useMutation({
      mutationFn: ({ assessmentId, ...body }: CommentCreate & { assessmentId: string }) =>
        api.post<Assessment>(`/risiko/vurderinger/${assessmentId}/kommentarer`, body),
      onSuccess: store,
    }),
    suggest: useMutation({
      mutationFn: ({ assessmentId, ...body }: SuggestionCreate & { assessmentId: string }) =>
        api.post<{ ok: true }>(`/risiko/vurderinger/${assessmentId}/forslag`, body),
      onSuccess: refresh,
    }),
  };
}
