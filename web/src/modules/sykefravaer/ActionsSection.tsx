/**
 * The agreed actions (from the oppfølgingsplan, dialogmøter and samtalereferater) as tasks: owner,
 * deadline, state, where they come from, and «Marker som gjort» / «Angre». On the case page for the
 * leader and HR (every action of the case); on «Mitt fravær» for the employee (the actions they own).
 * Writes send the action's version; a 409 `STALE_VERSION` offers to load the latest.
 */
import { ArrowUndoIcon, CheckmarkIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Detail, Heading, HStack, VStack } from '@navikt/ds-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { dateTime, formatDate } from '../../ui/format.ts';
import { type ActionDto, type ActionScope, useActions, useActionWrites } from './actions.api.ts';
import { actionTexts } from './actions.texts.ts';
import { DeadlineStateTag, WriteError } from './parts.tsx';
import './rutine.css';

type Props = {
  /** The employee's id (case page), or null for the employee's own page. */
  scope: ActionScope;
  canEdit: boolean;
  onSaved: (message: string) => void;
};

export function ActionsSection({ scope, canEdit, onSaved }: Props) {
  const { locale } = useI18n();
  const tx = actionTexts(locale);
  const query = useActions(scope);
  const writes = useActionWrites(scope);
  const data = query.data;
  const headingId = scope === null ? 'sf-my-actions-heading' : 'sf-actions-heading';
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!data || data.caseStart === null) return null;
  const error = writes.done.error ?? writes.undo.error;
  const busy = (a: ActionDto) =>
    (writes.done.isPending && writes.done.variables?.id === a.id) ||
    (writes.undo.isPending && writes.undo.variables?.id === a.id);
  const toggle = (a: ActionDto) => {
    writes.done.reset();
    writes.undo.reset();
    const write = a.done ? writes.undo : writes.done;
    write.mutate(
      { id: a.id, version: a.version },
      { onSuccess: () => onSaved(a.done ? tx.undone(a.what) : tx.saved(a.what)) },
    );
  };

  return (
    <VStack as="section" gap="space-16" aria-labelledby={headingId}>
      <div>
        <Heading level="2" size="medium" id={headingId} spacing>
          {scope === null ? tx.myHeading : tx.heading}
        </Heading>
        <BodyShort>{scope === null ? tx.myIntro : tx.intro}</BodyShort>
      </div>
      {error ? <WriteError error={error} onReload={() => query.refetch()} /> : null}
      {data.items.length === 0 ? <BodyShort>{scope === null ? tx.myNone : tx.none}</BodyShort> : null}
      {data.items.length > 0 ? (
        <ul className="sf-task-list">
          {data.items.map((a) => (
            <li key={a.id} className="sf-task" data-state={a.state} data-action={a.id}>
              <VStack gap="space-4">
                <HStack gap="space-8" align="center" wrap>
                  <BodyShort weight="semibold">{a.what}</BodyShort>
                  <DeadlineStateTag state={a.state} />
                </HStack>
                <Detail>
                  {tx.due}: {a.deadline ? formatDate(a.deadline) : tx.noDeadline} · {tx.owner}:{' '}
                  {a.owner ?? tx.owners[a.ownerKind]} · {tx.from}: {tx.sources[a.source]}
                </Detail>
                {a.done ? <Detail>{tx.doneBy(dateTime(a.done.at, locale), a.done.by.name)}</Detail> : null}
                {canEdit ? (
                  <div>
                    <Button
                      type="button"
                      size="small"
                      variant={a.done ? 'tertiary' : 'secondary'}
                      icon={a.done ? <ArrowUndoIcon aria-hidden /> : <CheckmarkIcon aria-hidden />}
                      aria-label={a.done ? tx.undoLabel(a.what) : tx.markDoneLabel(a.what)}
                      loading={busy(a)}
                      onClick={() => toggle(a)}
                    >
                      {a.done ? tx.undo : tx.markDone}
                    </Button>
                  </div>
                ) : null}
              </VStack>
            </li>
          ))}
        </ul>
      ) : null}
      {scope !== null && data.items.length > 0 ? <Detail>{tx.changeHint}</Detail> : null}
    </VStack>
  );
}
