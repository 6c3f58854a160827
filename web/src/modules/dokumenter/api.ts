/**
 * Queries and writes of the oppfølgingsplan (`/api/v1/sykefravaer/employees/:id/oppfolgingsplan…`
 * for the leader/HR, `/api/v1/sykefravaer/me/oppfolgingsplan…` for the employee). Saves send the
 * version read; a 409 `STALE_VERSION` means someone else saved first.
 */
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  MyPlanAwaitingSchema,
  PlanDto,
} from '../../../../src/contracts/dokumenter/dokumenter.schemas.ts';
import type { PlanContent } from '../../../../src/domain/dokumenter/oppfolgingsplan.ts';
import { API_BASE, api } from '../../api/client.ts';

export type Plan = PlanDto;
export type PlanOrNull = { caseStart: string | null; plan: Plan | null };
export type VersionItem = { number: number; savedBy: { name: string }; savedAt: string };
export type PlanDiff = {
  from: number;
  to: number;
  changes: {
    field: string;
    label: { nb: string; en: string };
    before: string | null;
    after: string | null;
  }[];
};

const employer = (employeeId: string) => `/sykefravaer/employees/${employeeId}/oppfolgingsplan`;
const mine = '/sykefravaer/me/oppfolgingsplan';

export const planKey = (employeeId: string) => ['oppfolgingsplan', employeeId] as const;
export const myPlanKey = ['oppfolgingsplan', 'me'] as const;
export const myPlanAwaitingKey = ['oppfolgingsplan', 'me', 'awaiting-approval'] as const;

export function usePlan(employeeId: string) {
  return useQuery({
    queryKey: planKey(employeeId),
    queryFn: ({ signal }) => api.get<PlanOrNull>(employer(employeeId), undefined, signal),
    enabled: employeeId.length > 0,
  });
}

export function useMyPlan() {
  return useQuery({
    queryKey: myPlanKey,
    queryFn: ({ signal }) => api.get<PlanOrNull>(mine, undefined, signal),
  });
}

/** The employee's plan that waits for their approval (its id only), for the front page. */
export function useMyPlanAwaiting(enabled: boolean) {
  return useQuery({
    queryKey: myPlanAwaitingKey,
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof MyPlanAwaitingSchema>>(`${mine}/awaiting-approval`, undefined, signal),
    enabled,
    retry: false,
  });
}

export function useVersions(employeeId: string, planId: string, contentVersion: number) {
  return useQuery({
    queryKey: ['oppfolgingsplan', employeeId, planId, 'versions', contentVersion],
    queryFn: ({ signal }) =>
      api.get<{ items: VersionItem[] }>(`${employer(employeeId)}/${planId}/versions`, undefined, signal),
  });
}

export const planApi = {
  create: (employeeId: string) => api.post<Plan>(employer(employeeId)),
  save: (employeeId: string, planId: string, content: PlanContent, version: number) =>
    api.put<Plan>(`${employer(employeeId)}/${planId}`, { content, version }),
  submit: (employeeId: string, planId: string, version: number) =>
    api.post<Plan>(`${employer(employeeId)}/${planId}/submit`, { version }),
  send: (employeeId: string, planId: string, recipient: 'sykmelder' | 'nav', note: string) =>
    api.post<Plan>(`${employer(employeeId)}/${planId}/send`, { recipient, note: note.trim() || null }),
  diff: (employeeId: string, planId: string, n: number) =>
    api.get<PlanDiff>(`${employer(employeeId)}/${planId}/versions/${n}/diff`),
  comment: (employeeId: string, planId: string, section: string, text: string) =>
    api.post<Plan>(`${employer(employeeId)}/${planId}/comments`, { section, text }),
  commentMine: (planId: string, section: string, text: string) =>
    api.post<Plan>(`${mine}/${planId}/comments`, { section, text }),
  approveMine: (planId: string, version: number) => api.post<Plan>(`${mine}/${planId}/approve`, { version }),
};

export const pdfUrl = (employeeId: string, planId: string) =>
  `${API_BASE}${employer(employeeId)}/${planId}/pdf`;
export const myPdfUrl = (planId: string) => `${API_BASE}${mine}/${planId}/pdf`;
