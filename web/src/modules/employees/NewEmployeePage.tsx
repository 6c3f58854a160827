import { Alert, Link, VStack } from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link as RouterLink, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { employeesKey, unitsKey } from '../../api/query-keys.ts';
import type { Employee, EmployeeInput } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { Loading } from '../../ui/Feedback.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useUnits } from '../organisation/index.ts';
import { EmployeeForm } from './EmployeeForm.tsx';

export function NewEmployeePage() {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useUnits();
  const create = useMutation({
    mutationFn: (input: EmployeeInput) => api.post<Employee>('/employees', input),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: employeesKey });
      await queryClient.invalidateQueries({ queryKey: unitsKey });
      navigate('/ansatte', { state: { flash: t.employees.created(created.name) } });
    },
  });

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to="/ansatte">
          {t.employees.back}
        </Link>
      </div>
      <PageHeading>{t.employees.newTitle}</PageHeading>
      {units.isPending ? <Loading /> : null}
      {units.data && units.data.length === 0 ? (
        <Alert variant="info">
          {t.employees.noUnits}{' '}
          <Link as={RouterLink} to="/organisasjon">
            {t.employees.goToUnits}
          </Link>
        </Alert>
      ) : null}
      {units.data && units.data.length > 0 ? (
        <EmployeeForm
          submitLabel={t.employees.create}
          pending={create.isPending}
          onSubmit={(input, handlers) => create.mutate(input, handlers)}
        />
      ) : null}
    </VStack>
  );
}
