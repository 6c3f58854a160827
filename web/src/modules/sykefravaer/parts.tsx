/**
 * Small shared pieces of the sick-leave pages: the state tags (of a milestone; of a task or an agreed
 * action), and the feedback of a failed write with the sick-leave pages' words.
 */
import { CheckmarkIcon, ExclamationmarkTriangleIcon } from '@navikt/aksel-icons';
import { Tag, type TagProps } from '@navikt/ds-react';
import { useI18n, useT } from '../../i18n/I18nProvider.tsx';
import * as writeFeedback from '../../ui/WriteFeedback.tsx';
import { actionTexts } from './actions.texts.ts';
import type { MilestoneStateKind } from './types.ts';

type AkselColor = NonNullable<TagProps['data-color']>;

const COLOR: Record<MilestoneStateKind, AkselColor> = {
  overdue: 'danger',
  'due-soon': 'warning',
  upcoming: 'success',
  done: 'success',
  exempted: 'neutral',
  'not-required': 'neutral',
  informational: 'info',
};

/** The state of a milestone as an Aksel tag: colour, an icon for the urgent ones, and always the word. */
export function StateTag({
  state,
  size = 'small',
}: {
  state: MilestoneStateKind;
  size?: 'small' | 'medium' | 'xsmall';
}) {
  const t = useT();
  const icon =
    state === 'overdue' ? (
      <ExclamationmarkTriangleIcon aria-hidden />
    ) : state === 'done' ? (
      <CheckmarkIcon aria-hidden />
    ) : undefined;
  return (
    <Tag variant="moderate" data-color={COLOR[state]} size={size} icon={icon} className="sf-state-tag">
      {t.sykefravaer.states[state]}
    </Tag>
  );
}

const DEADLINE_COLOR = {
  done: 'success',
  overdue: 'danger',
  'due-soon': 'warning',
  upcoming: 'neutral',
  'no-deadline': 'neutral',
} as const satisfies Record<string, AkselColor>;

export type DeadlineState = keyof typeof DEADLINE_COLOR;

/** The state of a routine task or an agreed action (done, overdue, due soon, upcoming, no deadline). */
export function DeadlineStateTag({ state }: { state: DeadlineState }) {
  const { locale } = useI18n();
  return (
    <Tag variant="moderate" size="small" data-color={DEADLINE_COLOR[state]} className="sf-state-tag">
      {actionTexts(locale).states[state]}
    </Tag>
  );
}

function useReloadTexts(): writeFeedback.ReloadTexts {
  const t = useT();
  return { reload: t.sykefravaer.conflictReload, reloaded: t.sykefravaer.reloaded };
}

/** A failed write to a case: "someone else changed it first" offers to load the latest version. */
export function WriteError({ error, onReload }: { error: unknown; onReload: () => Promise<unknown> }) {
  const texts = useReloadTexts();
  return <writeFeedback.WriteError error={error} onReload={onReload} reloadLabel={texts.reload} />;
}

/** Shown after the latest version of the case was loaded following a conflict. */
export function ReloadedNotice() {
  return <writeFeedback.ReloadedNotice>{useReloadTexts().reloaded}</writeFeedback.ReloadedNotice>;
}

type Write = { isError: boolean; error: unknown; reset(): void };

/** `useWriteFeedback` of `ui/WriteFeedback.tsx` with the sick-leave pages' words. */
export function useWriteFeedback(write: Write, onReload: () => Promise<unknown>) {
  return writeFeedback.useWriteFeedback(write, onReload, useReloadTexts());
}
