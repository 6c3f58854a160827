/**
 * «Hvem har åpnet saken»: one line per person, day and kind (opened / refused), not one per request —
 * a leader reading a case and its plan makes several requests in a minute — with what was opened
 * (the case, the plan, a referat, a dialogmøte, a letter). Pure, so it is tested
 * without a browser.
 */
import { dateToOsloLocal } from '../../../../src/domain/calendar/oslo-time.ts';
import type { AccessLogDocument, AccessLogEntry } from './types.ts';

export interface AccessLogGroup {
  key: string;
  by: AccessLogEntry['by'];
  roles: string[];
  /** The day in Norway, `YYYY-MM-DD`. */
  day: string;
  denied: boolean;
  count: number;
  /** The first and the last time that day, `HH:MM` in Norway. */
  from: string;
  to: string;
  /** What was opened that day: the case and/or its documents, newest first. */
  opened: ('case' | AccessLogDocument)[];
}

/** Entries newest first (as the API gives them) → groups newest first. */
export function groupAccessLog(entries: readonly AccessLogEntry[]): AccessLogGroup[] {
  const groups = new Map<string, AccessLogGroup>();
  for (const e of entries) {
    const local = dateToOsloLocal(new Date(e.at));
    const day = local.slice(0, 10);
    const time = local.slice(11, 16);
    const denied = e.action === 'denied';
    const key = `${e.by.id ?? `name:${e.by.name}`}|${day}|${denied ? 'denied' : 'read'}`;
    const what = e.document ?? 'case';
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        key,
        by: e.by,
        roles: [...e.roles],
        day,
        denied,
        count: 1,
        from: time,
        to: time,
        opened: [what],
      });
      continue;
    }
    if (!group.opened.includes(what)) group.opened.push(what);
    group.count += 1;
    if (time < group.from) group.from = time;
    if (time > group.to) group.to = time;
    for (const r of e.roles) if (!group.roles.includes(r)) group.roles.push(r);
  }
  return [...groups.values()];
}
