/**
 * The tasks of the case from the organisation's routine, grouped under their milestone (or "Andre
 * oppgaver"): due date, responsible role, state, "Marker som gjort" with an optional note (no
 * health details), and undo. Writes send the case's version; a 409 `STALE_VERSION` offers to load the latest.
 */
import { ArrowUndoIcon, CheckmarkIcon } from '@navikt/aksel-icons';
import { BodyShort, Button, Detail, Heading, HStack, Modal, Textarea, VStack } from '@navikt/ds-react';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { dateTime, formatDate } from '../../ui/format.ts';
import { DeadlineStateTag, WriteError } from './parts.tsx';
import { type TaskView, useCaseTasks, useTaskWrites } from './rutine.api.ts';
import { rutineTexts } from './rutine.texts.ts';
import type { MilestoneKey } from './types.ts';
import './rutine.css';

type Props = {
  employeeId: string;
  version: number;
  canEdit: boolean;
  onReload: () => Promise<unknown>;
  onSaved: (message: string) => void;
};

export function TasksSection({ employeeId, version, canEdit, onReload, onSaved }: Props) {
  const { t, locale } = useI18n();
  const tx = rutineTexts(locale);
  const query = useCaseTasks(employeeId, version);
  const writes = useTaskWrites(employeeId);
  const [dialog, setDialog] = useState<TaskView | null>(null);
  const [note, setNote] = useState('');
  const data = query.data;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!data || data.caseStart === null) return null;
  const caseStart = data.caseStart;
  const title = (task: TaskView) => (locale === 'en' ? task.title.en : task.title.nb);

  const groups = new Map<MilestoneKey | null, TaskView[]>();
  for (const task of data.tasks) {
    const list = groups.get(task.milestone) ?? [];
    list.push(task);
    groups.set(task.milestone, list);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : 0));

  const undo = (task: TaskView) => {
    writes.undo.mutate(
      { key: task.key, caseStart, version },
      { onSuccess: () => onSaved(tx.undone(title(task))) },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dialog) return;
    const task = dialog;
    writes.done.mutate(
      { key: task.key, caseStart, note: note.trim() || null, version },
      {
        onSuccess: () => {
          onSaved(tx.saved(title(task)));
          setDialog(null);
        },
      },
    );
  };

  return (
    <VStack as="section" gap="space-16" aria-labelledby="sf-tasks-heading">
      <div>
        <Heading level="2" size="medium" id="sf-tasks-heading" spacing>
          {tx.tasksHeading}
        </Heading>
        {data.routineVersion !== null ? <BodyShort>{tx.tasksIntro(data.routineVersion)}</BodyShort> : null}
      </div>
      {writes.undo.isError ? <WriteError error={writes.undo.error} onReload={onReload} /> : null}
      {data.tasks.length === 0 ? <BodyShort>{tx.noTasks}</BodyShort> : null}
      {ordered.map(([milestone, tasks]) => {
        const groupId = `sf-tasks-${milestone ?? 'other'}`;
        return (
          <VStack key={groupId} gap="space-8" as="section" aria-labelledby={groupId}>
            <Heading level="3" size="small" id={groupId}>
              {milestone === null ? tx.otherTasks : t.sykefravaer.milestones[milestone]}
            </Heading>
            <ul className="sf-task-list">
              {tasks.map((task) => (
                <li key={task.key} className="sf-task" data-state={task.state} data-key={task.key}>
                  <VStack gap="space-4">
                    <HStack gap="space-8" align="center" wrap>
                      <BodyShort weight="semibold">{title(task)}</BodyShort>
                      <DeadlineStateTag state={task.state} />
                    </HStack>
                    <Detail>
                      {tx.due}: {formatDate(task.due)} · {tx.responsible}: {tx.roles[task.responsibleRole]}
                    </Detail>
                    {task.done ? (
                      <Detail>
                        {tx.doneBy(dateTime(task.done.at, locale), task.done.by.name)}
                        {task.done.note ? ` — ${task.done.note}` : ''}
                      </Detail>
                    ) : null}
                    {canEdit ? (
                      <div>
                        {task.done ? (
                          <Button
                            type="button"
                            size="small"
                            variant="tertiary"
                            icon={<ArrowUndoIcon aria-hidden />}
                            aria-label={tx.undoLabel(title(task))}
                            loading={writes.undo.isPending && writes.undo.variables?.key === task.key}
                            onClick={() => undo(task)}
                          >
                            {tx.undo}
                          </Button>
                        ) : (
                          <Button
                            type="button"
                            size="small"
                            variant="secondary"
                            icon={<CheckmarkIcon aria-hidden />}
                            aria-label={tx.markDoneLabel(title(task))}
                            onClick={() => {
                              writes.done.reset();
                              setNote('');
                              setDialog(task);
                            }}
                          >
                            {tx.markDone}
                          </Button>
                        )}
                      </div>
                    ) : null}
                  </VStack>
                </li>
              ))}
            </ul>
          </VStack>
        );
      })}
      {dialog ? (
        <Modal open onClose={() => setDialog(null)} header={{ heading: tx.doneHeading }} width="medium">
          <Modal.Body>
            <form id="sf-task-done" onSubmit={submit} noValidate>
              <VStack gap="space-16">
                {writes.done.isError ? <WriteError error={writes.done.error} onReload={onReload} /> : null}
                <BodyShort weight="semibold">{title(dialog)}</BodyShort>
                <Textarea
                  id="sf-task-note"
                  label={tx.note}
                  description={tx.noteHint}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  maxLength={500}
                  minRows={3}
                />
              </VStack>
            </form>
          </Modal.Body>
          <Modal.Footer>
            <Button type="submit" form="sf-task-done" loading={writes.done.isPending}>
              {tx.confirm}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setDialog(null)}>
              {tx.cancel}
            </Button>
          </Modal.Footer>
        </Modal>
      ) : null}
    </VStack>
  );
}
