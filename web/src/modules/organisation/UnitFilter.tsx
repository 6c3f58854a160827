/**
 * The unit filter above a list (employees, sick leave, "Mine oppgaver"): "all units" and every unit,
 * indented by its level. The caller keeps the choice (in the URL) and gives the words.
 */
import { Select } from '@navikt/ds-react';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { flattenTree, unitTree, useUnits } from './api.ts';

type Props = {
  label: string;
  /** The first choice: no filter. */
  allLabel: string;
  /** The chosen unit's id, '' for all units. */
  value: string;
  onChange: (unitId: string) => void;
};

export function UnitFilter({ label, allLabel, value, onChange }: Props) {
  const { locale } = useI18n();
  const units = useUnits();
  const options = useMemo(() => flattenTree(unitTree(units.data ?? [], locale)), [units.data, locale]);
  return (
    <Select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className="filter-unit"
      style={{ maxWidth: '20rem' }}
    >
      <option value="">{allLabel}</option>
      {options.map((u) => (
        <option key={u.id} value={u.id}>
          {`${'\u00a0\u00a0\u00a0'.repeat(u.depth)}${u.name}`}
        </option>
      ))}
    </Select>
  );
}
