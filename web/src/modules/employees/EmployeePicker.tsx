/**
 * Choose one employee by typing part of the name (searches the server, 20 at a time).
 *
 * The choice changes only through Aksel's `onToggleSelected`: picking an option (mouse or Enter)
 * chooses it; choosing the chosen option again (it heads the list while nothing is typed), or
 * Backspace in the empty field, removes it. Aksel's `onClear` means "the typed text was cleared" —
 * it fires after every pick, on Escape and when focus leaves the field — so it only resets the
 * search text and never the choice.
 */
import { UNSAFE_Combobox } from '@navikt/ds-react';
import { useMemo, useState } from 'react';
import { useDebounced } from '../../ui/useDebounced.ts';
import { useEmployeeList } from './api.ts';

export type PickedEmployee = { id: string; name: string } | null;

type Props = {
  id: string;
  label: string;
  description?: string;
  value: PickedEmployee;
  onChange: (value: PickedEmployee) => void;
  error?: string | undefined;
  /** An employee who may not be chosen (e.g. the employee being edited, as their own leader). */
  excludeId?: string | undefined;
};

type Found = { label: string; value: string; name: string };

function matches(text: string, ...fields: (string | null)[]): boolean {
  const needle = text.toLocaleLowerCase('nb');
  return fields.some((f) => f?.toLocaleLowerCase('nb').includes(needle) ?? false);
}

export function EmployeePicker({ id, label, description, value, onChange, error, excludeId }: Props) {
  const [text, setText] = useState('');
  const typed = text.trim();
  const search = useDebounced(typed, 250);
  const results = useEmployeeList({ search: search || undefined, page: 1, pageSize: 20 });
  // The answer is for what is typed now (not the previous answer kept while the next one loads).
  const current = search === typed && !results.isPlaceholderData;
  const found = useMemo<Found[]>(
    () =>
      (results.data?.items ?? [])
        .filter((e) => e.id !== excludeId)
        // Until the answer for the typed text arrives, show only the earlier hits that match it, so
        // ArrowDown + Enter cannot choose someone the text does not match.
        .filter((e) => current || !typed || matches(typed, e.name, e.email))
        .map((e) => ({ label: `${e.name} – ${e.unitName}`, value: e.id, name: e.name })),
    [results.data, excludeId, current, typed],
  );
  const hits = found.map(({ label: l, value: v }) => ({ label: l, value: v }));
  // The chosen employee is an option too, so Aksel shows it chosen before any search finds it.
  const options =
    value && !hits.some((o) => o.value === value.id)
      ? [...hits, { label: value.name, value: value.id }]
      : hits;
  // While the user types, the list holds only the hits. Aksel (single-select) otherwise puts the
  // chosen option first, so ArrowDown + Enter would land on it and remove it instead of picking.
  const searching = text !== '';
  const selected = value && !searching ? [{ label: value.name, value: value.id }] : [];

  const nameOf = (optionValue: string): string =>
    found.find((f) => f.value === optionValue)?.name ??
    (value?.id === optionValue ? value.name : optionValue);

  return (
    <UNSAFE_Combobox
      id={id}
      label={label}
      description={description}
      options={options}
      filteredOptions={searching ? hits : undefined}
      selectedOptions={selected}
      onChange={setText}
      onToggleSelected={(optionValue, isSelected) => {
        if (isSelected) onChange({ id: optionValue, name: nameOf(optionValue) });
        else if (value?.id === optionValue) onChange(null);
      }}
      onClear={() => setText('')}
      isLoading={results.isFetching || search !== typed}
      error={error}
      shouldAutocomplete={false}
    />
  );
}
