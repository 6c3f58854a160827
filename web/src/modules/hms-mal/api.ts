/**
 * HMS goals, the handlingsplan and the annual review as the web app uses them
 * (`/api/v1/hms-mal/…`, `/api/v1/arlig-gjennomgang/…`). Types from the server's zod schemas
 * (type-only imports). Every write refreshes everything under `hmsMalKey`: a measure done changes
 * the goals page, and a new review reads the goals.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Goal,
  GoalCreate,
  GoalUpdate,
  GoalYear,
  Measure,
  MeasureCreate,
  MeasureUpdate,
  Review,
  ReviewSummary,
  ReviewUpdate,
  ReviewUpdateBody,
} from '../../../../src/contracts/hms-mal/hms-mal.schemas.ts';
import { API_BASE, api } from '../../api/client.ts';

export type {
  Goal,
  GoalCreate,
  GoalUpdate,
  GoalYear,
  Measure,
  MeasureCreate,
  MeasureUpdate,
  Review,
  ReviewUpdate,
  ReviewUpdateBody,
};
export type ReviewList = { items: ReviewSummary[]; canEdit: boolean };
export type Owner = { id: string; name: string };

export const hmsMalKey = ['hms-mal'] as const;
const goalYearKey = (year: number) => [...hmsMalKey, 'goals', year] as const;
const ownersKey = [...hmsMalKey, 'owners'] as const;
const reviewsKey = [...hmsMalKey, 'reviews'] as const;
export const reviewKey = (id: string) => [...hmsMalKey, 'review', id] as const;

export const reviewPdfUrl = (id: string) => `${API_BASE}/arlig-gjennomgang/${id}/pdf`;

export function useGoalYear(year: number) {
  return useQuery({
    queryKey: goalYearKey(year),
    queryFn: ({ signal }) => api.get<GoalYear>('/hms-mal', { year }, signal),
  });
}

/** The people a measure can be given to (admin/HR only). */
export function useOwners(enabled: boolean) {
  return useQuery({
    queryKey: ownersKey,
    queryFn: ({ signal }) => api.get<{ items: Owner[] }>('/hms-mal/eiere', undefined, signal),
    enabled,
  });
}

export function useReviews() {
  return useQuery({
    queryKey: reviewsKey,
    queryFn: ({ signal }) => api.get<ReviewList>('/arlig-gjennomgang', undefined, signal),
  });
}

export function useReview(id: string) {
  return useQuery({
    queryKey: reviewKey(id),
    queryFn: ({ signal }) => api.get<Review>(`/arlig-gjennomgang/${id}`, undefined, signal),
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: hmsMalKey });
}

export function useGoalWrites() {
  const refresh = useRefresh();
  return {
    createGoal: useMutation({
      mutationFn: (goal: GoalCreate) => api.post<Goal>('/hms-mal', goal),
      onSuccess: refresh,
    }),
    updateGoal: useMutation({
      mutationFn: ({ id, ...goal }: GoalUpdate & { id: string }) => api.put<Goal>(`/hms-mal/${id}`, goal),
      onSuccess: refresh,
    }),
    deleteGoal: useMutation({
      mutationFn: (id: string) => api.del<{ ok: true }>(`/hms-mal/${id}`),
      onSuccess: refresh,
    }),
    createMeasure: useMutation({
      mutationFn: (m: MeasureCreate) => api.post<Measure>('/hms-mal/tiltak', m),
      onSuccess: refresh,
    }),
    updateMeasure: useMutation({
      mutationFn: ({ id, ...m }: MeasureUpdate & { id: string }) =>
        api.put<Measure>(`/hms-mal/tiltak/${id}`, m),
      onSuccess: refresh,
    }),
    deleteMeasure: useMutation({
      mutationFn: (id: string) => api.del<{ ok: true }>(`/hms-mal/tiltak/${id}`),
      onSuccess: refresh,
    }),
    markDone: useMutation({
      mutationFn: ({ id, note }: { id: string; note: string }) =>
        api.put<Measure>(`/hms-mal/tiltak/${id}/done`, { note }),
      onSuccess: refresh,
    }),
    reopen: useMutation({
      mutationFn: (id: string) => api.del<Measure>(`/hms-mal/tiltak/${id}/done`),
      onSuccess: refresh,
    }),
  };
}

export function useReviewWrites() {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  const store = async (review: Review) => {
    queryClient.setQueryData(reviewKey(review.id), review);
    await refresh();
  };
  return {
    create: useMutation({
      mutationFn: (yearReviewed: number) => api.post<Review>('/arlig-gjennomgang', { yearReviewed }),
      onSuccess: store,
    }),
    save: useMutation({
      mutationFn: ({ id, ...body }: ReviewUpdate & { id: string }) =>
        api.put<Review>(`/arlig-gjennomgang/${id}`, body),
      onSuccess: store,
    }),
    /** Deletes a draft; the page leaves for the list, which is read anew (a completed review: 409). */
    discard: useMutation({
      mutationFn: (id: string) => api.del<{ ok: true }>(`/arlig-gjennomgang/${id}`),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewsKey }),
    }),
    /** Saves the form, then completes it with the version just saved (one click, two requests). */
    complete: useMutation({
      mutationFn: async ({ id, ...body }: ReviewUpdate & { id: string }) => {
        const saved = await api.put<Review>(`/arlig-gjennomgang/${id}`, body);
        queryClient.setQueryData(reviewKey(id), saved);
        return api.post<Review>(`/arlig-gjennomgang/${id}/fullfor`, { version: saved.version });
      },
      onSuccess: store,
    }),
  };
}
