/**
 * The organisation's tilrettelegging catalogue beside an adaptation field of the oppfølgingsplan
 * (psychosocial, physical, organisational). Ticking a measure adds it to the field's text as its own
 * line («- Hjemmekontor én dag i uka»); unticking removes that line. The plan stays plain text, so
 * stored plans, the PDF and the diff need no change, and the leader writes new measures in the field.
 */
import { BodyShort, Checkbox, CheckboxGroup } from '@navikt/ds-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { type TiltakKind, useKatalogTexts, useTiltak } from './KatalogApi.tsx';

/** The plan field each kind of measure goes into. */
export const PICK_FIELD = {
  adaptPsychosocial: 'psykososial',
  adaptPhysical: 'fysisk',
  adaptOrganisational: 'organisatorisk',
} as const satisfies Record<string, TiltakKind>;
export type PickField = keyof typeof PICK_FIELD;

export const isPickField = (field: string): field is PickField => field in PICK_FIELD;

const lineOf = (title: string) => `- ${title}`;
const linesOf = (text: string) => text.split('\n').map((l) => l.trim());

/** The text with the measure's line added (at the end) or removed. */
export function toggleMeasure(text: string, title: string, on: boolean): string {
  const line = lineOf(title);
  const has = linesOf(text).includes(line);
  if (on && !has) return text.trim() === '' ? line : `${text.replace(/\s+$/, '')}\n${line}`;
  if (!on && has) {
    return text
      .split('\n')
      .filter((l) => l.trim() !== line)
      .join('\n');
  }
  return text;
}

export function PlanKatalogPicker({
  field,
  text,
  onChange,
}: {
  field: PickField;
  text: string;
  onChange: (text: string) => void;
}) {
  const { t } = useI18n();
  const k = useKatalogTexts();
  const kind = PICK_FIELD[field];
  const query = useTiltak();
  if (query.isPending) return null;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.filter((m) => m.kind === kind && m.active);
  const legend = t.dokumenter.pickLegend(k.kinds[kind]);
  if (items.length === 0) {
    return (
      <BodyShort size="small" textColor="subtle">
        {legend}: {t.dokumenter.pickNone}
      </BodyShort>
    );
  }
  const present = new Set(linesOf(text));
  const chosen = items.filter((m) => present.has(lineOf(m.title))).map((m) => m.id);
  return (
    <CheckboxGroup
      legend={legend}
      description={t.dokumenter.pickDescription}
      size="small"
      value={chosen}
      onChange={(ids: string[]) => {
        let next = text;
        for (const m of items) next = toggleMeasure(next, m.title, ids.includes(m.id));
        onChange(next);
      }}
    >
      {items.map((m) => (
        <Checkbox key={m.id} value={m.id} description={m.description || undefined}>
          {m.title}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}
