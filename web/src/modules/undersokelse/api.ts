/**
 * Anonymous surveys (`/api/v1/undersokelser`): the list, making and publishing, the answer form,
 * answering, results and «Lag tiltak». Types from the server's zod schemas.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerInput,
  MeasureFromResult,
  MySurvey,
  SurveyCreate,
  SurveyForm,
  SurveyResult,
  SurveySummary,
} from '../../../../src/contracts/undersokelse/undersokelse.schemas.ts';
import { api } from '../../api/client.ts';

export type {
  AnswerInput,
  MeasureFromResult,
  MySurvey,
  SurveyCreate,
  SurveyForm,
  SurveyResult,
  SurveySummary,
};

export const surveysKey = ['undersokelser'] as const;

export function useSurveys(enabled: boolean) {
  return useQuery({
    queryKey: [...surveysKey, 'alle'],
    queryFn: ({ signal }) => api.get<{ items: SurveySummary[] }>('/undersokelser', undefined, signal),
    enabled,
  });
}

export function useMySurveys(enabled: boolean) {
  return useQuery({
    queryKey: [...surveysKey, 'mine'],
    queryFn: ({ signal }) => api.get<{ items: MySurvey[] }>('/undersokelser/mine', undefined, signal),
    enabled,
  });
}

export function useSurveyForm(id: string) {
  return useQuery({
    queryKey: [...surveysKey, id, 'skjema'],
    queryFn: ({ signal }) => api.get<SurveyForm>(`/undersokelser/${id}/skjema`, undefined, signal),
  });
}

export function useSurveyResults(id: string) {
  return useQuery({
    queryKey: [...surveysKey, id, 'resultater'],
    queryFn: ({ signal }) => api.get<SurveyResult>(`/undersokelser/${id}/resultater`, undefined, signal),
    retry: false,
  });
}

export function useSurveyWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: surveysKey });
  return {
    create: useMutation({
      mutationFn: (body: SurveyCreate) => api.post<{ id: string }>('/undersokelser', body),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: (id: string) => api.post(`/undersokelser/${id}/publiser`),
      onSuccess: refresh,
    }),
    answer: useMutation({
      mutationFn: ({ id, body }: { id: string; body: AnswerInput }) =>
        api.post(`/undersokelser/${id}/svar`, body),
      onSuccess: refresh,
    }),
    measure: useMutation({
      mutationFn: ({ id, body }: { id: string; body: MeasureFromResult }) =>
        api.post<{ measureId: string; link: string }>(`/undersokelser/${id}/tiltak`, body),
      // The handlingsplan lists the new measure.
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  };
}
