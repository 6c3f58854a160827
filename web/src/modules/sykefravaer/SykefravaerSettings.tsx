/**
 * Innstillinger → Sykefravær (admin/HR): the egenmelding policy (the law's minimum, extended, the
 * whole arbeidsgiverperiode, or custom numbers), and how many months after a case has ended its
 * data is deleted. Each choice has a sentence explaining it.
 */
import { Button, Heading, HGrid, Link, Radio, RadioGroup, TextField, VStack } from '@navikt/ds-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, useFormErrors } from '../../ui/form.ts';
import { useSaveSykefravaerSettings, useSykefravaerSettings } from './api.ts';
import { rutineTexts } from './rutine.texts.ts';
import type { EgenmeldingPreset, SykefravaerSettings as Settings } from './types.ts';

const PRESETS: EgenmeldingPreset[] = ['statutory', 'extended', 'agp', 'custom'];
const KEYS = [
  'preset',
  'maxDaysPerOccasion',
  'maxDaysPer12Months',
  'maxOccasionsPer12Months',
  'minEmploymentMonths',
  'retentionMonths',
] as const;

type Form = {
  preset: EgenmeldingPreset;
  maxDaysPerOccasion: string;
  maxDaysPer12Months: string;
  maxOccasionsPer12Months: string;
  minEmploymentMonths: string;
  retentionMonths: string;
};

const text = (n: number | null) => (n === null ? '' : String(n));
function toForm(s: Settings): Form {
  return {
    preset: s.preset,
    maxDaysPerOccasion: text(s.maxDaysPerOccasion),
    maxDaysPer12Months: text(s.maxDaysPer12Months),
    maxOccasionsPer12Months: text(s.maxOccasionsPer12Months),
    minEmploymentMonths: text(s.minEmploymentMonths),
    retentionMonths: text(s.retentionMonths),
  };
}

export function SykefravaerSettings() {
  const { t, locale } = useI18n();
  const tf = t.sykefravaerSettings;
  const settings = useSykefravaerSettings();
  const save = useSaveSykefravaerSettings();
  const errors = useFormErrors(KEYS);
  const [form, setForm] = useState<Form | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data && form === null) setForm(toForm(settings.data));
  }, [settings.data, form]);

  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!form) return null;

  const set = (key: keyof Form, value: string) => {
    setForm({ ...form, [key]: value });
    errors.clearField(key);
    setSaved(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    const whole = (v: string) => /^\s*\d+\s*$/.test(v);
    const int = (v: string) => Number.parseInt(v, 10);
    if (form.preset === 'custom') {
      if (
        !whole(form.maxDaysPerOccasion) ||
        int(form.maxDaysPerOccasion) < 1 ||
        int(form.maxDaysPerOccasion) > 16
      )
        fields.maxDaysPerOccasion = tf.daysPerOccasionInvalid;
      for (const k of ['maxDaysPer12Months', 'maxOccasionsPer12Months'] as const) {
        if (form[k].trim() !== '' && (!whole(form[k]) || int(form[k]) < 1)) fields[k] = tf.numberInvalid;
      }
      if (!whole(form.minEmploymentMonths)) fields.minEmploymentMonths = tf.numberInvalid;
    }
    if (!whole(form.retentionMonths) || int(form.retentionMonths) < 3 || int(form.retentionMonths) > 60)
      fields.retentionMonths = tf.retentionInvalid;
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      return;
    }
    errors.clear();
    const opt = (v: string) => (v.trim() === '' ? null : int(v));
    save.mutate(
      {
        preset: form.preset,
        maxDaysPerOccasion: int(form.maxDaysPerOccasion || '3'),
        maxDaysPer12Months: opt(form.maxDaysPer12Months),
        maxOccasionsPer12Months: opt(form.maxOccasionsPer12Months),
        minEmploymentMonths: int(form.minEmploymentMonths || '0'),
        retentionMonths: int(form.retentionMonths),
      },
      {
        onSuccess: (next) => {
          setForm(toForm(next));
          setSaved(true);
        },
        onError: (error) => errors.setApiError(error),
      },
    );
  };

  return (
    <VStack gap="space-16" as="section" aria-labelledby="sf-settings-heading">
      <Heading level="2" size="medium" id="sf-settings-heading">
        {tf.heading}
      </Heading>
      <div>
        <Link as={RouterLink} to="/innstillinger/rutine">
          {rutineTexts(locale).rutineLink}
        </Link>
      </div>
      <form onSubmit={submit} noValidate>
        <VStack gap="space-20">
          {saved ? <SuccessMessage>{tf.saved}</SuccessMessage> : null}
          {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
          <FormErrorSummary errors={errors.fields} order={KEYS} attempt={errors.attempt} />
          <RadioGroup
            id={fieldId('preset')}
            legend={tf.policyLegend}
            description={tf.policyDescription}
            value={form.preset}
            onChange={(v: EgenmeldingPreset) => {
              set('preset', v);
              errors.clear();
            }}
          >
            {PRESETS.map((p) => (
              <Radio key={p} value={p} description={tf.presetDescriptions[p]}>
                {tf.presets[p]}
              </Radio>
            ))}
          </RadioGroup>
          {form.preset === 'custom' ? (
            <HGrid columns={{ xs: 1, sm: 2 }} gap="space-16" align="end">
              <TextField
                id={fieldId('maxDaysPerOccasion')}
                label={tf.maxDaysPerOccasion}
                inputMode="numeric"
                value={form.maxDaysPerOccasion}
                onChange={(e) => set('maxDaysPerOccasion', e.target.value)}
                error={errors.fields.maxDaysPerOccasion}
              />
              <TextField
                id={fieldId('minEmploymentMonths')}
                label={tf.minEmploymentMonths}
                inputMode="numeric"
                value={form.minEmploymentMonths}
                onChange={(e) => set('minEmploymentMonths', e.target.value)}
                error={errors.fields.minEmploymentMonths}
              />
              <TextField
                id={fieldId('maxDaysPer12Months')}
                label={tf.maxDaysPer12Months}
                description={tf.limitDescription}
                inputMode="numeric"
                value={form.maxDaysPer12Months}
                onChange={(e) => set('maxDaysPer12Months', e.target.value)}
                error={errors.fields.maxDaysPer12Months}
              />
              <TextField
                id={fieldId('maxOccasionsPer12Months')}
                label={tf.maxOccasionsPer12Months}
                description={tf.limitDescription}
                inputMode="numeric"
                value={form.maxOccasionsPer12Months}
                onChange={(e) => set('maxOccasionsPer12Months', e.target.value)}
                error={errors.fields.maxOccasionsPer12Months}
              />
            </HGrid>
          ) : null}
          <TextField
            id={fieldId('retentionMonths')}
            label={tf.retention}
            description={tf.retentionDescription}
            inputMode="numeric"
            htmlSize={6}
            value={form.retentionMonths}
            onChange={(e) => set('retentionMonths', e.target.value)}
            error={errors.fields.retentionMonths}
          />
          <div>
            <Button type="submit" loading={save.isPending}>
              {tf.save}
            </Button>
          </div>
        </VStack>
      </form>
    </VStack>
  );
}
