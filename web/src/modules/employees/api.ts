import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { employeesKey } from '../../api/query-keys.ts';
import type { Employee, EmployeeList } from '../../api/types.ts';

export type EmployeeFilter = { search?: string; unitId?: string; page?: number; pageSize?: number };

export function useEmployeeList(filter: EmployeeFilter) {
  return useQuery({
    queryKey: [...employeesKey, 'list', filter],
    queryFn: ({ signal }) => api.get<EmployeeList>('/employees', { ...filter }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEmployee(id: string | null | undefined) {
  return useQuery({
    queryKey: [...employeesKey, 'one', id],
    queryFn: () => api.get<Employee>(`/employees/${id}`),
    enabled: typeof id === 'string' && id.length > 0,
  });
}
