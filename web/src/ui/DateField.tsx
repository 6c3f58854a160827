/**
 * A date field that takes and shows `dd.mm.åååå` (with a calendar in the user's language) and hands
 * its parent an ISO date `YYYY-MM-DD`, `''` when empty, or `INVALID_DATE` when the text is not a date.
 */
import { DatePicker, useDatepicker } from '@navikt/ds-react';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { isoFromLocalDate, localDateFromIso } from './format.ts';

export const INVALID_DATE = 'invalid-date';

type Props = {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string | undefined;
  required?: boolean;
};

export function DateField({ id, label, value, onChange, error, description, required }: Props) {
  const { locale, t } = useI18n();
  const lastEmitted = useRef(value);
  const emit = (next: string) => {
    lastEmitted.current = next;
    onChange(next);
  };
  const { datepickerProps, inputProps, setSelected } = useDatepicker({
    locale,
    required: required ?? false,
    defaultSelected: localDateFromIso(value),
    fromDate: new Date(1900, 0, 1),
    toDate: new Date(2199, 11, 31),
    onDateChange: (date) => {
      if (date) emit(isoFromLocalDate(date));
    },
    onValidate: (validation) => {
      if (validation.isEmpty) emit('');
      else if (!validation.isValidDate) emit(INVALID_DATE);
    },
  });

  // The parent replaced the value (e.g. after loading the latest version): show it.
  useEffect(() => {
    if (value !== lastEmitted.current && value !== INVALID_DATE) {
      lastEmitted.current = value;
      setSelected(localDateFromIso(value));
    }
  }, [value, setSelected]);

  return (
    <DatePicker {...datepickerProps} dropdownCaption>
      <DatePicker.Input
        {...inputProps}
        id={id}
        label={label}
        description={description ?? t.common.dateDescription}
        error={error}
      />
    </DatePicker>
  );
}
