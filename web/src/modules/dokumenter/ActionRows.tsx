/**
 * The agreed actions of a dialogmøte's minutes or of a samtalereferat: what, who, by when (optional),
 * added and removed by the leader. Each action is its own fieldset ("Tiltak 1" …) so the repeated
 * labels stay unambiguous for screen readers.
 */
import { Button, Fieldset, HStack, TextField, VStack } from '@navikt/ds-react';
import { DateField, INVALID_DATE } from '../../ui/DateField.tsx';
import { useDialogmoteText } from './dialogmoteApi.ts';

type OwnerKind = 'employee' | 'leader' | 'other';
/** `ownerKind`, when the stored action has one, is kept as it was (the form does not change it). */
export type ActionRow = { key: number; what: string; owner: string; deadline: string; ownerKind?: OwnerKind };
export type ActionInput = { what: string; owner: string; deadline: string | null; ownerKind?: OwnerKind };

export function toActionRows(
  actions: readonly {
    what: string;
    owner: string;
    deadline?: string | null | undefined;
    ownerKind?: OwnerKind | undefined;
  }[],
): ActionRow[] {
  return actions.map((a, i) => ({
    key: i + 1,
    what: a.what,
    owner: a.owner,
    deadline: a.deadline ?? '',
    ...(a.ownerKind ? { ownerKind: a.ownerKind } : {}),
  }));
}

/** What the API takes; a half-typed date is sent as is, so the server names the field. */
export function toActionInput(rows: readonly ActionRow[]): ActionInput[] {
  return rows.map((a) => ({
    what: a.what,
    owner: a.owner,
    deadline: a.deadline || null,
    ...(a.ownerKind ? { ownerKind: a.ownerKind } : {}),
  }));
}

export function ActionRowsEditor({
  idPrefix,
  rows,
  onChange,
}: {
  idPrefix: string;
  rows: ActionRow[];
  onChange: (rows: ActionRow[]) => void;
}) {
  const m = useDialogmoteText();
  const update = (key: number, patch: Partial<ActionRow>) =>
    onChange(rows.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  return (
    <VStack gap="space-12">
      {rows.map((a, i) => (
        <Fieldset key={a.key} legend={m.actionLegend(i + 1)} className="plan-action">
          <HStack gap="space-12" wrap align="end">
            <TextField
              label={m.actionWhat}
              description={m.healthHint}
              value={a.what}
              onChange={(e) => update(a.key, { what: e.target.value })}
              maxLength={1000}
              required
            />
            <TextField
              label={m.actionOwner}
              value={a.owner}
              onChange={(e) => update(a.key, { owner: e.target.value })}
              maxLength={200}
              required
            />
            <DateField
              id={`${idPrefix}-deadline-${a.key}`}
              label={m.actionDeadline}
              value={a.deadline}
              onChange={(deadline) => update(a.key, { deadline })}
              error={a.deadline === INVALID_DATE ? m.invalidDate : undefined}
            />
            <Button
              type="button"
              variant="tertiary"
              size="small"
              onClick={() => onChange(rows.filter((x) => x.key !== a.key))}
            >
              {m.removeAction(i + 1)}
            </Button>
          </HStack>
        </Fieldset>
      ))}
      <div>
        <Button
          type="button"
          variant="secondary"
          size="small"
          onClick={() =>
            onChange([
              ...rows,
              { key: Math.max(0, ...rows.map((x) => x.key)) + 1, what: '', owner: '', deadline: '' },
            ])
          }
        >
          {m.addAction}
        </Button>
      </div>
    </VStack>
  );
}
