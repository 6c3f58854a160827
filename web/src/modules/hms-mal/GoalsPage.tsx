/**
 * «HMS-mål og handlingsplan» (`/internkontroll/mal?ar=2027`): the written HMS goals of a year
 * (IK-f § 5 no. 4) with their status, and under each the measures of the handlingsplan (no. 6) with
 * owner, due date and whether they were carried out. Admin/HR add, change and delete goals and measures;
 * the owner of a measure (a person or a role) marks it carried out with a note; everyone else reads.
 */
import { ChevronLeftIcon, ChevronRightIcon, PlusIcon } from '@navikt/aksel-icons';
import { Alert, BodyLong, BodyShort, Box, Button, Detail, Heading, HStack, VStack } from '@navikt/ds-react';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { hasAnyRole, useSession } from '../../api/session.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ButtonLink } from '../../ui/ButtonLink.tsx';
import { ErrorAlert, Loading, SuccessMessage } from '../../ui/Feedback.tsx';
import { dateTime, formatDate } from '../../ui/format.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { type Goal, type GoalYear, type Measure, useGoalWrites, useGoalYear, useOwners } from './api.ts';
import {
  DeleteGoalDialog,
  DeleteMeasureDialog,
  DoneDialog,
  GoalDialog,
  MeasureDialog,
} from './GoalDialogs.tsx';
import { GoalStatusTag, MeasureStateTag, yearFrom } from './parts.tsx';
import { REVIEW_READERS } from './roles.ts';
import './hms-mal.css';

type Dialog =
  | { kind: 'goal'; goal?: Goal }
  | { kind: 'delete-goal'; goal: Goal }
  | { kind: 'measure'; goalId: string | null; measure?: Measure }
  | { kind: 'delete-measure'; measure: Measure }
  | { kind: 'done'; measure: Measure }
  | null;

export function GoalsPage() {
  const { t } = useI18n();
  const th = t.hmsMal;
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const year = yearFrom(params.get('ar'));
  const goals = useGoalYear(year);
  const canEdit = goals.data?.canEdit ?? false;
  const owners = useOwners(canEdit);
  const writes = useGoalWrites();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!focusTarget || dialog) return;
    const target = document.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(focusTarget)}"]`);
    (target?.querySelector<HTMLElement>('button') ?? target)?.focus();
    setFocusTarget(null);
  }, [focusTarget, dialog]);

  const setYear = (next: number) => {
    const merged = new URLSearchParams(params);
    merged.set('ar', String(next));
    setParams(merged, { replace: true });
  };

  const open = (next: Exclude<Dialog, null>) => {
    setMessage(null);
    for (const w of Object.values(writes)) w.reset();
    setDialog(next);
  };
  const done = (text: string, focus?: string) => {
    setDialog(null);
    setMessage(text);
    if (focus) setFocusTarget(focus);
  };

  const reopen = (m: Measure) => {
    setMessage(null);
    writes.reopen.mutate(m.id, {
      onSuccess: () => {
        setMessage(th.reopened);
        setFocusTarget(m.id);
      },
    });
  };

  const actions: MeasureActions = {
    onDone: (measure) => open({ kind: 'done', measure }),
    onReopen: reopen,
    onEdit: (measure) => open({ kind: 'measure', goalId: measure.goalId, measure }),
    onDelete: (measure) => open({ kind: 'delete-measure', measure }),
    reopening: writes.reopen.isPending ? writes.reopen.variables : undefined,
  };

  const data = goals.data;
  return (
    <VStack gap="space-24" paddingBlock="space-24">
      <VStack gap="space-8">
        <PageHeading>{th.title}</PageHeading>
        <BodyLong className="hm-measure">{th.intro}</BodyLong>
      </VStack>
      <HStack gap="space-12" wrap>
        {hasAnyRole(session, ...REVIEW_READERS) ? (
          <ButtonLink to="/internkontroll/gjennomgang" variant="secondary" size="small">
            {th.toReviews}
          </ButtonLink>
        ) : null}
      </HStack>
      <SuccessMessage>{message}</SuccessMessage>
      {writes.reopen.isError ? <ErrorAlert error={writes.reopen.error} /> : null}
      <HStack gap="space-8" align="center" role="group" aria-label={th.yearNav} wrap>
        <Button
          type="button"
          variant="tertiary"
          size="small"
          icon={<ChevronLeftIcon aria-hidden />}
          onClick={() => setYear(year - 1)}
        >
          {th.prevYear}
        </Button>
        <BodyShort weight="semibold" aria-live="polite" className="hm-year">
          {th.showingYear(year)}
        </BodyShort>
        <Button
          type="button"
          variant="tertiary"
          size="small"
          icon={<ChevronRightIcon aria-hidden />}
          iconPosition="right"
          onClick={() => setYear(year + 1)}
        >
          {th.nextYear}
        </Button>
      </HStack>
      {data && !data.canEdit ? <BodyShort size="small">{th.readOnlyNote}</BodyShort> : null}
      {canEdit ? (
        <HStack gap="space-12" wrap>
          <Button
            type="button"
            variant="secondary"
            icon={<PlusIcon aria-hidden />}
            onClick={() => open({ kind: 'goal' })}
          >
            {th.newGoal}
          </Button>
          <Button
            type="button"
            variant="secondary"
            icon={<PlusIcon aria-hidden />}
            onClick={() => open({ kind: 'measure', goalId: null })}
          >
            {th.newMeasure}
          </Button>
        </HStack>
      ) : null}
      {goals.isPending ? <Loading /> : null}
      {goals.isError ? <ErrorAlert error={goals.error} onRetry={() => void goals.refetch()} /> : null}
      {data ? (
        <GoalList
          data={data}
          actions={actions}
          onEditGoal={(goal) => open({ kind: 'goal', goal })}
          onDeleteGoal={(goal) => open({ kind: 'delete-goal', goal })}
          onNewMeasure={(goal) => open({ kind: 'measure', goalId: goal.id })}
        />
      ) : null}

      {dialog?.kind === 'goal' ? (
        <GoalDialog
          year={year}
          goal={dialog.goal}
          write={dialog.goal ? writes.updateGoal : writes.createGoal}
          onClose={() => setDialog(null)}
          onReload={() => goals.refetch().then(() => setDialog(null))}
          onSubmit={(body) => {
            const current = dialog.goal;
            const saved = current
              ? writes.updateGoal.mutateAsync({ ...body, id: current.id, version: current.version })
              : writes.createGoal.mutateAsync(body);
            return saved.then((goal) => done(th.goalSaved(goal.title), goal.id));
          }}
        />
      ) : null}
      {dialog?.kind === 'delete-goal' ? (
        <DeleteGoalDialog
          goal={dialog.goal}
          write={writes.deleteGoal}
          onClose={() => setDialog(null)}
          onSubmit={() =>
            writes.deleteGoal.mutateAsync(dialog.goal.id).then(() => done(th.goalDeleted(dialog.goal.title)))
          }
        />
      ) : null}
      {dialog?.kind === 'measure' && data ? (
        <MeasureDialog
          goals={data.goals}
          goalId={dialog.goalId}
          measure={dialog.measure}
          owners={owners.data?.items ?? []}
          write={dialog.measure ? writes.updateMeasure : writes.createMeasure}
          onClose={() => setDialog(null)}
          onReload={() => goals.refetch().then(() => setDialog(null))}
          onSubmit={(body) => {
            const current = dialog.measure;
            const saved = current
              ? writes.updateMeasure.mutateAsync({ ...body, id: current.id, version: current.version })
              : writes.createMeasure.mutateAsync(body);
            return saved.then((m) => done(th.measureSaved, m.id));
          }}
        />
      ) : null}
      {dialog?.kind === 'delete-measure' ? (
        <DeleteMeasureDialog
          measure={dialog.measure}
          write={writes.deleteMeasure}
          onClose={() => setDialog(null)}
          onSubmit={() =>
            writes.deleteMeasure
              .mutateAsync(dialog.measure.id)
              .then(() => done(th.measureDeleted, dialog.measure.goalId ?? undefined))
          }
        />
      ) : null}
      {dialog?.kind === 'done' ? (
        <DoneDialog
          measure={dialog.measure}
          write={writes.markDone}
          onClose={() => setDialog(null)}
          onSubmit={(note) =>
            writes.markDone
              .mutateAsync({ id: dialog.measure.id, note })
              .then(() => done(th.markedDone, dialog.measure.id))
          }
        />
      ) : null}
    </VStack>
  );
}

type MeasureActions = {
  onDone: (m: Measure) => void;
  onReopen: (m: Measure) => void;
  onEdit: (m: Measure) => void;
  onDelete: (m: Measure) => void;
  reopening: string | undefined;
};

function GoalList({
  data,
  actions,
  onEditGoal,
  onDeleteGoal,
  onNewMeasure,
}: {
  data: GoalYear;
  actions: MeasureActions;
  onEditGoal: (g: Goal) => void;
  onDeleteGoal: (g: Goal) => void;
  onNewMeasure: (g: Goal) => void;
}) {
  const th = useI18n().t.hmsMal;
  return (
    <VStack gap="space-24">
      <VStack as="section" gap="space-16" aria-labelledby="hm-goals-heading">
        <Heading level="2" size="medium" id="hm-goals-heading">
          {th.goalsHeading(data.year)}
        </Heading>
        {data.goals.length === 0 ? (
          <Alert variant="info" size="small">
            <BodyShort>{th.noGoals(data.year)}</BodyShort>
            {data.canEdit ? <BodyShort>{th.noGoalsHint}</BodyShort> : null}
          </Alert>
        ) : (
          <ul className="hm-list">
            {data.goals.map((goal) => (
              <li key={goal.id} className="hm-goal" data-goal-id={goal.id}>
                <Box
                  padding="space-16"
                  borderWidth="1"
                  borderRadius="8"
                  borderColor="neutral-subtle"
                  marginBlock="space-0 space-16"
                >
                  <VStack gap="space-12">
                    <Heading level="3" size="small" className="hm-goal-title">
                      {goal.title}
                    </Heading>
                    <HStack gap="space-8" align="center" wrap>
                      <GoalStatusTag status={goal.status} />
                    </HStack>
                    {goal.target ? <BodyShort>{th.target(goal.target)}</BodyShort> : null}
                    {goal.indicator ? (
                      <BodyShort size="small">{th.indicator(goal.indicator)}</BodyShort>
                    ) : null}
                    {goal.description ? <BodyLong className="hm-text">{goal.description}</BodyLong> : null}
                    {data.canEdit ? (
                      <HStack gap="space-8" wrap data-focus-id={goal.id}>
                        <Button
                          type="button"
                          size="xsmall"
                          variant="secondary"
                          aria-label={th.editGoalLabel(goal.title)}
                          onClick={() => onEditGoal(goal)}
                        >
                          {th.edit}
                        </Button>
                        <Button
                          type="button"
                          size="xsmall"
                          variant="secondary"
                          icon={<PlusIcon aria-hidden />}
                          onClick={() => onNewMeasure(goal)}
                        >
                          {th.newMeasureFor(goal.title)}
                        </Button>
                        <Button
                          type="button"
                          size="xsmall"
                          variant="tertiary"
                          aria-label={th.deleteGoalLabel(goal.title)}
                          onClick={() => onDeleteGoal(goal)}
                        >
                          {th.deleteGoal}
                        </Button>
                      </HStack>
                    ) : null}
                    <Heading level="4" size="xsmall">
                      {th.measuresHeading}
                    </Heading>
                    <MeasureList measures={goal.measures} actions={actions} />
                  </VStack>
                </Box>
              </li>
            ))}
          </ul>
        )}
      </VStack>
      {data.standalone.length > 0 ? (
        <VStack as="section" gap="space-12" aria-labelledby="hm-standalone-heading">
          <Heading level="2" size="medium" id="hm-standalone-heading">
            {th.standaloneHeading}
          </Heading>
          <BodyShort size="small">{th.standaloneIntro}</BodyShort>
          <MeasureList measures={data.standalone} actions={actions} />
        </VStack>
      ) : null}
    </VStack>
  );
}

function MeasureList({ measures, actions }: { measures: readonly Measure[]; actions: MeasureActions }) {
  const { t, locale } = useI18n();
  const th = t.hmsMal;
  if (measures.length === 0) return <Detail>{th.noMeasures}</Detail>;
  return (
    <ul className="hm-list">
      {measures.map((m) => (
        <li key={m.id} className="hm-item" data-measure-id={m.id} data-state={m.state} data-focus-id={m.id}>
          <VStack gap="space-8">
            <BodyShort weight="semibold" className="hm-text">
              {m.text}
            </BodyShort>
            <HStack gap="space-8" align="center" wrap>
              <MeasureStateTag state={m.state} />
            </HStack>
            <BodyShort size="small">
              {th.owner(m.ownerName ?? (m.ownerRole ? t.roles[m.ownerRole] : '—'))} ·{' '}
              {th.due(formatDate(m.due))}
            </BodyShort>
            {m.done ? (
              <Box padding="space-8" background="success-soft" borderRadius="4">
                <BodyShort size="small" weight="semibold">
                  {th.doneBy(dateTime(m.done.at, locale), m.done.by)}
                </BodyShort>
                {m.done.note ? (
                  <BodyShort size="small" className="hm-text">
                    {m.done.note}
                  </BodyShort>
                ) : null}
              </Box>
            ) : null}
            {m.canMarkDone || m.canEdit ? (
              <HStack gap="space-8" wrap>
                {m.canMarkDone ? (
                  m.done ? (
                    <Button
                      type="button"
                      size="xsmall"
                      variant="secondary"
                      aria-label={th.reopenLabel(m.text)}
                      loading={actions.reopening === m.id}
                      onClick={() => actions.onReopen(m)}
                    >
                      {th.reopen}
                    </Button>
                  ) : (
                    <Button
                      type="button"
                      size="xsmall"
                      variant="primary"
                      aria-label={th.markDoneLabel(m.text)}
                      onClick={() => actions.onDone(m)}
                    >
                      {th.markDone}
                    </Button>
                  )
                ) : null}
                {m.canEdit ? (
                  <Button
                    type="button"
                    size="xsmall"
                    variant="secondary"
                    aria-label={th.editMeasureLabel(m.text)}
                    onClick={() => actions.onEdit(m)}
                  >
                    {th.edit}
                  </Button>
                ) : null}
                {m.canEdit && !m.done ? (
                  <Button
                    type="button"
                    size="xsmall"
                    variant="tertiary"
                    aria-label={th.deleteMeasureLabel(m.text)}
                    onClick={() => actions.onDelete(m)}
                  >
                    {th.deleteGoal}
                  </Button>
                ) : null}
              </HStack>
            ) : null}
          </VStack>
        </li>
      ))}
    </ul>
  );
}
