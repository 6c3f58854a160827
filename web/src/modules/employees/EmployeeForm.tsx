/**
 * The employee form, for registering and for changing. Checks what it can before sending (required
 * fields, e-mail shape, dates, position %), and shows the server's field errors next to the fields.
 */
import { Alert, Button, HGrid, HStack, Select, TextField, VStack } from '@navikt/ds-react';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { type ApiError, isStaleVersion } from '../../api/client.ts';
import type { Employee, EmployeeInput } from '../../api/types.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { horizonError } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { looksLikeEmail } from '../../ui/format.ts';
import { flattenTree, unitTree, useUnits } from '../organisation/index.ts';
import { EmployeePicker, type PickedEmployee } from './EmployeePicker.tsx';

/** The fields in the order of the form (the error summary follows it). */
export const EMPLOYEE_KEYS = [
  'name',
  'email',
  'phone',
  'unitId',
  'employmentStart',
  'positionPercent',
  'employmentEnd',
  'leaderId',
] as const;

type FormState = {
  name: string;
  email: string;
  phone: string;
  employmentStart: string;
  employmentEnd: string;
  positionPercent: string;
  unitId: string;
  leader: PickedEmployee;
};

function initialState(employee: Employee | undefined): FormState {
  return {
    name: employee?.name ?? '',
    email: employee?.email ?? '',
    phone: employee?.phone ?? '',
    employmentStart: employee?.employmentStart ?? '',
    employmentEnd: employee?.employmentEnd ?? '',
    positionPercent: String(employee?.positionPercent ?? 100),
    unitId: employee?.unitId ?? '',
    leader: employee?.leaderId ? { id: employee.leaderId, name: employee.leaderName ?? '' } : null,
  };
}

type Props = {
  employee?: Employee;
  submitLabel: string;
  pending: boolean;
  onSubmit: (input: EmployeeInput, handlers: { onError: (error: unknown) => void }) => void;
  /** Shown under the server's message when someone else saved the employee first (409 `STALE_VERSION`). */
  renderConflict?: (error: ApiError) => ReactNode;
  extraActions?: ReactNode;
};

export function EmployeeForm({
  employee,
  submitLabel,
  pending,
  onSubmit,
  renderConflict,
  extraActions,
}: Props) {
  const { t, locale } = useI18n();
  const te = t.employees;
  const [form, setForm] = useState<FormState>(() => initialState(employee));
  const errors = useFormErrors(EMPLOYEE_KEYS);
  const units = useUnits();
  const unitOptions = useMemo(() => flattenTree(unitTree(units.data ?? [], locale)), [units.data, locale]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K], fieldKey: string = key) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(fieldKey);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (!form.name.trim()) fields.name = te.nameRequired;
    if (form.email.trim() && !looksLikeEmail(form.email)) fields.email = t.validation.emailInvalid;
    if (form.employmentStart === '') fields.employmentStart = te.employmentStartRequired;
    else if (form.employmentStart === INVALID_DATE) fields.employmentStart = t.validation.dateInvalid;
    else {
      const tooFar = horizonError('employmentStart', form.employmentStart, locale);
      if (tooFar) fields.employmentStart = tooFar;
    }
    if (form.employmentEnd === INVALID_DATE) fields.employmentEnd = t.validation.dateInvalid;
    else if (
      form.employmentEnd &&
      form.employmentStart &&
      form.employmentStart !== INVALID_DATE &&
      form.employmentEnd < form.employmentStart
    ) {
      fields.employmentEnd = te.endBeforeStart;
    }
    const percent = Number(form.positionPercent.trim().replace(/\s*%$/, ''));
    if (
      !/^\s*\d+\s*%?\s*$/.test(form.positionPercent) ||
      !Number.isInteger(percent) ||
      percent < 1 ||
      percent > 100
    ) {
      fields.positionPercent = te.positionInvalid;
    }
    if (!form.unitId) fields.unitId = te.unitRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    onSubmit(
      {
        name: form.name.trim(),
        email: form.email.trim() || null,
        phone: form.phone.trim() || null,
        birthDate: employee?.birthDate ?? null,
        employmentStart: form.employmentStart,
        employmentEnd: form.employmentEnd || null,
        positionPercent: percent,
        unitId: form.unitId,
        leaderId: form.leader?.id ?? null,
      },
      { onError: (error) => errors.setApiError(error) },
    );
  };

  const conflict = isStaleVersion(errors.apiError) ? errors.apiError : null;

  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-24">
        {errors.general && !conflict ? <ErrorAlert error={new Error(errors.general)} /> : null}
        {conflict ? (
          <Alert variant="warning" role="alert">
            <VStack gap="space-12" align="start">
              <span>{conflict.message}</span>
              {renderConflict?.(conflict)}
            </VStack>
          </Alert>
        ) : null}
        <FormErrorSummary errors={errors.fields} order={EMPLOYEE_KEYS} attempt={errors.attempt} />
        <VStack gap="space-20" maxWidth="40rem">
          <TextField
            id={fieldId('name')}
            label={te.name}
            autoComplete="off"
            value={form.name}
            onChange={(e) => set('name', e.target.value)}
            error={errors.fields.name}
          />
          <HGrid columns={{ xs: 1, sm: 2 }} gap="space-20">
            <TextField
              id={fieldId('email')}
              label={`${te.email} ${t.common.optional}`}
              type="email"
              autoComplete="off"
              value={form.email}
              onChange={(e) => set('email', e.target.value)}
              error={errors.fields.email}
            />
            <TextField
              id={fieldId('phone')}
              label={`${te.phone} ${t.common.optional}`}
              type="tel"
              autoComplete="off"
              value={form.phone}
              onChange={(e) => set('phone', e.target.value)}
              error={errors.fields.phone}
            />
          </HGrid>
          <Select
            id={fieldId('unitId')}
            label={te.unit}
            value={form.unitId}
            onChange={(e) => set('unitId', e.target.value)}
            error={errors.fields.unitId}
          >
            <option value="">{te.chooseUnit}</option>
            {unitOptions.map((u) => (
              <option key={u.id} value={u.id}>
                {`${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${u.name}`}
              </option>
            ))}
          </Select>
          <HGrid columns={{ xs: 1, sm: 2 }} gap="space-20" align="start">
            <DateField
              id={fieldId('employmentStart')}
              label={te.employmentStart}
              value={form.employmentStart}
              onChange={(v) => set('employmentStart', v)}
              error={errors.fields.employmentStart}
              required
            />
            <TextField
              id={fieldId('positionPercent')}
              label={te.positionPercent}
              description={te.positionDescription}
              inputMode="numeric"
              htmlSize={6}
              value={form.positionPercent}
              onChange={(e) => set('positionPercent', e.target.value)}
              error={errors.fields.positionPercent}
            />
          </HGrid>
          {employee ? (
            <DateField
              id={fieldId('employmentEnd')}
              label={`${te.employmentEnd} ${t.common.optional}`}
              description={te.employmentEndDescription}
              value={form.employmentEnd}
              onChange={(v) => set('employmentEnd', v)}
              error={errors.fields.employmentEnd}
            />
          ) : null}
          <EmployeePicker
            id={fieldId('leaderId')}
            label={`${te.leader} ${t.common.optional}`}
            description={te.leaderDescription}
            value={form.leader}
            onChange={(v) => set('leader', v, 'leaderId')}
            error={errors.fields.leaderId}
            excludeId={employee?.id}
          />
        </VStack>
        <HStack gap="space-16">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          {extraActions}
        </HStack>
      </VStack>
    </form>
  );
}
