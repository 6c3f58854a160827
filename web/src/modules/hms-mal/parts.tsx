/** Small shared pieces of the HMS goal pages: status tags and the year in the address. */
import { CheckmarkIcon, ExclamationmarkTriangleIcon } from '@navikt/aksel-icons';
import { Tag, type TagProps } from '@navikt/ds-react';
import type { GoalStatus, MeasureState } from '../../../../src/domain/hms-mal/index.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { todayIso } from '../../ui/dates.ts';
import { formatDate } from '../../ui/format.ts';

type AkselColor = NonNullable<TagProps['data-color']>;

const GOAL_COLOR: Record<GoalStatus, AkselColor> = {
  planlagt: 'neutral',
  pagar: 'info',
  nadd: 'success',
  'ikke-nadd': 'warning',
};

export function GoalStatusTag({ status }: { status: GoalStatus }) {
  const t = useT();
  return (
    <Tag variant="moderate" size="small" data-color={GOAL_COLOR[status]} className="hm-goal-status">
      {t.hmsMal.statuses[status]}
    </Tag>
  );
}

const STATE_COLOR: Record<MeasureState, AkselColor> = {
  done: 'success',
  overdue: 'danger',
  'due-soon': 'warning',
  open: 'neutral',
};

export function MeasureStateTag({ state }: { state: MeasureState }) {
  const t = useT();
  const icon =
    state === 'overdue' ? (
      <ExclamationmarkTriangleIcon aria-hidden />
    ) : state === 'done' ? (
      <CheckmarkIcon aria-hidden />
    ) : undefined;
  return (
    <Tag variant="moderate" size="small" data-color={STATE_COLOR[state]} icon={icon}>
      {t.hmsMal.states[state]}
    </Tag>
  );
}

export function currentYear(): number {
  return Number(todayIso().slice(0, 4));
}

/** The year in the address, or this year (Norwegian time). */
export function yearFrom(param: string | null): number {
  const year = Number(param);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentYear();
}

/** A timestamp's calendar day in Norway, as `dd.mm.åååå`. */
export function osloDate(ts: string): string {
  return formatDate(todayIso(new Date(ts)));
}
