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

const visible = (session: SessionResponse) => (e: NavEntry<NavItem['label']>) =>
  (!e.roles || hasAnyRole(session, ...e.roles)) && (!e.when || e.when(session));

const item = (e: NavEntry<NavItem['label']>): NavItem => ({ to: e.to, label: e.label, end: e.end });

/** The main menu: every visible entry that sits under no other. */
export function navItems(session: SessionResponse): NavItem[] {
  return entries.filter((e) => e.parent === undefined && visible(session)(e)).map(item);
}

/** Below a main-menu entry with children: that entry's label and its visible children, in order. */
export type Section = { label: NavItem['label']; items: NavItem[] };

export function sectionFor(session: SessionResponse, pathname: string): Section | null {
  const parent = entries.find(
    (e) =>
      e.parent === undefined &&
      (pathname === e.to || pathname.startsWith(`${e.to}/`)) &&
      entries.some((c) => c.parent === e.to),
  );
  if (!parent || !visible(session)(parent)) return null;
  const items = entries.filter((e) => e.parent === parent.to && visible(session)(e)).map(item);
  return items.length > 0 ? { label: parent.label, items } : null;
}
