/**
 * Aksel's ErrorSummary for a form: lists every field error with a link to the field, and takes focus
 * each time the user tries to submit with errors, so a screen reader reads them at once.
 */
import { ErrorSummary } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { type FieldErrors, fieldId } from './form.ts';

type Props = {
  errors: FieldErrors;
  /** Field keys in the order of the form. Errors of other keys come last. */
  order: readonly string[];
  /** Changes on every submit attempt; the summary takes focus when it changes. */
  attempt: number;
};

export function FormErrorSummary({ errors, order, attempt }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const keys = [...order.filter((k) => errors[k]), ...Object.keys(errors).filter((k) => !order.includes(k))];
  const count = keys.length;

  // Once per attempt: a field error cleared while the person types (count changes) must not pull
  // the focus out of the field they are typing in.
  const focusedAttempt = useRef(0);
  useEffect(() => {
    if (attempt > 0 && count > 0 && focusedAttempt.current !== attempt) {
      focusedAttempt.current = attempt;
      ref.current?.focus();
    }
  }, [attempt, count]);

  if (count === 0) return null;
  return (
    <ErrorSummary ref={ref} heading={t.common.errorSummaryHeading}>
      {keys.map((key) => (
        <ErrorSummary.Item key={key} href={`#${fieldId(key)}`}>
          {errors[key]}
        </ErrorSummary.Item>
      ))}
    </ErrorSummary>
  );
}
