/**
 * «Registrer opplæring» (`/internkontroll/opplaering/ny`, admin and HR): one completed course of one
 * employee, with the certificate as an optional file. The form checks what it can before sending
 * (required fields, dates, hours, the file's type and size); the server has the final word — it reads
 * the file's first bytes — and its field errors are shown next to the fields.
 */
import {
  Button,
  FileUpload,
  HGrid,
  HStack,
  Link,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { COURSES } from '../../../../src/domain/opplaering/courses.ts';
import { CERTIFICATE_ACCEPT, CERTIFICATE_MAX_BYTES } from '../../../../src/domain/opplaering/sniff.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { EmployeePicker, type PickedEmployee } from '../employees/index.ts';
import { type CourseKind, useTrainingWrites } from './api.ts';
import { parseHours, useCourseName } from './parts.tsx';
import './opplaering.css';

/** The fields in the order of the form (the error summary follows it). */
const KEYS = [
  'employeeId',
  'course',
  'title',
  'completedOn',
  'hours',
  'provider',
  'expiresOn',
  'note',
  'certificate',
] as const;

type FormState = {
  employee: PickedEmployee;
  course: CourseKind | '';
  title: string;
  completedOn: string;
  hours: string;
  provider: string;
  expiresOn: string;
  note: string;
  certificate: File | null;
};

const EMPTY: FormState = {
  employee: null,
  course: '',
  title: '',
  completedOn: '',
  hours: '',
  provider: '',
  expiresOn: '',
  note: '',
  certificate: null,
};

export function RegisterPage() {
  const { t } = useI18n();
  const to = t.opplaering;
  const navigate = useNavigate();
  const writes = useTrainingWrites();
  const courseName = useCourseName();
  const [form, setForm] = useState<FormState>(EMPTY);
  const [fileRejected, setFileRejected] = useState(false);
  const errors = useFormErrors(KEYS);

  const set = <K extends keyof FormState>(key: K, value: FormState[K], fieldKey: string = key) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(fieldKey);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (!form.employee) fields.employeeId = to.employeeRequired;
    if (form.course === '') fields.course = to.courseRequired;
    if (form.course === 'annet' && !form.title.trim()) fields.title = to.titleRequired;
    if (form.completedOn === '') fields.completedOn = to.completedRequired;
    else if (form.completedOn === INVALID_DATE) fields.completedOn = t.validation.dateInvalid;
    else if (form.completedOn > todayIso()) fields.completedOn = to.completedFuture;
    const hours = parseHours(form.hours);
    if (!(hours > 0 && hours <= 1000)) fields.hours = to.hoursInvalid;
    if (form.expiresOn === INVALID_DATE) fields.expiresOn = t.validation.dateInvalid;
    else if (
      form.expiresOn &&
      form.completedOn &&
      form.completedOn !== INVALID_DATE &&
      form.expiresOn <= form.completedOn
    ) {
      fields.expiresOn = to.expiresBeforeCompleted;
    }
    if (fileRejected) fields.certificate = to.certificateRejected;
    if (Object.keys(fields).length > 0 || !form.employee || form.course === '') {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    const employee = form.employee;
    const course = form.course;
    writes.register.mutate(
      {
        employeeId: employee.id,
        course,
        title: form.title.trim(),
        completedOn: form.completedOn,
        hours: String(hours),
        provider: form.provider.trim(),
        expiresOn: form.expiresOn,
        note: form.note.trim(),
        certificate: form.certificate,
      },
      {
        onSuccess: (saved) =>
          navigate('/internkontroll/opplaering', {
            state: { flash: to.saved(courseName(saved.course, saved.title), saved.employeeName) },
          }),
        onError: (error) => errors.setApiError(error),
      },
    );
  };

  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to="/internkontroll/opplaering">
          {to.back}
        </Link>
      </div>
      <VStack gap="space-8">
        <PageHeading>{to.formTitle}</PageHeading>
        <span className="lead">{to.formIntro}</span>
      </VStack>
      <form onSubmit={submit} noValidate className="opp-form">
        <VStack gap="space-24">
          {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
          <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
          <EmployeePicker
            id={fieldId('employeeId')}
            label={to.employee}
            value={form.employee}
            onChange={(v) => set('employee', v, 'employeeId')}
            error={errors.fields.employeeId}
          />
          <Select
            id={fieldId('course')}
            label={to.course}
            value={form.course}
            onChange={(e) => {
              const course = COURSES.find((c) => c === e.target.value);
              set('course', course ?? '');
            }}
            error={errors.fields.course}
          >
            <option value="">{to.chooseCourse}</option>
            {COURSES.map((c) => (
              <option key={c} value={c}>
                {to.courses[c]}
              </option>
            ))}
          </Select>
          <TextField
            id={fieldId('title')}
            label={form.course === 'annet' ? to.titleField : `${to.titleField} ${t.common.optional}`}
            description={to.titleDescription}
            autoComplete="off"
            maxLength={200}
            value={form.title}
            onChange={(e) => set('title', e.target.value)}
            error={errors.fields.title}
          />
          <HGrid columns={{ xs: 1, sm: 2 }} gap="space-20" align="start">
            <DateField
              id={fieldId('completedOn')}
              label={to.completedOn}
              value={form.completedOn}
              onChange={(v) => set('completedOn', v)}
              error={errors.fields.completedOn}
              required
            />
            <TextField
              id={fieldId('hours')}
              label={to.hoursField}
              description={to.hoursDescription}
              inputMode="decimal"
              htmlSize={8}
              autoComplete="off"
              value={form.hours}
              onChange={(e) => set('hours', e.target.value)}
              error={errors.fields.hours}
            />
          </HGrid>
          <TextField
            id={fieldId('provider')}
            label={`${to.provider} ${t.common.optional}`}
            autoComplete="off"
            maxLength={200}
            value={form.provider}
            onChange={(e) => set('provider', e.target.value)}
            error={errors.fields.provider}
          />
          <DateField
            id={fieldId('expiresOn')}
            label={`${to.expiresOnField} ${t.common.optional}`}
            description={to.expiresDescription}
            value={form.expiresOn}
            onChange={(v) => set('expiresOn', v)}
            error={errors.fields.expiresOn}
          />
          <Textarea
            id={fieldId('note')}
            label={`${to.note} ${t.common.optional}`}
            description={to.noteDescription}
            maxLength={500}
            minRows={2}
            value={form.note}
            onChange={(e) => set('note', e.target.value)}
            error={errors.fields.note}
          />
          <VStack gap="space-12">
            <FileUpload.Dropzone
              id={fieldId('certificate')}
              label={`${to.certificate} ${t.common.optional}`}
              description={to.certificateDescription}
              accept={CERTIFICATE_ACCEPT}
              maxSizeInBytes={CERTIFICATE_MAX_BYTES}
              multiple={false}
              onSelect={(_files, { accepted, rejected }) => {
                const bad = rejected.length > 0 && accepted.length === 0;
                setFileRejected(bad);
                set('certificate', accepted[0] ?? null);
              }}
              error={errors.fields.certificate ?? (fileRejected ? to.certificateRejected : undefined)}
            />
            {form.certificate ? (
              <FileUpload.Item
                as="div"
                file={form.certificate}
                button={{
                  action: 'delete',
                  onClick: () => {
                    setFileRejected(false);
                    set('certificate', null);
                  },
                }}
              />
            ) : null}
          </VStack>
          <HStack gap="space-16">
            <Button type="submit" loading={writes.register.isPending}>
              {to.save}
            </Button>
          </HStack>
        </VStack>
      </form>
    </VStack>
  );
}
