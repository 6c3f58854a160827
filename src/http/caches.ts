/**
 * The in-process read caches of one app (see src/db/read-cache.ts): built from the database's
 * change feed when the server runs with caching on (the default; `CACHE=false` turns it off).
 */
import type { ChangeFeed } from '../db/change-feed.ts';
import { ReadCache } from '../db/read-cache.ts';
import { createSessionCache, type StoredSession } from '../modules/auth/sessions.ts';
import {
  createEmployeeListCache,
  type EmployeeListCache,
} from '../modules/employees/employees.repository.ts';
import type { Oppgaver } from '../modules/sykefravaer/rutine.schemas.ts';
import { OPPGAVER_TABLES } from '../modules/sykefravaer/rutine.service.ts';

export type AppCaches = {
  sessions: ReadCache<StoredSession>;
  employeeList: EmployeeListCache;
  /** "Mine oppgaver" per organisation, scope and day. */
  oppgaver: ReadCache<Oppgaver>;
  /**
   * After a state-changing request of this process, before its answer leaves: what it may have
   * changed is dropped here at once (the database's notification reaches other processes, and on
   * PostgreSQL this one too, a moment later).
   */
  afterLocalWrite(organisationId: string | null): void;
  close(): void;
};

export function createAppCaches(feed: ChangeFeed): AppCaches {
  const sessions = createSessionCache(feed);
  const employeeList = createEmployeeListCache(feed);
  const oppgaver = new ReadCache<Oppgaver>({
    feed,
    tables: OPPGAVER_TABLES,
    partitionOf: (change) => change.organisationId,
    max: 2_000,
    ttlMs: 10 * 60_000,
  });
  const byOrganisation = [employeeList.pages, employeeList.totals, oppgaver];
  return {
    sessions,
    employeeList,
    oppgaver,
    afterLocalWrite(organisationId) {
      sessions.clear();
      for (const cache of byOrganisation) {
        if (organisationId === null) cache.clear();
        else cache.invalidate(organisationId);
      }
    },
    close() {
      sessions.close();
      for (const cache of byOrganisation) cache.close();
    },
  };
}
