/**
 * Training records as the web app uses them (`/api/v1/opplaering…`, `/api/v1/me/opplaering`):
 * the matrix, the list, the employee's own page, registering (multipart, with the certificate),
 * correcting and deleting. Types from the server's zod schemas (type-only imports). Every write
 * refreshes everything under `opplaeringKey`.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CellStateWire,
  CourseKind,
  Matrix,
  MatrixCell,
  MyTraining,
  TrainingList,
  TrainingRecord,
  TrainingUpdate,
} from '../../../../src/contracts/opplaering/opplaering.schemas.ts';
import { API_BASE, api } from '../../api/client.ts';

export type {
  CellStateWire,
  CourseKind,
  Matrix,
  MatrixCell,
  MyTraining,
  TrainingList,
  TrainingRecord,
  TrainingUpdate,
};

export const opplaeringKey = ['opplaering'] as const;
export const matrixKey = (unitId: string) => [...opplaeringKey, 'matrix', unitId] as const;
export const listKey = (unitId: string) => [...opplaeringKey, 'list', unitId] as const;
export const myTrainingKey = [...opplaeringKey, 'me'] as const;

/** How many records the page lists (newest first). */
export const LIST_SIZE = 200;

export function useTrainingMatrix(unitId: string) {
  return useQuery({
    queryKey: matrixKey(unitId),
    queryFn: ({ signal }) => api.get<Matrix>('/opplaering/matrise', { unitId: unitId || undefined }, signal),
  });
}

export function useTrainingList(unitId: string) {
  return useQuery({
    queryKey: listKey(unitId),
    queryFn: ({ signal }) =>
      api.get<TrainingList>('/opplaering', { unitId: unitId || undefined, pageSize: LIST_SIZE }, signal),
  });
}

export function useMyTraining() {
  return useQuery({
    queryKey: myTrainingKey,
    queryFn: ({ signal }) => api.get<MyTraining>('/me/opplaering', undefined, signal),
  });
}

/** The download link of a record's certificate (served as an attachment). */
export function certificateHref(recordId: string): string {
  return `${API_BASE}/opplaering/${recordId}/bevis`;
}

export type NewTraining = {
  employeeId: string;
  course: CourseKind;
  title: string;
  completedOn: string;
  hours: string;
  provider: string;
  expiresOn: string;
  note: string;
  certificate: File | null;
};

export function useTrainingWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: opplaeringKey });
  return {
    register: useMutation({
      mutationFn: ({ certificate, ...fields }: NewTraining) => {
        const form = new FormData();
        for (const [key, value] of Object.entries(fields)) form.append(key, value);
        // The file last: the server reads the fields first.
        if (certificate) form.append('certificate', certificate, certificate.name);
        return api.upload<TrainingRecord>('/opplaering', form);
      },
      onSuccess: refresh,
    }),
    /** Corrects the record's facts (JSON; the certificate stays as it is). */
    update: useMutation({
      mutationFn: ({ id, ...body }: TrainingUpdate & { id: string }) =>
        api.put<TrainingRecord>(`/opplaering/${id}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.del<{ ok: true }>(`/opplaering/${id}`),
      onSuccess: refresh,
    }),
  };
}
