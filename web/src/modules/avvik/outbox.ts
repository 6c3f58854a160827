/**
 * The offline outbox of avvik reports: a report that could not be sent (no network) is kept on the
 * device in IndexedDB — with its photos, already made small — and sent when the network returns.
 * Exactly once: each report keeps the id made when it was written, and the server answers a
 * replay with the stored record, so a report sent twice (two tabs, a lost answer) is stored once.
 * Entries belong to the user and organisation that wrote them; another login on the same device
 * never sends them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type DBSchema, openDB } from 'idb';
import { useCallback, useEffect, useState } from 'react';
import type { AvvikReport } from '../../../../src/contracts/avvik/avvik.schemas.ts';
import { isApiError } from '../../api/client.ts';
import { isOfflineSession, useSessionQuery } from '../../api/session.ts';
import { avvikKey, sendReport } from './api.ts';

export type OutboxEntry = {
  id: string;
  userId: string;
  organisationId: string;
  report: AvvikReport;
  photos: { id: string; blob: Blob }[];
  queuedAt: string;
};

interface OutboxDb extends DBSchema {
  outbox: { key: string; value: OutboxEntry };
}

const database = () =>
  openDB<OutboxDb>('naervaer-avvik', 1, {
    upgrade(db) {
      db.createObjectStore('outbox', { keyPath: 'id' });
    },
  });

export async function queueReport(entry: OutboxEntry): Promise<void> {
  await (await database()).put('outbox', entry);
}

export async function pendingReports(userId: string, organisationId: string): Promise<OutboxEntry[]> {
  const all = await (await database()).getAll('outbox');
  return all.filter((e) => e.userId === userId && e.organisationId === organisationId);
}

/** No answer from the server at all (offline, DNS, a dropped connection). */
export const isOffline = (error: unknown) => isApiError(error) && error.status === 0;

let flushing: Promise<number> | null = null;

/** Sends what waits, oldest first; stops at the first network failure. Returns how many were sent. */
export function flushOutbox(userId: string, organisationId: string): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    try {
      const entries = (await pendingReports(userId, organisationId)).sort((a, b) =>
        a.queuedAt.localeCompare(b.queuedAt),
      );
      for (const entry of entries) {
        try {
          await sendReport(entry.report, entry.photos);
        } catch (error) {
          if (isOffline(error)) break;
          // Refused by the server (e.g. the place was removed): it would never go through; drop it.
        }
        await (await database()).delete('outbox', entry.id);
        sent++;
      }
    } finally {
      flushing = null;
    }
    return sent;
  })();
  return flushing;
}

/**
 * The reports waiting on this device, and sending them when the browser is back online — or, after a
 * cold start without network, as soon as the server has confirmed the session (the offline snapshot
 * has no CSRF token, and a refused send would be dropped; ADR 0022).
 */
export function useOutbox(userId: string | null, organisationId: string | null) {
  const client = useQueryClient();
  const { data: session } = useSessionQuery();
  const confirmed = session !== undefined && !isOfflineSession(session);
  const [pending, setPending] = useState(0);
  const refresh = useCallback(async () => {
    if (!userId || !organisationId) return;
    setPending((await pendingReports(userId, organisationId)).length);
  }, [userId, organisationId]);
  const flush = useCallback(async () => {
    if (!userId || !organisationId) return;
    if (confirmed && navigator.onLine && (await flushOutbox(userId, organisationId)) > 0) {
      await client.invalidateQueries({ queryKey: avvikKey });
    }
    await refresh();
  }, [userId, organisationId, confirmed, client, refresh]);
  useEffect(() => {
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [flush]);
  return { pending, refresh, flush };
}
