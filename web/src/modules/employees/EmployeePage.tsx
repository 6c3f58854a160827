/**
 * One employee. Admin and HR change it here (with optimistic concurrency: a 409 `STALE_VERSION` means
 * someone else saved first, and the user can load the latest version); a leader sees it read-only.
 */
import { TrashIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, BodyShort, Button, HGrid, Label, Link, Modal, VStack } from '@navikt/ds-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { employeesKey, unitsKey } from '../../api/query-keys.ts';
import { canManageEmployees, useSession } from '../../api/session.ts';
import type { Employee, EmployeeInput } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { useEmployee } from './api.ts';
import { EmployeeForm } from './EmployeeForm.tsx';

function Details({ employee }: { employee: Employee }) {
  const t = useT();
  const te = t.employees;
  const rows: [string, string][] = [
    [te.email, employee.email ?? t.common.notSet],
    [te.phone, employee.phone ?? t.common.notSet],
    [te.unit, employee.unitName],
    [te.leader, employee.leaderName ?? t.common.none],
    [te.employmentStart, formatDate(employee.employmentStart)],
    [te.positionPercent, t.common.percent(employee.positionPercent)],
  ];
  if (employee.employmentEnd) rows.push([te.employmentEnd, formatDate(employee.employmentEnd)]);
  return (
    <HGrid as="dl" columns={{ xs: 1, sm: 2 }} gap="space-16" className="details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <Label as="dt">{label}</Label>
          <BodyShort as="dd">{value}</BodyShort>
        </div>
      ))}
    </HGrid>
  );
}

function DeleteButton({ employee }: { employee: Employee }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.del(`/employees/${employee.id}`),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: employeesKey });
      await queryClient.invalidateQueries({ queryKey: unitsKey });
      navigate('/ansatte', { state: { flash: t.employees.deleted(employee.name) } });
    },
  });
  return (
    <>
      <Button type="button" variant="tertiary" icon={<TrashIcon aria-hidden />} onClick={() => setOpen(true)}>
        {t.employees.delete}
      </Button>
      <Modal
        open={open}
        onClose={() => {
          setOpen(false);
          remove.reset();
        }}
        header={{ heading: t.employees.deleteHeading(employee.name) }}
        width="small"
      >
        <Modal.Body>
          <VStack gap="space-16">
            <BodyLong>{t.employees.deleteBody}</BodyLong>
            {remove.isError ? <ErrorAlert error={remove.error} /> : null}
          </VStack>
        </Modal.Body>
        <Modal.Footer>
          <Button type="button" variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t.employees.deleteConfirm}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
            {t.common.cancel}
          </Button>
        </Modal.Footer>
      </Modal>
    </>
  );
}

export function EmployeePage() {
  const t = useT();
  const session = useSession();
  const { id } = useParams();
  const queryClient = useQueryClient();
  const employee = useEmployee(id);
  const [notice, setNotice] = useState<'saved' | 'reloaded' | null>(null);
  const [generation, setGeneration] = useState(0);
  const canEdit = canManageEmployees(session);

  const save = useMutation({
    mutationFn: (input: EmployeeInput & { version: number }) => api.put<Employee>(`/employees/${id}`, input),
    onSuccess: async (saved) => {
      queryClient.setQueryData([...employeesKey, 'one', id], saved);
      await queryClient.invalidateQueries({ queryKey: [...employeesKey, 'list'] });
      await queryClient.invalidateQueries({ queryKey: unitsKey });
      setNotice('saved');
      setGeneration((g) => g + 1);
    },
  });

  const reload = async () => {
    await employee.refetch();
    setNotice('reloaded');
    setGeneration((g) => g + 1);
  };

  const data = employee.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to="/ansatte">
          {t.employees.back}
        </Link>
      </div>
      {/* Neutral tab title: no employee name in the browser history or a shared screen's tab bar. */}
      <PageHeading title={t.employees.detailTitle}>{data?.name ?? t.employees.title}</PageHeading>
      {data ? (
        <div>
          <Link as={RouterLink} to={`/sykefravaer/${data.id}`}>
            {t.sykefravaer.openCase(data.name)}
          </Link>
        </div>
      ) : null}
      {employee.isPending ? <Loading /> : null}
      {employee.isError ? (
        isApiError(employee.error) && employee.error.status === 404 ? (
          <Alert variant="warning">{t.employees.notFound}</Alert>
        ) : (
          <ErrorAlert error={employee.error} onRetry={() => void employee.refetch()} />
        )
      ) : null}
      {notice === 'saved' ? <SuccessMessage>{t.employees.saved}</SuccessMessage> : null}
      {notice === 'reloaded' ? (
        <div role="status">
          <Alert variant="info">{t.employees.reloaded}</Alert>
        </div>
      ) : null}
      {data && canEdit ? (
        <EmployeeForm
          key={`${data.id}-${data.version}-${generation}`}
          employee={data}
          submitLabel={t.common.save}
          pending={save.isPending}
          onSubmit={(input, handlers) => {
            setNotice(null);
            save.mutate({ ...input, version: data.version }, handlers);
          }}
          renderConflict={() => (
            <Button type="button" size="small" variant="secondary" onClick={() => void reload()}>
              {t.employees.conflictReload}
            </Button>
          )}
          extraActions={<DeleteButton employee={data} />}
        />
      ) : null}
      {data && !canEdit ? <Details employee={data} /> : null}
    </VStack>
  );
}
