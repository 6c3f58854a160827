/**
 * Vernerunder as the web app uses them (`/api/v1/risiko/vernerunder/…`). Types from the server's
 * zod schemas (type-only imports). Every write refreshes everything under `risikoKey`: a finding made
 * a risk changes the assessment, the heat map and the handlingsplan.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ChecklistInput,
  Finding,
  FindingCreate,
  FindingToRisk,
  Round,
  RoundCreate,
  RoundList,
  RoundPeople,
} from '../../../../src/contracts/risiko/vernerunde.schemas.ts';
import { API_BASE, api } from '../../api/client.ts';
import { risikoKey } from './api.ts';

export type { Finding, Round, RoundList };

const roundsKey = [...risikoKey, 'vernerunder'] as const;
const roundKey = (id: string) => [...roundsKey, id] as const;
const peopleKey = [...roundsKey, 'people'] as const;
const R = '/risiko/vernerunder';

export const roundPhotoHref = (roundId: string, findingId: string, photoId: string) =>
  `${API_BASE}${R}/${roundId}/funn/${findingId}/bilder/${photoId}`;

export function useRounds() {
  return useQuery({
    queryKey: roundsKey,
    queryFn: ({ signal }) => api.get<RoundList>(R, undefined, signal),
  });
}

export function useRound(id: string) {
  return useQuery({
    queryKey: roundKey(id),
    queryFn: ({ signal }) => api.get<Round>(`${R}/${id}`, undefined, signal),
  });
}

export function useRoundPeople(enabled: boolean) {
  return useQuery({
    queryKey: peopleKey,
    queryFn: ({ signal }) => api.get<RoundPeople>(`${R}/personer`, undefined, signal),
    enabled,
  });
}

export function useRoundWrites() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: risikoKey });
  const store = async (round: Round) => {
    queryClient.setQueryData(roundKey(round.id), round);
    await refresh();
  };
  return {
    create: useMutation({
      mutationFn: (body: RoundCreate) => api.post<Round>(R, body),
      onSuccess: store,
    }),
    checklist: useMutation({
      mutationFn: ({ id, ...body }: ChecklistInput & { id: string }) =>
        api.put<Round>(`${R}/${id}/sjekkliste`, body),
      onSuccess: store,
    }),
    /** The finding, then each photo with its own id (a resend after a lost answer is a no-op). */
    addFinding: useMutation({
      mutationFn: async ({
        id,
        finding,
        photos,
      }: {
        id: string;
        finding: FindingCreate;
        photos: readonly { id: string; blob: Blob }[];
      }) => {
        const saved = await api.post<Finding>(`${R}/${id}/funn`, finding);
        for (const photo of photos) {
          const form = new FormData();
          form.append('photoId', photo.id);
          form.append('photo', photo.blob, 'funn.jpg');
          await api.upload(`${R}/${id}/funn/${saved.id}/bilder`, form);
        }
        return saved;
      },
      onSuccess: refresh,
    }),
    toRisk: useMutation({
      mutationFn: ({ id, findingId, ...body }: FindingToRisk & { id: string; findingId: string }) =>
        api.post<Round>(`${R}/${id}/funn/${findingId}/risiko`, body),
      onSuccess: store,
    }),
    sign: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api.post<Round>(`${R}/${id}/signer`, { version }),
      onSuccess: store,
    }),
  };
}
