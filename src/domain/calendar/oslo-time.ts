/**
 * Wall-clock time in Norway (Europe/Oslo, with summer time) for meetings: `YYYY-MM-DDTHH:MM` as
 * people type it ↔ the instant stored. Pure (Intl only), so the server and the web agree.
 */
export const OSLO_TZ = 'Europe/Oslo';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: OSLO_TZ,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function osloOffsetMs(utcMs: number): number {
  const p: Record<string, number> = {};
  for (const x of partsFormat.formatToParts(new Date(utcMs))) p[x.type] = Number(x.value);
  const n = (k: string) => p[k] ?? 0;
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** `YYYY-MM-DDTHH:MM` in Norway → the instant. */
export function osloLocalToDate(local: string): Date {
  const [d = '', t = ''] = local.split('T');
  const [y = 0, m = 1, day = 1] = d.split('-').map(Number);
  const [hh = 0, mm = 0] = t.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, day, hh, mm);
  const first = guess - osloOffsetMs(guess);
  return new Date(guess - osloOffsetMs(first));
}

const localFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: OSLO_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** The instant as Norwegian local time, `YYYY-MM-DDTHH:MM`. */
export function dateToOsloLocal(at: Date): string {
  return localFormat.format(at).replace(' ', 'T');
}

const dayFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: OSLO_TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day in Norway at the instant `at`, `YYYY-MM-DD` (the caller supplies the instant). */
export function osloDateOf(at: Date): string {
  return dayFormat.format(at);
}
