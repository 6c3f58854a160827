/**
 * Users and roles (administrators only): give a person access with roles, change roles, link the
 * account to an employee record (required for leaders) and to verneområder (required for verneombud).
 */
import { PlusIcon } from '@navikt/aksel-icons';
import {
  Alert,
  BodyLong,
  Button,
  Checkbox,
  CheckboxGroup,
  Detail,
  HStack,
  Modal,
  Table,
  Tag,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { ALL_ROLES, type Role, type User } from '../../api/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { looksLikeEmail } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { EmployeePicker, type PickedEmployee } from '../employees/index.ts';
import { useAreas } from '../organisation/index.ts';

const usersKey = ['users'] as const;
const KEYS = ['name', 'email', 'password', 'roles', 'employeeId', 'verneomradeIds'] as const;

function UserDialog({
  user,
  onClose,
  onDone,
}: {
  user: User | null;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const tu = t.users;
  const queryClient = useQueryClient();
  const areas = useAreas();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [employee, setEmployee] = useState<PickedEmployee>(
    user?.employeeId ? { id: user.employeeId, name: user.employeeName ?? '' } : null,
  );
  const [areaIds, setAreaIds] = useState<string[]>(user?.verneomradeIds ?? []);
  const errors = useFormErrors(KEYS);

  const save = useMutation({
    mutationFn: () => {
      const common = {
        roles,
        employeeId: employee?.id ?? null,
        verneomradeIds: roles.includes('verneombud') ? areaIds : [],
      };
      return user
        ? api.put<User>(`/users/${user.id}`, common)
        : api.post<User>('/users', {
            name: name.trim(),
            email: email.trim(),
            ...(password ? { password } : {}),
            ...common,
          });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      onDone(user ? tu.saved : tu.created(saved.name));
    },
    onError: (error) => errors.setApiError(error),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (!user) {
      if (!name.trim()) fields.name = tu.nameRequired;
      if (!email.trim()) fields.email = tu.emailRequired;
      else if (!looksLikeEmail(email)) fields.email = t.validation.emailInvalid;
      if (password && password.length < 10) fields.password = t.validation.passwordTooShort;
    }
    if (roles.length === 0) fields.roles = tu.rolesRequired;
    if (roles.includes('leder') && !employee) fields.employeeId = tu.employeeRequired;
    if (roles.includes('verneombud') && areaIds.length === 0) fields.verneomradeIds = tu.areasRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    save.mutate();
  };

  const formId = 'user-dialog-form';
  return (
    <Modal
      open
      onClose={onClose}
      header={{ heading: user ? tu.editHeading(user.name) : tu.newHeading }}
      width="medium"
    >
      <Modal.Body>
        <form id={formId} onSubmit={submit} noValidate>
          <VStack gap="space-20">
            {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
            <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
            {user ? null : (
              <>
                <TextField
                  id={fieldId('name')}
                  label={tu.name}
                  autoComplete="off"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  error={errors.fields.name}
                />
                <TextField
                  id={fieldId('email')}
                  label={tu.email}
                  type="email"
                  autoComplete="off"
                  value={email}
                  onChange={(e) => setEmail(e.target.value)}
                  error={errors.fields.email}
                />
                <TextField
                  id={fieldId('password')}
                  label={`${tu.password} ${t.common.optional}`}
                  description={tu.passwordDescription}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  error={errors.fields.password}
                />
              </>
            )}
            <CheckboxGroup
              id={fieldId('roles')}
              legend={tu.roles}
              value={roles}
              onChange={(v: Role[]) => {
                setRoles(v);
                errors.clearField('roles');
              }}
              error={errors.fields.roles}
            >
              {ALL_ROLES.map((role) => (
                <Checkbox key={role} value={role} description={t.roleDescriptions[role]}>
                  {t.roles[role]}
                </Checkbox>
              ))}
            </CheckboxGroup>
            <EmployeePicker
              id={fieldId('employeeId')}
              label={roles.includes('leder') ? tu.employee : `${tu.employee} ${t.common.optional}`}
              description={tu.employeeDescription}
              value={employee}
              onChange={(v) => {
                setEmployee(v);
                errors.clearField('employeeId');
              }}
              error={errors.fields.employeeId}
            />
            {roles.includes('verneombud') ? (
              areas.data && areas.data.length === 0 ? (
                <Alert variant="warning" id={fieldId('verneomradeIds')}>
                  {tu.areasNone}
                </Alert>
              ) : (
                <CheckboxGroup
                  id={fieldId('verneomradeIds')}
                  legend={tu.areas}
                  description={tu.areasDescription}
                  value={areaIds}
                  onChange={(v: string[]) => setAreaIds(v)}
                  error={errors.fields.verneomradeIds}
                >
                  {(areas.data ?? []).map((a) => (
                    <Checkbox key={a.id} value={a.id}>
                      {a.name}
                    </Checkbox>
                  ))}
                </CheckboxGroup>
              )
            ) : null}
          </VStack>
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Button type="submit" form={formId} loading={save.isPending}>
          {user ? t.common.save : tu.create}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t.common.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

function RemoveDialog({
  user,
  onClose,
  onDone,
}: {
  user: User;
  onClose: () => void;
  onDone: (m: string) => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.del(`/users/${user.id}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: usersKey });
      onDone(t.users.removed(user.name));
    },
  });
  return (
    <Modal open onClose={onClose} header={{ heading: t.users.removeHeading(user.name) }} width="small">
      <Modal.Body>
        <VStack gap="space-16">
          <BodyLong>{t.users.removeBody}</BodyLong>
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        </VStack>
      </Modal.Body>
      <Modal.Footer>
        <Button type="button" variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
          {t.users.removeConfirm}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t.common.cancel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}

/**
 * A user as listed: `pending` until the person first logs in, or accepts the invitation when the
 * address already had an account elsewhere — the list does not tell the two apart (issue 11 item 4).
 */
type ListedUser = User & { pending?: boolean };

type DialogState = { kind: 'edit'; user: User | null } | { kind: 'remove'; user: User } | null;

export function UsersPage() {
  const t = useT();
  const tu = t.users;
  const users = useQuery({
    queryKey: usersKey,
    queryFn: () => api.get<{ items: ListedUser[] }>('/users').then((r) => r.items),
  });
  const [dialog, setDialog] = useState<DialogState>(null);
  const [message, setMessage] = useState<string | null>(null);
  const open = (next: DialogState) => {
    setMessage(null);
    setDialog(next);
  };
  const done = (m: string) => {
    setDialog(null);
    setMessage(m);
  };

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <PageHeading>{tu.title}</PageHeading>
        <BodyLong>{tu.intro}</BodyLong>
      </div>
      <div>
        <Button icon={<PlusIcon aria-hidden />} onClick={() => open({ kind: 'edit', user: null })}>
          {tu.add}
        </Button>
      </div>
      <SuccessMessage>{message}</SuccessMessage>
      {users.isPending ? <Loading /> : null}
      {users.isError ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data ? (
        <Table>
          <caption className="sr-only">{tu.tableCaption}</caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{tu.colName}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hide-small">
                {tu.colEmail}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hide-small">
                {tu.colRoles}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="hide-small">
                {tu.colEmployee}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">
                <span className="sr-only">{tu.colActions}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {users.data.map((user) => (
              <Table.Row key={user.id}>
                <Table.HeaderCell scope="row">
                  {user.name}
                  {user.disabled ? (
                    <Tag variant="neutral" size="xsmall" className="inline-tag">
                      {tu.disabled}
                    </Tag>
                  ) : null}
                  {user.pending && !user.disabled ? (
                    <Tag variant="neutral" size="xsmall" className="inline-tag">
                      {tu.pending}
                    </Tag>
                  ) : null}
                  <Detail className="show-small" weight="regular">
                    {user.roles.map((role) => t.roles[role]).join(', ')}
                  </Detail>
                </Table.HeaderCell>
                <Table.DataCell className="hide-small">{user.email}</Table.DataCell>
                <Table.DataCell className="hide-small">
                  <HStack gap="space-4" wrap>
                    {user.roles.map((role) => (
                      <Tag key={role} variant="info" size="small">
                        {t.roles[role]}
                      </Tag>
                    ))}
                  </HStack>
                </Table.DataCell>
                <Table.DataCell className="hide-small">{user.employeeName ?? ''}</Table.DataCell>
                <Table.DataCell>
                  <HStack gap="space-8" wrap justify="end">
                    <Button
                      size="small"
                      variant="tertiary"
                      aria-label={tu.editLabel(user.name)}
                      onClick={() => open({ kind: 'edit', user })}
                    >
                      {tu.edit}
                    </Button>
                    <Button
                      size="small"
                      variant="tertiary"
                      aria-label={tu.removeLabel(user.name)}
                      onClick={() => open({ kind: 'remove', user })}
                    >
                      {tu.remove}
                    </Button>
                  </HStack>
                </Table.DataCell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : null}
      {dialog?.kind === 'edit' ? (
        <UserDialog
          key={dialog.user?.id ?? 'new'}
          user={dialog.user}
          onClose={() => setDialog(null)}
          onDone={done}
        />
      ) : null}
      {dialog?.kind === 'remove' ? (
        <RemoveDialog user={dialog.user} onClose={() => setDialog(null)} onDone={done} />
      ) : null}
    </VStack>
  );
}
