/**
 * Queries and writes of the tilrettelegging catalogues (`/api/v1/katalog/…`) and of the letter to the
 * doctor (`/api/v1/sykefravaer/employees/:id/legebrev…`). The beredskapsplan sends the version read;
 * a 409 `STALE_VERSION` means someone else saved first.
 */
import { useQuery } from '@tanstack/react-query';
import type {
  ArbeidDto,
  BeredskapsplanDto,
  LegebrevDraftDto,
  LegebrevDto,
  LetterText,
  TiltakDto,
} from '../../../../src/contracts/dokumenter/katalog.schemas.ts';
import { API_BASE, api } from '../../api/client.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { katalogEn, katalogNb } from './messages.ts';

export type { ArbeidDto, BeredskapsplanDto, LegebrevDraftDto, LegebrevDto, LetterText, TiltakDto };
export type TiltakKind = TiltakDto['kind'];
export const KINDS: TiltakKind[] = ['psykososial', 'fysisk', 'organisatorisk'];

export function useKatalogTexts() {
  const { locale } = useI18n();
  return locale === 'nb' ? katalogNb : katalogEn;
}

export const tiltakKey = ['katalog', 'tiltak'] as const;
export const arbeidKey = ['katalog', 'arbeid'] as const;
export const beredskapKey = (unitId: string) => ['katalog', 'beredskapsplan', unitId] as const;
export const legebrevKey = (employeeId: string) => ['legebrev', employeeId] as const;

export function useTiltak() {
  return useQuery({
    queryKey: tiltakKey,
    queryFn: ({ signal }) =>
      api.get<{ items: TiltakDto[] }>('/katalog/tiltak', undefined, signal).then((r) => r.items),
  });
}

export function useArbeid() {
  return useQuery({
    queryKey: arbeidKey,
    queryFn: ({ signal }) =>
      api.get<{ items: ArbeidDto[] }>('/katalog/arbeid', undefined, signal).then((r) => r.items),
  });
}

export function useBeredskapsplan(unitId: string) {
  return useQuery({
    queryKey: beredskapKey(unitId),
    queryFn: ({ signal }) =>
      api.get<BeredskapsplanDto>(`/katalog/beredskapsplan/${unitId}`, undefined, signal),
    enabled: unitId.length > 0,
  });
}

export function useLegebrevDraft(employeeId: string) {
  return useQuery({
    queryKey: legebrevKey(employeeId),
    queryFn: ({ signal }) =>
      api.get<LegebrevDraftDto>(`/sykefravaer/employees/${employeeId}/legebrev`, undefined, signal),
    enabled: employeeId.length > 0,
  });
}

export type TiltakInput = { kind: TiltakKind; title: string; description: string; active: boolean };
export type ArbeidInput = { title: string; description: string; unitId: string | null; active: boolean };
export type LetterInput = {
  selectedTiltakIds: string[];
  selectedArbeidIds: string[];
  usualTasks: string;
  extraText: string;
  contact: { name: string; phone: string; email: string };
};

export const katalogApi = {
  saveTiltak: (id: string | null, body: TiltakInput) =>
    id ? api.put<TiltakDto>(`/katalog/tiltak/${id}`, body) : api.post<TiltakDto>('/katalog/tiltak', body),
  deleteTiltak: (id: string) => api.del<{ ok: true }>(`/katalog/tiltak/${id}`),
  saveArbeid: (id: string | null, body: ArbeidInput) =>
    id ? api.put<ArbeidDto>(`/katalog/arbeid/${id}`, body) : api.post<ArbeidDto>('/katalog/arbeid', body),
  deleteArbeid: (id: string) => api.del<{ ok: true }>(`/katalog/arbeid/${id}`),
  saveBeredskapsplan: (
    unitId: string,
    body: { covers: string; substitutes: string; canWait: string; version: number },
  ) => api.put<BeredskapsplanDto>(`/katalog/beredskapsplan/${unitId}`, body),
  previewLetter: (employeeId: string, body: LetterInput) =>
    api.post<{ letter: LetterText; healthWords: string[] }>(
      `/sykefravaer/employees/${employeeId}/legebrev/preview`,
      body,
    ),
  saveLetter: (employeeId: string, body: LetterInput) =>
    api.post<LegebrevDto>(`/sykefravaer/employees/${employeeId}/legebrev`, body),
};

export const legebrevPdfUrl = (employeeId: string, id: string) =>
  `${API_BASE}/sykefravaer/employees/${employeeId}/legebrev/${id}/pdf`;
