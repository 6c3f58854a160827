/** Choose one employee by typing part of the name (searches the server, 20 at a time). */
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

export function EmployeePicker({ id, label, description, value, onChange, error, excludeId }: Props) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const results = useEmployeeList({ search: search || undefined, page: 1, pageSize: 20 });
  const found = useMemo(
    () =>
      (results.data?.items ?? [])
        .filter((e) => e.id !== excludeId)
        .map((e) => ({ label: `${e.name} – ${e.unitName}`, value: e.id, name: e.name })),
    [results.data, excludeId],
  );
  const selected = value ? [{ label: value.name, value: value.id }] : [];
  const options = [...found.map(({ label: l, value: v }) => ({ label: l, value: v }))];
  if (value && !options.some((o) => o.value === value.id))
    options.push({ label: value.name, value: value.id });

  return (
    <UNSAFE_Combobox
      id={id}
      label={label}
      description={description}
      options={options}
      filteredOptions={
        text.trim() ? options.filter((o) => found.some((f) => f.value === o.value)) : undefined
      }
      selectedOptions={selected}
      onChange={(next) => setText(next)}
      onToggleSelected={(optionValue, isSelected) => {
        if (!isSelected) {
          onChange(null);
          return;
        }
        const hit = found.find((f) => f.value === optionValue);
        onChange({ id: optionValue, name: hit?.name ?? value?.name ?? optionValue });
      }}
      onClear={() => onChange(null)}
      isLoading={results.isFetching}
      error={error}
      shouldAutocomplete={false}
    />
  );
}
