/**
 * What the navigation shows, by role: admin everything; hr organisation, employees, import; leder their
 * team; sick leave for leder/hr/admin; "Mitt fravær" for everyone linked to an employee record.
 */
import type { Role, SessionResponse } from '../api/types.ts';
import type { Messages } from '../i18n/messages.ts';

export type NavItem = { to: string; label: keyof Messages['nav']; end?: boolean };

const canManagePeople = (roles: readonly Role[]) => roles.includes('admin') || roles.includes('hr');

export function navItems(session: SessionResponse): NavItem[] {
  const roles = session.roles;
  const items: NavItem[] = [{ to: '/', label: 'home', end: true }];
  if (canManagePeople(roles)) {
    items.push({ to: '/organisasjon', label: 'organisation' });
    items.push({ to: '/ansatte', label: 'employees' });
    items.push({ to: '/import', label: 'import' });
  } else if (roles.includes('leder')) {
    items.push({ to: '/ansatte', label: 'myEmployees' });
  }
  if (canManagePeople(roles) || roles.includes('leder')) {
    items.push({ to: '/sykefravaer', label: 'sykefravaer' });
    items.push({ to: '/oppgaver', label: 'oppgaver' });
  }
  if (roles.includes('admin')) items.push({ to: '/brukere', label: 'users' });
  if (session.employeeId !== null) items.push({ to: '/mitt-fravaer', label: 'myAbsence' });
  items.push({ to: '/min-side', label: 'myPage' });
  return items;
}

export function canManageEmployees(session: SessionResponse): boolean {
  return canManagePeople(session.roles);
}
