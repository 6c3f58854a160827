/**
 * Small shared pieces of the internkontroll pages: the duties in the order they are shown, the tags
 * (a duty's status, lovkrav/anbefalt/egen, an årshjul item's state), and numbers as people write them.
 */
import { CheckmarkIcon, ExclamationmarkTriangleIcon } from '@navikt/aksel-icons';
import { Tag, type TagProps } from '@navikt/ds-react';
import { DUTY_KEYS, type DutyKey } from '../../../../src/domain/internkontroll/types.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import type { Locale } from '../../i18n/types.ts';
import type { ArshjulItem } from './api.ts';
import type { DutyStatus } from './messages.ts';

type AkselColor = NonNullable<TagProps['data-color']>;

/** Where each duty comes on the page: the organisation-wide duties first, the conditional ones after. */
const RANK: Record<DutyKey, number> = {
  internkontroll: 1,
  leaderHmsTraining: 2,
  verneombud: 3,
  hovedverneombud: 4,
  amu: 5,
  bht: 6,
  varslingRoutine: 7,
  injuryRegister: 8,
  sickLeaveStatistics: 9,
  stoffkartotek: 10,
  exposureRegister: 11,
  voAmuTraining40h: 12,
  nightWorkHealthCheck: 13,
  bhtPlanAndAnnualReport: 14,
  amuAnnualReport: 15,
};

/** All fifteen duties, in the order of the page. */
export const DUTY_ORDER: readonly DutyKey[] = [...DUTY_KEYS].sort((a, b) => RANK[a] - RANK[b]);

const STATUS_COLOR: Record<DutyStatus, AkselColor> = {
  required: 'info',
  'required-unless-agreement': 'info',
  'alternative-agreement': 'success',
  'on-demand': 'meta-purple',
  'not-required': 'neutral',
  'required-by-nace': 'info',
  ordered: 'info',
  'required-by-risk': 'info',
  'assess-risk': 'warning',
  'needs-verification': 'warning',
  recommended: 'success',
  'not-applicable': 'neutral',
};

/** A duty's status in words, coloured by what it asks of the organisation. */
export function DutyStatusTag({ status }: { status: DutyStatus }) {
  const t = useT();
  const icon = status === 'needs-verification' ? <ExclamationmarkTriangleIcon aria-hidden /> : undefined;
  return (
    <Tag variant="moderate" size="small" data-color={STATUS_COLOR[status]} icon={icon} className="ik-status">
      {t.internkontroll.statuses[status]}
    </Tag>
  );
}

const KIND_COLOR: Record<ArshjulItem['kind'], AkselColor> = {
  lovkrav: 'accent',
  anbefalt: 'neutral',
  egen: 'brand-beige',
};

/** «Lovkrav» only where law or regulation says so; «Anbefalt» for guidance and product defaults. */
export function KindTag({ kind }: { kind: ArshjulItem['kind'] }) {
  const t = useT();
  return (
    <Tag variant="outline" size="xsmall" data-color={KIND_COLOR[kind]}>
      {t.internkontroll.kinds[kind]}
    </Tag>
  );
}

const STATE_COLOR: Record<ArshjulItem['state'], AkselColor> = {
  done: 'success',
  overdue: 'danger',
  'due-soon': 'warning',
  upcoming: 'neutral',
};

export function StateTag({ state }: { state: ArshjulItem['state'] }) {
  const t = useT();
  const icon =
    state === 'overdue' ? (
      <ExclamationmarkTriangleIcon aria-hidden />
    ) : state === 'done' ? (
      <CheckmarkIcon aria-hidden />
    ) : undefined;
  return (
    <Tag variant="moderate" size="small" data-color={STATE_COLOR[state]} icon={icon}>
      {t.internkontroll.states[state]}
    </Tag>
  );
}

/** `35.5` → `35,5` (bokmål) / `35.5` (English); at most one decimal. */
export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 }).format(n);
}

/**
 * A number as typed: `12`, `12,5`, `12.5`, `1 200`. Returns undefined for an empty field and NaN for
 * anything that is not a plain non-negative number.
 */
export function parseNumber(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (compact === '') return undefined;
  return /^\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

/**
 * A reason the server writes as a sentence («Dere har …»), made a clause to follow «fordi»
 * («… fordi dere har …»). An acronym at the start («BHT-plikten», «AMU») keeps its capitals.
 */
export function asClause(sentence: string): string {
  const [first, second] = sentence;
  if (!first || (second && second !== second.toLowerCase())) return sentence;
  return first.toLowerCase() + sentence.slice(1);
}
