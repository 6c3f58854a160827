/**
 * A routine's form (admin/HR): «Ny rutine» (`/internkontroll/rutiner/ny`, optionally `?mal=avvik` to
 * start from a template) and «Endre rutinen» (`/internkontroll/rutiner/:id/endre`). Title, category,
 * owner, next review, whom it applies to (everyone, or units and the units below them) and the text
 * — plain text, at most 20 000 characters. Changing the text makes a new version that everyone must
 * confirm again; if someone else saved first, the form offers to load the latest version.
 */
import {
  Alert,
  BodyShort,
  Button,
  Checkbox,
  CheckboxGroup,
  HStack,
  Link,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { addMonths } from '../../../../src/domain/calendar/index.ts';
import {
  isRoutineTemplateKey,
  ROUTINE_TEMPLATE_KEYS,
  ROUTINE_TEMPLATES,
  type RoutineTemplateKey,
} from '../../../../src/domain/rutiner/templates.ts';
import {
  ROUTINE_BODY_MAX,
  ROUTINE_CATEGORIES,
  ROUTINE_TITLE_MAX,
  type RoutineCategory,
} from '../../../../src/domain/rutiner/types.ts';
import { useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { todayIso } from '../../ui/dates.ts';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ReloadedNotice, WriteError } from '../../ui/WriteFeedback.tsx';
import { flattenTree, unitTree, useUnits } from '../organisation/index.ts';
import { type RoutineDetail, useOwnerOptions, useRoutine, useRoutineWrites } from './api.ts';
import './rutiner.css';

const KEYS = [
  'template',
  'title',
  'category',
  'ownerUserId',
  'reviewDue',
  'appliesToAll',
  'unitIds',
  'body',
  'changeNote',
] as const;

type Form = {
  title: string;
  category: RoutineCategory;
  ownerUserId: string;
  reviewDue: string;
  appliesTo: 'all' | 'units';
  unitIds: string[];
  body: string;
  changeNote: string;
};

function fromRoutine(r: RoutineDetail): Form {
  return {
    title: r.title,
    category: r.category,
    ownerUserId: r.owner?.userId ?? '',
    reviewDue: r.reviewDue,
    appliesTo: r.appliesToAll ? 'all' : 'units',
    unitIds: r.units.map((u) => u.id),
    body: r.body,
    changeNote: '',
  };
}

function fromTemplate(key: RoutineTemplateKey | null, ownerUserId: string): Form {
  const template = key ? ROUTINE_TEMPLATES[key] : null;
  return {
    title: template?.title ?? '',
    category: template?.category ?? 'annet',
    ownerUserId,
    // Anbefalt: a yearly review.
    reviewDue: addMonths(todayIso(), 12),
    appliesTo: 'all',
    unitIds: [],
    body: template?.body ?? '',
    changeNote: '',
  };
}

export function NewRutinePage() {
  const { t } = useI18n();
  const session = useSession();
  const [params] = useSearchParams();
  const param = params.get('mal');
  const initial = isRoutineTemplateKey(param) ? param : null;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to="/internkontroll/rutiner">
          {t.rutiner.back}
        </Link>
      </div>
      <PageHeading>{t.rutiner.newTitle}</PageHeading>
      <RoutineForm initial={fromTemplate(initial, session.user?.id ?? '')} template={initial} />
    </VStack>
  );
}

export function EditRutinePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const routine = useRoutine(id);
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <div>
        <Link as={RouterLink} to={`/internkontroll/rutiner/${id}`}>
          {routine.data?.title ?? t.rutiner.back}
        </Link>
      </div>
      <PageHeading>{t.rutiner.editTitle}</PageHeading>
      {routine.isPending ? <Loading /> : null}
      {routine.isError ? <ErrorAlert error={routine.error} onRetry={() => void routine.refetch()} /> : null}
      {routine.data ? (
        <RoutineForm
          key={routine.data.id}
          initial={fromRoutine(routine.data)}
          existing={routine.data}
          onReload={() => routine.refetch().then((r) => r.data)}
        />
      ) : null}
    </VStack>
  );
}

type Props = {
  initial: Form;
  /** The template the new routine starts from (new routines only). */
  template?: RoutineTemplateKey | null;
  existing?: RoutineDetail;
  /** Loads the latest version (after someone else saved first). */
  onReload?: () => Promise<RoutineDetail | undefined>;
};

function RoutineForm({ initial, template: initialTemplate = null, existing, onReload }: Props) {
  const { t, locale } = useI18n();
  const tr = t.rutiner;
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(initial);
  const [template, setTemplate] = useState<RoutineTemplateKey | null>(initialTemplate);
  const [reloaded, setReloaded] = useState(false);
  const errors = useFormErrors(KEYS);
  const writes = useRoutineWrites();
  const owners = useOwnerOptions();
  const units = useUnits();
  const unitOptions = useMemo(() => flattenTree(unitTree(units.data ?? [], locale)), [units.data, locale]);
  const write = existing ? writes.update : writes.create;

  const set = <K extends keyof Form>(key: K, value: Form[K], fieldKey: string = key) => {
    setForm((f) => ({ ...f, [key]: value }));
    errors.clearField(fieldKey);
  };

  const chooseTemplate = (value: string) => {
    const key = isRoutineTemplateKey(value) ? value : null;
    setTemplate(key);
    if (key) {
      const tpl = ROUTINE_TEMPLATES[key];
      setForm((f) => ({ ...f, title: tpl.title, category: tpl.category, body: tpl.body }));
      errors.clear();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    if (!form.title.trim()) fields.title = tr.titleRequired;
    if (!form.ownerUserId) fields.ownerUserId = tr.ownerRequired;
    if (form.reviewDue === '') fields.reviewDue = tr.reviewDueRequired;
    else if (form.reviewDue === INVALID_DATE) fields.reviewDue = t.validation.dateInvalid;
    if (form.appliesTo === 'units' && form.unitIds.length === 0) fields.unitIds = tr.unitsRequired;
    if (!form.body.trim()) fields.body = tr.bodyRequired;
    else if (form.body.trim().length > ROUTINE_BODY_MAX) fields.body = tr.bodyTooLong;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    setReloaded(false);
    const input = {
      title: form.title.trim(),
      category: form.category,
      ownerUserId: form.ownerUserId,
      reviewDue: form.reviewDue,
      appliesToAll: form.appliesTo === 'all',
      unitIds: form.appliesTo === 'all' ? [] : form.unitIds,
      body: form.body,
      changeNote: form.changeNote.trim(),
    };
    const onError = (error: unknown) => errors.setApiError(error);
    if (existing) {
      writes.update.mutate(
        { id: existing.id, ...input, version: existing.version },
        {
          onError,
          onSuccess: (saved) =>
            navigate(`/internkontroll/rutiner/${saved.id}`, {
              state: {
                flash:
                  saved.currentVersion > existing.currentVersion
                    ? tr.savedNewVersion(saved.currentVersion)
                    : tr.saved,
              },
            }),
        },
      );
    } else {
      writes.create.mutate(input, {
        onError,
        onSuccess: (created) =>
          navigate(`/internkontroll/rutiner/${created.id}`, { state: { flash: tr.created(created.title) } }),
      });
    }
  };

  const ownerList = owners.data ?? [];
  const ownerKnown = ownerList.some((o) => o.userId === form.ownerUserId);

  return (
    <form onSubmit={submit} noValidate>
      <VStack gap="space-24">
        {write.isError && errors.general !== null ? (
          onReload ? (
            <WriteError
              error={write.error}
              reloadLabel={tr.reload}
              onReload={async () => {
                const latest = await onReload();
                if (latest) setForm(fromRoutine(latest));
                write.reset();
                errors.clear();
                setReloaded(true);
              }}
            />
          ) : (
            <ErrorAlert error={write.error} />
          )
        ) : null}
        {reloaded ? <ReloadedNotice>{tr.reloaded}</ReloadedNotice> : null}
        <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
        <VStack gap="space-20" className="rutine-text-box">
          {existing ? null : (
            <Select
              id={fieldId('template')}
              label={tr.templateLabel}
              description={tr.templateDescription}
              value={template ?? ''}
              onChange={(e) => chooseTemplate(e.target.value)}
            >
              <option value="">{tr.templateNone}</option>
              {ROUTINE_TEMPLATE_KEYS.map((key) => (
                <option key={key} value={key}>
                  {ROUTINE_TEMPLATES[key].name[locale]}
                </option>
              ))}
            </Select>
          )}
          {template && ROUTINE_TEMPLATES[template].legalBasis ? (
            <BodyShort size="small">
              {tr.templateLegal(ROUTINE_TEMPLATES[template].legalBasis ?? '')}
            </BodyShort>
          ) : null}
          <TextField
            id={fieldId('title')}
            label={tr.fieldTitle}
            autoComplete="off"
            maxLength={ROUTINE_TITLE_MAX}
            value={form.title}
            onChange={(e) => set('title', e.target.value)}
            error={errors.fields.title}
          />
          <Select
            id={fieldId('category')}
            label={tr.fieldCategory}
            value={form.category}
            onChange={(e) => {
              const next = ROUTINE_CATEGORIES.find((c) => c === e.target.value);
              if (next) set('category', next);
            }}
            error={errors.fields.category}
          >
            {ROUTINE_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tr.categories[c]}
              </option>
            ))}
          </Select>
          <Select
            id={fieldId('ownerUserId')}
            label={tr.fieldOwner}
            description={tr.fieldOwnerDescription}
            value={ownerKnown ? form.ownerUserId : ''}
            onChange={(e) => set('ownerUserId', e.target.value)}
            error={errors.fields.ownerUserId}
          >
            <option value="">{tr.chooseOwner}</option>
            {ownerList.map((o) => (
              <option key={o.userId} value={o.userId}>
                {o.name}
              </option>
            ))}
          </Select>
          <DateField
            id={fieldId('reviewDue')}
            label={tr.fieldReviewDue}
            description={tr.fieldReviewDueDescription}
            value={form.reviewDue}
            onChange={(v) => set('reviewDue', v)}
            error={errors.fields.reviewDue}
            required
          />
          <RadioGroup
            id={fieldId('appliesToAll')}
            legend={tr.fieldAppliesTo}
            value={form.appliesTo}
            onChange={(v: string) => set('appliesTo', v === 'units' ? 'units' : 'all', 'unitIds')}
          >
            <Radio value="all">{tr.appliesAll}</Radio>
            <Radio value="units">{tr.appliesUnits}</Radio>
          </RadioGroup>
          {form.appliesTo === 'units' ? (
            unitOptions.length === 0 ? (
              <Alert variant="info" size="small">
                {tr.noUnits}
              </Alert>
            ) : (
              <CheckboxGroup
                id={fieldId('unitIds')}
                legend={tr.fieldUnits}
                description={tr.fieldUnitsDescription}
                value={form.unitIds}
                onChange={(v: string[]) => set('unitIds', v)}
                error={errors.fields.unitIds}
              >
                {unitOptions.map((u) => (
                  <Checkbox key={u.id} value={u.id} style={{ marginInlineStart: `${u.depth * 1.5}rem` }}>
                    {u.name}
                  </Checkbox>
                ))}
              </CheckboxGroup>
            )
          ) : null}
          <Textarea
            id={fieldId('body')}
            label={tr.fieldBody}
            description={tr.fieldBodyDescription}
            value={form.body}
            onChange={(e) => set('body', e.target.value)}
            maxLength={ROUTINE_BODY_MAX}
            minRows={12}
            maxRows={40}
            error={errors.fields.body}
          />
          {existing ? (
            <TextField
              id={fieldId('changeNote')}
              label={tr.fieldChangeNote}
              description={tr.fieldChangeNoteDescription}
              autoComplete="off"
              maxLength={500}
              value={form.changeNote}
              onChange={(e) => set('changeNote', e.target.value)}
              error={errors.fields.changeNote}
            />
          ) : null}
        </VStack>
        <HStack gap="space-16" wrap>
          <Button type="submit" loading={write.isPending}>
            {existing ? tr.save : tr.create}
          </Button>
          <Button
            type="button"
            variant="tertiary"
            onClick={() =>
              navigate(existing ? `/internkontroll/rutiner/${existing.id}` : '/internkontroll/rutiner')
            }
          >
            {tr.cancel}
          </Button>
        </HStack>
      </VStack>
    </form>
  );
}
