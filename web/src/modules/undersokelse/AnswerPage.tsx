/**
 * Answering a survey (`/undersokelser/:id/svar`), made for a phone: one radio group per scale or
 * choice question (arrow keys move within it, Tab to the next), free text optional. The form says
 * first that answers are not linked to the person.
 */
import { Alert, BodyLong, Button, Radio, RadioGroup, Textarea, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { SCALE_LABELS } from '../../../../src/domain/undersokelse/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ErrorAlert, Loading } from '../../ui/Feedback.tsx';
import { FormErrorSummary } from '../../ui/FormErrorSummary.tsx';
import { type FieldErrors, fieldId, focusFirstError, useFormErrors } from '../../ui/form.ts';
import { formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type SurveyForm, useSurveyForm, useSurveyWrites } from './api.ts';
import './undersokelse.css';

export function AnswerPage() {
  const { id = '' } = useParams();
  const tu = useI18n().t.undersokelse;
  const form = useSurveyForm(id);
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      {form.isPending ? <Loading /> : null}
      {form.isError ? (
        <>
          <PageHeading>{tu.title}</PageHeading>
          <ErrorAlert error={form.error} />
        </>
      ) : null}
      {form.data ? <Answer survey={form.data} /> : null}
    </VStack>
  );
}

function Answer({ survey }: { survey: SurveyForm }) {
  const { t, locale } = useI18n();
  const tu = t.undersokelse;
  const navigate = useNavigate();
  const { answer } = useSurveyWrites();
  const [values, setValues] = useState<Record<string, string>>({});
  const keys = survey.questions.map((q) => `q.${q.id}`);
  const errors = useFormErrors(keys);
  const open = survey.state === 'apen' && !survey.answered;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: FieldErrors = {};
    survey.questions.forEach((q, i) => {
      if (q.required && !values[q.id]) fields[`q.${q.id}`] = tu.errAnswer(i + 1);
    });
    if (Object.keys(fields).length > 0) {
      errors.setFieldErrors(fields);
      focusFirstError(keys, fields);
      return;
    }
    errors.clear();
    answer.mutate(
      {
        id: survey.id,
        body: {
          answers: survey.questions.map((q) =>
            q.kind === 'text'
              ? { questionId: q.id, ...(values[q.id]?.trim() ? { text: values[q.id]?.trim() } : {}) }
              : { questionId: q.id, value: Number(values[q.id]) },
          ),
        },
      },
      {
        onSuccess: () => navigate('/undersokelser', { state: { flash: tu.sent } }),
        onError: (error) => errors.setApiError(error),
      },
    );
  };

  return (
    <VStack gap="space-16">
      <PageHeading>{survey.title}</PageHeading>
      <Alert variant="info">{tu.anonymousNote}</Alert>
      {survey.intro ? <BodyLong className="us-measure">{survey.intro}</BodyLong> : null}
      <BodyLong size="small">{tu.closes(formatDate(survey.closesOn))}</BodyLong>
      {survey.answered ? <Alert variant="success">{tu.alreadyAnswered}</Alert> : null}
      {!survey.answered && survey.state !== 'apen' ? <Alert variant="warning">{tu.notOpen}</Alert> : null}
      {open ? (
        <form onSubmit={submit} noValidate>
          <VStack gap="space-24" className="us-measure">
            <FormErrorSummary errors={errors.fields} order={keys} attempt={errors.attempt} />
            {errors.general ? <ErrorAlert error={new Error(errors.general)} /> : null}
            {survey.questions.map((q, i) => {
              const legend = tu.questionNo(i + 1, q.text[locale]);
              const set = (v: string) => {
                setValues((all) => ({ ...all, [q.id]: v }));
                errors.clearField(`q.${q.id}`);
              };
              if (q.kind === 'text') {
                return (
                  <Textarea
                    key={q.id}
                    id={fieldId(`q.${q.id}`)}
                    label={`${legend} ${tu.optional}`}
                    description={tu.noHealth}
                    value={values[q.id] ?? ''}
                    maxLength={2000}
                    minRows={3}
                    onChange={(e) => set(e.target.value)}
                  />
                );
              }
              const options =
                q.kind === 'scale'
                  ? SCALE_LABELS.map((label, n) => ({
                      value: String(n + 1),
                      label: tu.scaleValue(n + 1, label[locale]),
                    }))
                  : q.options.map((label, n) => ({ value: String(n + 1), label }));
              return (
                <RadioGroup
                  key={q.id}
                  id={fieldId(`q.${q.id}`)}
                  legend={legend}
                  description={q.kind === 'scale' ? tu.scaleLegend : undefined}
                  value={values[q.id] ?? ''}
                  onChange={(v: string) => set(v)}
                  error={errors.fields[`q.${q.id}`]}
                >
                  {options.map((o) => (
                    <Radio key={o.value} value={o.value}>
                      {o.label}
                    </Radio>
                  ))}
                </RadioGroup>
              );
            })}
            <div>
              <Button type="submit" loading={answer.isPending}>
                {tu.send}
              </Button>
            </div>
          </VStack>
        </form>
      ) : (
        <div>
          <ButtonLink to="/undersokelser" variant="secondary">
            {tu.back}
          </ButtonLink>
        </div>
      )}
    </VStack>
  );
}
