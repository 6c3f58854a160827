/**
 * "Rutine for sykefraværsoppfølging" (`/innstillinger/rutine`, admin/HR): reword, remove and add
 * tasks, change who is responsible and when each is due; saving makes a new version (running cases
 * keep theirs). Shows the version and who saved it — or that Nærvær made it, when a new legal task
 * was added to a routine the organisation had saved (migration 0055: the inntektsmelding).
 */
import { PlusIcon, TrashIcon } from '@navikt/aksel-icons';
import {
  BodyShort,
  Button,
  Checkbox,
  Heading,
  HGrid,
  HStack,
  Link,
  Select,
  TextField,
  VStack,
} from '@navikt/ds-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ROUTINE_ANCHORS, ROUTINE_ROLES } from '../../../../src/domain/sykefravaer/rutine.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type RoutineTaskInput, useRoutine, useSaveRoutine } from './rutine.api.ts';
import { rutineTexts } from './rutine.texts.ts';
import type { MilestoneKey } from './types.ts';
import './rutine.css';

const MILESTONES: MilestoneKey[] = [
  'oppfolgingsplan',
  'dialogmote1',
  'dialogmote2',
  'oppfolgingsplanTilNav',
  'aap',
];

/**
 * The day offset of a task, −365…365. The text typed is kept as typed while it is on its way to a
 * number («-» before «-2», an emptied field): turning each keystroke into a number at once made «-»
 * a 0, so typing «-2» saved +2.
 */
function OffsetField(props: { id: string; label: string; value: number; onChange: (value: number) => void }) {
  const { id, label, value, onChange } = props;
  const [text, setText] = useState(String(value));
  useEffect(() => {
    setText((current) => (Number.parseInt(current, 10) === value ? current : String(value)));
  }, [value]);
  return (
    <TextField
      id={id}
      label={label}
      type="number"
      inputMode="numeric"
      min={-365}
      max={365}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const v = Number.parseInt(e.target.value, 10);
        if (!Number.isNaN(v)) onChange(Math.max(-365, Math.min(365, v)));
      }}
      onBlur={() => setText(String(value))}
    />
  );
}

function newId(tasks: RoutineTaskInput[]): string {
  let n = tasks.length + 1;
  while (tasks.some((t) => t.id === `oppgave-${n}`)) n++;
  return `oppgave-${n}`;
}

export function RutinePage() {
  const { t, locale } = useI18n();
  const tx = rutineTexts(locale);
  const routine = useRoutine();
  const save = useSaveRoutine();
  const [tasks, setTasks] = useState<RoutineTaskInput[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (routine.data && tasks === null) setTasks(routine.data.tasks.map((x) => ({ ...x })));
  }, [routine.data, tasks]);

  const update = (i: number, patch: Partial<RoutineTaskInput>) =>
    setTasks((prev) => (prev ?? []).map((x, j) => (j === i ? { ...x, ...patch } : x)));
  const setAnchor = (i: number, anchor: RoutineTaskInput['anchor']) =>
    setTasks((prev) =>
      (prev ?? []).map((x, j) => {
        if (j !== i) return x;
        const { milestone: _m, repeat: _r, ...rest } = x;
        return anchor === 'milestone'
          ? { ...rest, anchor, milestone: 'oppfolgingsplan' }
          : { ...rest, anchor };
      }),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tasks) return;
    setMessage(null);
    save.mutate(tasks, {
      onSuccess: (saved) => {
        setTasks(saved.tasks.map((x) => ({ ...x })));
        setMessage(tx.savedVersion(saved.version));
      },
    });
  };

  const data = routine.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24" maxWidth="48rem">
      <div>
        <Link as={RouterLink} to="/innstillinger">
          {t.nav.settings}
        </Link>
      </div>
      <div>
        <PageHeading>{tx.rutineTitle}</PageHeading>
        <BodyShort className="lead">{tx.rutineIntro}</BodyShort>
      </div>
      {routine.isPending ? <Loading /> : null}
      {routine.isError ? <ErrorAlert error={routine.error} onRetry={() => void routine.refetch()} /> : null}
      {data ? (
        <BodyShort weight="semibold">
          {tx.version(
            data.version,
            data.createdBy?.name ?? null,
            data.createdAt ? dateTime(data.createdAt, locale) : null,
          )}
        </BodyShort>
      ) : null}
      {data?.createdAt && data.createdBy?.userId === null ? (
        <BodyShort>{tx.automaticVersion}</BodyShort>
      ) : null}
      <SuccessMessage>{message}</SuccessMessage>
      {tasks ? (
        <form onSubmit={submit} noValidate>
          <VStack gap="space-16">
            {save.isError ? <ErrorAlert error={save.error} /> : null}
            <ol className="sf-task-list">
              {tasks.map((task, i) => {
                const n = i + 1;
                const id = `rutine-${i}`;
                return (
                  <li key={task.id} className="sf-rutine-task">
                    <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                      <legend>
                        <Heading level="2" size="xsmall" as="span">
                          {tx.taskN(n)}
                        </Heading>
                      </legend>
                      <VStack gap="space-12">
                        <TextField
                          id={`${id}-nb`}
                          label={tx.titleNb}
                          value={task.title.nb}
                          maxLength={200}
                          onChange={(e) => update(i, { title: { ...task.title, nb: e.target.value } })}
                        />
                        <TextField
                          id={`${id}-en`}
                          label={tx.titleEn}
                          value={task.title.en}
                          maxLength={200}
                          onChange={(e) => update(i, { title: { ...task.title, en: e.target.value } })}
                        />
                        <HGrid columns={{ xs: 1, sm: 2 }} gap="space-12">
                          <Select
                            id={`${id}-role`}
                            label={tx.responsible}
                            value={task.responsible}
                            onChange={(e) =>
                              update(i, { responsible: e.target.value as RoutineTaskInput['responsible'] })
                            }
                          >
                            {ROUTINE_ROLES.map((r) => (
                              <option key={r} value={r}>
                                {tx.roles[r]}
                              </option>
                            ))}
                          </Select>
                          <Select
                            id={`${id}-anchor`}
                            label={tx.anchor}
                            description={task.anchor === 'agpEnd' ? tx.agpEndHint : undefined}
                            value={task.anchor}
                            onChange={(e) => setAnchor(i, e.target.value as RoutineTaskInput['anchor'])}
                          >
                            {ROUTINE_ANCHORS.map((a) => (
                              <option key={a} value={a}>
                                {tx.anchors[a]}
                              </option>
                            ))}
                          </Select>
                          {task.anchor === 'milestone' ? (
                            <Select
                              id={`${id}-milestone`}
                              label={tx.milestoneField}
                              value={task.milestone ?? 'oppfolgingsplan'}
                              onChange={(e) => update(i, { milestone: e.target.value as MilestoneKey })}
                            >
                              {MILESTONES.map((m) => (
                                <option key={m} value={m}>
                                  {t.sykefravaer.milestones[m]}
                                </option>
                              ))}
                            </Select>
                          ) : null}
                          <OffsetField
                            id={`${id}-offset`}
                            label={tx.offset}
                            value={task.offsetDays}
                            onChange={(offsetDays) => update(i, { offsetDays })}
                          />
                        </HGrid>
                        {task.anchor === 'caseStart' ? (
                          <Checkbox
                            checked={task.repeat === 'weekly'}
                            onChange={(e) => {
                              const { repeat: _r, ...rest } = task;
                              setTasks((prev) =>
                                (prev ?? []).map((x, j) =>
                                  j === i ? (e.target.checked ? { ...rest, repeat: 'weekly' } : rest) : x,
                                ),
                              );
                            }}
                          >
                            {tx.weekly}
                          </Checkbox>
                        ) : null}
                        <div>
                          <Button
                            type="button"
                            size="small"
                            variant="tertiary"
                            icon={<TrashIcon aria-hidden />}
                            aria-label={tx.removeLabel(n)}
                            onClick={() => setTasks((prev) => (prev ?? []).filter((_, j) => j !== i))}
                          >
                            {tx.remove}
                          </Button>
                        </div>
                      </VStack>
                    </fieldset>
                  </li>
                );
              })}
            </ol>
            <HStack gap="space-8" wrap>
              <Button
                type="button"
                variant="secondary"
                icon={<PlusIcon aria-hidden />}
                onClick={() =>
                  setTasks((prev) => [
                    ...(prev ?? []),
                    {
                      id: newId(prev ?? []),
                      title: { nb: tx.newTask, en: 'New task' },
                      responsible: 'leder',
                      anchor: 'caseStart',
                      offsetDays: 7,
                    },
                  ])
                }
              >
                {tx.add}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {tx.save}
              </Button>
            </HStack>
          </VStack>
        </form>
      ) : null}
    </VStack>
  );
}
