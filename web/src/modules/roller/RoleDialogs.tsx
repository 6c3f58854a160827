/**
 * The dialogs of «Roller og verv»: register a role (the kind decides the fields: an employee, or a
 * name and a provider for the BHT; a verneområde for a verneombud; the term's end filled in with two
 * years less a day), correct a term, end a role, and record the AMU chair of a year. Each checks what
 * it can before sending, shows the server's field errors at the field, and keeps what the user typed
 * when the write fails. The page closes the dialog when `onSubmit` resolves.
 */

import { BodyLong, Radio, RadioGroup, Select, TextField } from '@navikt/ds-react';
import { useState } from 'react';
import {
  AMU_SIDES,
  type AmuSide,
  APPOINTMENT_KINDS,
  type AppointmentKind,
  amuSideOf,
  defaultAppointment,
  defaultTermEnd,
  END_REASONS,
  type EndReason,
  HMS_ROLE_KINDS,
  type HmsRoleKind,
  isBhtKind,
  needsArea,
  needsTermEnd,
} from '../../../../src/domain/roller/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { EmployeePicker, type PickedEmployee } from '../employees/index.ts';
import type { RoleCreate, RoleItem, RoleUpdate } from './api.ts';

type Write = { isPending: boolean };

const REGISTER_KEYS = [
  'kind',
  'employeeId',
  'personName',
  'providerName',
  'verneomradeId',
  'termStart',
  'termEnd',
  'how',
] as const;
const EDIT_KEYS = ['termStart', 'termEnd', 'how'] as const;
const END_KEYS = ['endedOn', 'reason'] as const;
const CHAIR_KEYS = ['side', 'roleId'] as const;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The term's dates: required start; end required for roles with a term, after the start. */
function termErrors(
  kind: HmsRoleKind,
  termStart: string,
  termEnd: string,
  texts: { startRequired: string; endRequired: string; endAfter: string; invalid: string },
): FieldErrors {
  const fields: FieldErrors = {};
  if (termStart === '') fields.termStart = texts.startRequired;
  else if (termStart === INVALID_DATE) fields.termStart = texts.invalid;
  if (termEnd === '' && needsTermEnd(kind)) fields.termEnd = texts.endRequired;
  else if (termEnd === INVALID_DATE) fields.termEnd = texts.invalid;
  else if (termEnd !== '' && ISO.test(termStart) && termEnd <= termStart) fields.termEnd = texts.endAfter;
  return fields;
}

function HowField({
  value,
  onChange,
  error,
}: {
  value: AppointmentKind;
  onChange: (value: AppointmentKind) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const tr = t.roller;
  return (
    <RadioGroup
      id={fieldId('how')}
      legend={tr.fieldHow}
      value={value}
      onChange={(v: string) => {
        const how = APPOINTMENT_KINDS.find((k) => k === v);
        if (how) onChange(how);
      }}
      error={error}
    >
      {APPOINTMENT_KINDS.map((k) => (
        <Radio key={k} value={k} description={tr.howDescriptions[k]}>
          {tr.how[k]}
        </Radio>
      ))}
    </RadioGroup>
  );
}

export function RegisterDialog({
  areas,
  write,
  onClose,
  onSubmit,
}: {
  areas: readonly { id: string; name: string }[];
  write: Write;
  onClose: () => void;
  onSubmit: (role: RoleCreate, label: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const tr = t.roller;
  const [kind, setKind] = useState<HmsRoleKind>('verneombud');
  const [employee, setEmployee] = useState<PickedEmployee>(null);
  const [personName, setPersonName] = useState('');
  const [providerName, setProviderName] = useState('');
  const [areaId, setAreaId] = useState('');
  const [termStart, setTermStart] = useState(() => todayIso());
  const [termEnd, setTermEnd] = useState(() => defaultTermEnd(todayIso()));
  /** The end follows the start (two years less a day) until the user sets it. */
  const [endTouched, setEndTouched] = useState(false);
  const [how, setHow] = useState<AppointmentKind>(defaultAppointment('verneombud'));
  const [howTouched, setHowTouched] = useState(false);
  const errors = useFormErrors(REGISTER_KEYS);
  const bht = isBhtKind(kind);

  const changeKind = (next: HmsRoleKind) => {
    setKind(next);
    if (!howTouched) setHow(defaultAppointment(next));
    if (!endTouched) setTermEnd(needsTermEnd(next) && ISO.test(termStart) ? defaultTermEnd(termStart) : '');
    errors.clear();
  };

  const changeStart = (next: string) => {
    setTermStart(next);
    errors.clearField('termStart');
    if (!endTouched && needsTermEnd(kind) && ISO.test(next)) setTermEnd(defaultTermEnd(next));
  };

  const submit = () => {
    const fields: FieldErrors = termErrors(kind, termStart, termEnd, {
      startRequired: tr.termStartRequired,
      endRequired: tr.termEndRequired,
      endAfter: tr.termEndAfterStart,
      invalid: t.validation.dateInvalid,
    });
    if (!bht && !employee) fields.employeeId = tr.employeeRequired;
    if (bht && !providerName.trim()) fields.providerName = tr.providerRequired;
    if (kind === 'amu-bht' && !personName.trim()) fields.personName = tr.personRequired;
    if (needsArea(kind) && !areaId) fields.verneomradeId = tr.areaRequired;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(REGISTER_KEYS, fields);
      return;
    }
    errors.clear();
    const role: RoleCreate = {
      kind,
      termStart,
      termEnd: termEnd === '' ? null : termEnd,
      how,
      ...(bht
        ? { providerName: providerName.trim(), personName: personName.trim() || null }
        : { employeeId: employee?.id ?? null }),
      ...(needsArea(kind) ? { verneomradeId: areaId } : {}),
    };
    const who = bht ? personName.trim() || providerName.trim() : (employee?.name ?? '');
    onSubmit(role, tr.roleOf(tr.kinds[kind], who)).catch((error: unknown) => {
      errors.setApiError(error);
    });
  };

  return (
    <FormDialog
      heading={tr.registerHeading}
      formId="roller-register-form"
      confirm={tr.registerConfirm}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
      <Select
        id={fieldId('kind')}
        label={tr.fieldKind}
        value={kind}
        onChange={(e) => {
          const next = HMS_ROLE_KINDS.find((k) => k === e.target.value);
          if (next) changeKind(next);
        }}
        error={errors.fields.kind}
      >
        {HMS_ROLE_KINDS.map((k) => (
          <option key={k} value={k}>
            {tr.kinds[k]}
          </option>
        ))}
      </Select>
      {bht ? (
        <>
          <TextField
            id={fieldId('providerName')}
            label={tr.fieldProvider}
            value={providerName}
            maxLength={200}
            autoComplete="organization"
            onChange={(e) => {
              setProviderName(e.target.value);
              errors.clearField('providerName');
            }}
            error={errors.fields.providerName}
          />
          <TextField
            id={fieldId('personName')}
            label={kind === 'amu-bht' ? tr.fieldPerson : tr.fieldPersonOptional}
            value={personName}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => {
              setPersonName(e.target.value);
              errors.clearField('personName');
            }}
            error={errors.fields.personName}
          />
        </>
      ) : (
        <EmployeePicker
          id={fieldId('employeeId')}
          label={tr.fieldEmployee}
          description={tr.fieldEmployeeDescription}
          value={employee}
          onChange={(next) => {
            setEmployee(next);
            errors.clearField('employeeId');
          }}
          error={errors.fields.employeeId}
        />
      )}
      {needsArea(kind) ? (
        <Select
          id={fieldId('verneomradeId')}
          label={tr.fieldArea}
          value={areaId}
          onChange={(e) => {
            setAreaId(e.target.value);
            errors.clearField('verneomradeId');
          }}
          error={errors.fields.verneomradeId}
        >
          <option value="">{tr.areaChoose}</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      ) : null}
      <DateField
        id={fieldId('termStart')}
        label={tr.fieldTermStart}
        value={termStart}
        onChange={changeStart}
        error={errors.fields.termStart}
        required
      />
      <DateField
        id={fieldId('termEnd')}
        label={tr.fieldTermEnd}
        description={needsTermEnd(kind) ? tr.termEndDescription : tr.termEndOptional}
        value={termEnd}
        onChange={(v) => {
          // The field also reports the value it was given (the prefill): only a change is the user's.
          if (v !== termEnd) setEndTouched(true);
          setTermEnd(v);
          errors.clearField('termEnd');
        }}
        error={errors.fields.termEnd}
        required={needsTermEnd(kind)}
      />
      <HowField
        value={how}
        onChange={(v) => {
          setHow(v);
          setHowTouched(true);
        }}
        error={errors.fields.how}
      />
    </FormDialog>
  );
}

export function EditDialog({
  role,
  label,
  write,
  onClose,
  onSubmit,
}: {
  role: RoleItem;
  label: string;
  write: Write;
  onClose: () => void;
  onSubmit: (body: RoleUpdate) => Promise<void>;
}) {
  const { t } = useI18n();
  const tr = t.roller;
  const [termStart, setTermStart] = useState(role.termStart);
  const [termEnd, setTermEnd] = useState(role.termEnd ?? '');
  const [how, setHow] = useState<AppointmentKind>(role.how);
  const errors = useFormErrors(EDIT_KEYS);

  const submit = () => {
    const fields = termErrors(role.kind, termStart, termEnd, {
      startRequired: tr.termStartRequired,
      endRequired: tr.termEndRequired,
      endAfter: tr.termEndAfterStart,
      invalid: t.validation.dateInvalid,
    });
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(EDIT_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit({ termStart, termEnd: termEnd === '' ? null : termEnd, how }).catch((error: unknown) =>
      errors.setApiError(error),
    );
  };

  return (
    <FormDialog
      heading={tr.editHeading(label)}
      formId="roller-edit-form"
      confirm={tr.editConfirm}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
      <DateField
        id={fieldId('termStart')}
        label={tr.fieldTermStart}
        value={termStart}
        onChange={(v) => {
          setTermStart(v);
          errors.clearField('termStart');
        }}
        error={errors.fields.termStart}
        required
      />
      <DateField
        id={fieldId('termEnd')}
        label={tr.fieldTermEnd}
        description={needsTermEnd(role.kind) ? undefined : tr.termEndOptional}
        value={termEnd}
        onChange={(v) => {
          setTermEnd(v);
          errors.clearField('termEnd');
        }}
        error={errors.fields.termEnd}
        required={needsTermEnd(role.kind)}
      />
      <HowField value={how} onChange={setHow} error={errors.fields.how} />
    </FormDialog>
  );
}

export function EndDialog({
  label,
  write,
  onClose,
  onSubmit,
}: {
  label: string;
  write: Write;
  onClose: () => void;
  onSubmit: (body: { endedOn: string; reason?: EndReason }) => Promise<void>;
}) {
  const { t } = useI18n();
  const tr = t.roller;
  const [endedOn, setEndedOn] = useState(() => todayIso());
  const [reason, setReason] = useState<EndReason | ''>('');
  const errors = useFormErrors(END_KEYS);

  const submit = () => {
    const fields: FieldErrors = {};
    if (endedOn === '') fields.endedOn = tr.endedOnRequired;
    else if (endedOn === INVALID_DATE) fields.endedOn = t.validation.dateInvalid;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(END_KEYS, fields);
      return;
    }
    errors.clear();
    onSubmit(reason === '' ? { endedOn } : { endedOn, reason }).catch((error: unknown) =>
      errors.setApiError(error),
    );
  };

  return (
    <FormDialog
      heading={tr.endHeading(label)}
      formId="roller-end-form"
      confirm={tr.endConfirm}
      danger
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
      <BodyLong>{tr.endBody}</BodyLong>
      <DateField
        id={fieldId('endedOn')}
        label={tr.fieldEndedOn}
        value={endedOn}
        onChange={(v) => {
          setEndedOn(v);
          errors.clearField('endedOn');
        }}
        error={errors.fields.endedOn}
        required
      />
      <Select
        id={fieldId('reason')}
        label={tr.fieldReason}
        value={reason}
        onChange={(e) => setReason(END_REASONS.find((r) => r === e.target.value) ?? '')}
        error={errors.fields.reason}
      >
        <option value="">{tr.reasonNone}</option>
        {END_REASONS.map((r) => (
          <option key={r} value={r}>
            {tr.endReasons[r]}
          </option>
        ))}
      </Select>
    </FormDialog>
  );
}

export function ChairDialog({
  years,
  members,
  write,
  onClose,
  onSubmit,
}: {
  /** The years to choose from, each with the side whose turn it is (null: not known yet). */
  years: readonly { year: number; side: AmuSide | null }[];
  /** The AMU members who may chair (with a vote). */
  members: readonly RoleItem[];
  write: Write;
  onClose: () => void;
  onSubmit: (body: { year: number; side: AmuSide; roleId: string | null }) => Promise<void>;
}) {
  const { t } = useI18n();
  const tr = t.roller;
  const first = years[0];
  const [year, setYear] = useState(first?.year ?? Number(todayIso().slice(0, 4)));
  const turn = years.find((y) => y.year === year)?.side ?? null;
  const [side, setSide] = useState<AmuSide>(turn ?? 'arbeidsgiver');
  const [roleId, setRoleId] = useState('');
  const errors = useFormErrors(CHAIR_KEYS);
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const eligible = members.filter(
    (m) =>
      amuSideOf(m.kind) === side && m.termStart <= yearEnd && (m.termEnd === null || m.termEnd >= yearStart),
  );

  const submit = () => {
    errors.clear();
    onSubmit({ year, side, roleId: roleId === '' ? null : roleId }).catch((error: unknown) =>
      errors.setApiError(error),
    );
  };

  return (
    <FormDialog
      heading={tr.chairDialogHeading}
      formId="roller-chair-form"
      confirm={tr.chairConfirm}
      pending={write.isPending}
      onClose={onClose}
      onSubmit={submit}
    >
      {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
      <Select
        id={fieldId('year')}
        label={tr.fieldYear}
        value={String(year)}
        onChange={(e) => {
          const next = years.find((y) => String(y.year) === e.target.value);
          if (!next) return;
          setYear(next.year);
          if (next.side) setSide(next.side);
          setRoleId('');
        }}
      >
        {years.map((y) => (
          <option key={y.year} value={y.year}>
            {y.year}
          </option>
        ))}
      </Select>
      <RadioGroup
        id={fieldId('side')}
        legend={tr.fieldSide}
        description={turn ? tr.fieldSideDescription(tr.sides[turn]) : undefined}
        value={side}
        onChange={(v: string) => {
          const next = AMU_SIDES.find((s) => s === v);
          if (next) setSide(next);
          setRoleId('');
          errors.clearField('side');
        }}
        error={errors.fields.side}
      >
        {AMU_SIDES.map((s) => (
          <Radio key={s} value={s}>
            {tr.sides[s]}
          </Radio>
        ))}
      </RadioGroup>
      <Select
        id={fieldId('roleId')}
        label={tr.fieldMember}
        value={roleId}
        onChange={(e) => {
          setRoleId(e.target.value);
          errors.clearField('roleId');
        }}
        error={errors.fields.roleId}
      >
        <option value="">{tr.memberNone}</option>
        {eligible.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name ?? ''}
          </option>
        ))}
      </Select>
    </FormDialog>
  );
}
