/**
 * The main menu, from the modules' manifests (`modules.ts`), in their `order`: an entry shows when the
 * user has one of its roles (if it names any) and its condition holds. Today: admin everything; hr
 * organisation, employees, import; a leader their team; sick leave and tasks for leder/hr/admin;
 * "Mitt fravær" for everyone linked to an employee record; "Min side" for all.
 */
import { hasAnyRole } from '../api/session.ts';
import type { SessionResponse } from '../api/types.ts';
import type { Messages } from '../i18n/messages.ts';
import type { NavEntry } from './module.ts';
import { webModules } from './modules.ts';

export type NavItem = { to: string; label: keyof Messages['nav']; end?: boolean };

const entries = webModules
  .flatMap((m): readonly NavEntry<NavItem['label']>[] => m.navigation ?? [])
  .sort((a, b) => a.order - b.order);

export function navItems(session: SessionResponse): NavItem[] {
  return entries
    .filter((e) => (!e.roles || hasAnyRole(session, ...e.roles)) && (!e.when || e.when(session)))
    .map((e) => ({ to: e.to, label: e.label, end: e.end }));
}
