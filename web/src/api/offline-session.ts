/**
 * The offline session snapshot (ADR 0022): what the app keeps on the device so that the installed
 * app, opened without network, can show the avvik report form and put the report in the outbox.
 *
 * Kept (localStorage, this origin only): the user's id, the organisation's id, the roles, the
 * language, when it was saved, and the organisation's places (unit ids and names — the
 * organisation's structure, not personal data). NOT kept: the name, the e-mail, the CSRF token, the
 * organisations list, anything about health or a case. On a shared phone the next person sees at most
 * a form that files reports in the outbox of the previous user's id — which is sent only when that
 * user logs in again — so the snapshot ends: on logout, when the server says the visitor is not
 * logged in, on a change of organisation (replaced), and after `MAX_AGE_DAYS` (product default).
 * It is only ever used while the server cannot be reached; any answer from the server wins.
 */
import type { Role, SessionResponse } from './types.ts';

const KEY = 'naervaer.offline-session.v1';
/** Product default: a week without network; after that the app asks for a login as before. */
export const MAX_AGE_DAYS = 7;

export type Place = { id: string; name: string };

export type OfflineSnapshot = {
  userId: string;
  organisationId: string;
  roles: Role[];
  locale: NonNullable<SessionResponse['user']>['locale'];
  savedAt: string;
  places: Place[];
};

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function isSnapshot(value: unknown): value is OfflineSnapshot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.userId === 'string' &&
    typeof v.organisationId === 'string' &&
    Array.isArray(v.roles) &&
    typeof v.savedAt === 'string' &&
    Array.isArray(v.places)
  );
}

/** The snapshot, if one is kept and not older than `MAX_AGE_DAYS` at `now`. */
export function readSnapshot(now: Date = new Date()): OfflineSnapshot | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    clearSnapshot();
    return null;
  }
  if (!isSnapshot(parsed)) {
    clearSnapshot();
    return null;
  }
  const age = now.getTime() - new Date(parsed.savedAt).getTime();
  if (!(age >= 0 && age <= MAX_AGE_DAYS * 86_400_000)) {
    clearSnapshot();
    return null;
  }
  return parsed;
}

export function clearSnapshot(): void {
  storage()?.removeItem(KEY);
}

/** Called with every session the server returns: keeps, replaces or ends the snapshot. */
export function rememberSession(session: SessionResponse, now: Date = new Date()): void {
  if (!session.authenticated || !session.user || !session.organisation) {
    clearSnapshot();
    return;
  }
  const previous = readSnapshot(now);
  const same =
    previous && previous.userId === session.user.id && previous.organisationId === session.organisation.id;
  const snapshot: OfflineSnapshot = {
    userId: session.user.id,
    organisationId: session.organisation.id,
    roles: session.roles,
    locale: session.user.locale,
    savedAt: now.toISOString(),
    places: same ? previous.places : [],
  };
  storage()?.setItem(KEY, JSON.stringify(snapshot));
}

/** The places list last read online (for the report form offline); only for the snapshot's user. */
export function rememberPlaces(places: Place[]): void {
  const snapshot = readSnapshot();
  if (!snapshot) return;
  storage()?.setItem(KEY, JSON.stringify({ ...snapshot, places }));
}

/** Marks a session made from the snapshot; the rest of the app treats it as logged in. */
const OFFLINE_TOKEN = '';
const offlineSessions = new WeakSet<SessionResponse>();

export function sessionFromSnapshot(snapshot: OfflineSnapshot): SessionResponse {
  const session: SessionResponse = {
    authenticated: true,
    csrfToken: OFFLINE_TOKEN,
    user: { id: snapshot.userId, name: '', email: '', locale: snapshot.locale },
    organisation: { id: snapshot.organisationId, name: '', orgnr: '' },
    roles: snapshot.roles,
    employeeId: null,
    organisations: [],
    security: null,
  };
  offlineSessions.add(session);
  return session;
}

/** True for a session made from the snapshot (no server has confirmed it yet). */
export function isOfflineSession(session: SessionResponse | undefined): boolean {
  return session !== undefined && offlineSessions.has(session);
}
