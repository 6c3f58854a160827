/**
 * The case as a horizontal bar: the periods coloured (and patterned, and labelled) by type, the
 * deadlines as numbered markers, today as a line. The drawing is for the eye only (`aria-hidden`);
 * the same content follows as an ordered list for screen readers, so nothing depends on colour.
 */
import { BodyShort, Detail, Heading, HStack, VStack } from '@navikt/ds-react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { addDays, diffDays } from '../../ui/dates.ts';
import { formatDate } from '../../ui/format.ts';
import type { AbsencePeriod, CaseSummary, MilestoneView, PeriodType } from './types.ts';

type Props = {
  periods: AbsencePeriod[];
  milestones: MilestoneView[];
  current: CaseSummary | null;
  today: string;
};

const ACTIVE = new Set(['overdue', 'due-soon', 'upcoming']);

/** The span to draw: the current case (and what touches it), today, and the next open deadline. */
function range(
  periods: AbsencePeriod[],
  milestones: MilestoneView[],
  current: CaseSummary | null,
  today: string,
) {
  const relevant = current
    ? periods.filter((p) => p.end >= addDays(current.start, -31) && p.start <= addDays(current.end, 31))
    : periods;
  let start = current?.start ?? relevant.reduce((m, p) => (p.start < m ? p.start : m), today);
  let end = today;
  for (const p of relevant) {
    if (p.start < start) start = p.start;
    if (p.end > end) end = p.end;
  }
  const next = milestones
    .filter((m) => m.due !== null && ACTIVE.has(m.state))
    .map((m) => m.due as string)
    .sort()
    .find((d) => d >= today);
  if (next && next > end) end = next;
  if (start > today) start = today;
  const span = Math.max(diffDays(end, start), 14);
  const pad = Math.max(2, Math.round(span * 0.04));
  return { from: addDays(start, -pad), to: addDays(start, span + pad), relevant };
}

export function Timeline({ periods, milestones, current, today }: Props) {
  const { t, locale } = useI18n();
  const ts = t.sykefravaer;
  const { from, to, relevant } = range(periods, milestones, current, today);
  const total = diffDays(to, from) + 1;
  const pos = (d: string) => Math.min(100, Math.max(0, (diffDays(d, from) / total) * 100));
  const numbered = milestones.map((m, i) => ({ m, n: i + 1 }));
  const shown = numbered.filter(({ m }) => m.due !== null && m.due >= from && m.due <= to);
  const sorted = [...relevant].sort((a, b) => a.start.localeCompare(b.start));
  const gradeText = (p: AbsencePeriod) =>
    p.type === 'sykmelding'
      ? p.avventende
        ? ts.avventende.toLowerCase()
        : p.grade !== null
          ? `${p.grade} %`
          : ''
      : '';
  const segmentLabel = (p: AbsencePeriod) =>
    p.type === 'sykmelding' && !p.avventende && p.grade !== null ? `${p.grade} %` : ts.periodShort[p.type];
  const cls = (p: AbsencePeriod) =>
    `sf-seg sf-seg-${p.type}${p.type === 'sykmelding' && (p.avventende || (p.grade ?? 100) < 100) ? ' sf-seg-graded' : ''}`;
  const todayPos = pos(today);
  const usedTypes = [...new Set(sorted.map((p) => p.type))] as PeriodType[];

  // Chronological events for the list read by screen readers.
  type Event = { date: string; text: string; key: string };
  const events: Event[] = [
    ...sorted.map((p) => ({
      date: p.start,
      key: `p-${p.id}`,
      text: ts.timelinePeriod(ts.periodTypes[p.type], formatDate(p.start), formatDate(p.end), gradeText(p)),
    })),
    ...shown.map(({ m, n }) => ({
      date: m.due as string,
      key: `m-${m.key}`,
      text: `${n}. ${ts.timelineDeadline(ts.milestones[m.key], formatDate(m.due), ts.states[m.state])}`,
    })),
    { date: today, key: 'today', text: ts.timelineTodayItem(formatDate(today)) },
  ].sort((a, b) => a.date.localeCompare(b.date));

  return (
    <VStack as="section" gap="space-12" aria-labelledby="sf-timeline-heading">
      <Heading level="2" size="medium" id="sf-timeline-heading">
        {ts.timelineHeading}
      </Heading>
      <div className="sf-timeline" aria-hidden="true">
        <div
          className="sf-tl-today-label"
          style={{ left: `${todayPos}%` }}
          data-edge={todayPos > 85 ? 'end' : todayPos < 15 ? 'start' : undefined}
        >
          {ts.timelineToday} {formatDate(today)}
        </div>
        <div className="sf-tl-track">
          {sorted.map((p) => {
            const left = pos(p.start);
            const width = Math.max(0.8, pos(addDays(p.end, 1)) - left);
            return (
              <div key={p.id} className={cls(p)} style={{ left: `${left}%`, width: `${width}%` }}>
                <span className="sf-seg-label">{segmentLabel(p)}</span>
              </div>
            );
          })}
          {shown.map(({ m }) => (
            <div
              key={m.key}
              className={`sf-tl-marker sf-tl-marker-${m.state}`}
              style={{ left: `${pos(m.due as string)}%` }}
            />
          ))}
          <div className="sf-tl-today" style={{ left: `${todayPos}%` }} />
        </div>
        <div className="sf-tl-pins">
          {shown.map(({ m, n }) => (
            <span
              key={m.key}
              className={`sf-tl-pin sf-tl-pin-${m.state}`}
              style={{ left: `${pos(m.due as string)}%` }}
            >
              {n}
            </span>
          ))}
        </div>
        <div className="sf-tl-axis">
          <Detail as="span">{formatDate(from)}</Detail>
          <Detail as="span">{formatDate(to)}</Detail>
        </div>
        <HStack as="ul" gap="space-8" wrap className="sf-tl-legend">
          {usedTypes.map((type) => (
            <li key={type}>
              <span className={`sf-swatch sf-seg-${type}`} />
              <Detail as="span">{ts.periodTypes[type]}</Detail>
            </li>
          ))}
          <li>
            <span className="sf-swatch sf-swatch-today" />
            <Detail as="span">{ts.timelineToday}</Detail>
          </li>
        </HStack>
        {shown.length > 0 ? (
          <ol className="sf-tl-keys">
            {shown.map(({ m, n }) => (
              <li key={m.key}>
                <span className={`sf-tl-pin sf-tl-pin-static sf-tl-pin-${m.state}`}>{n}</span>
                <BodyShort as="span" size="small">
                  {ts.milestones[m.key]} · {formatDate(m.due)} · {ts.states[m.state]}
                </BodyShort>
              </li>
            ))}
          </ol>
        ) : null}
      </div>
      <ol className="sr-only" aria-label={ts.timelineListCaption} lang={locale}>
        {events.map((e) => (
          <li key={e.key}>{e.text}</li>
        ))}
      </ol>
    </VStack>
  );
}
