/**
 * Avvik: «Meld avvik» for everyone with a login, the list of own reports and reports to handle,
 * one avvik's page (handling), the § 5-1 injury register and the trends. A section of its own in the menu.
 */
import { createElement, lazy, Suspense } from 'react';
import type { WebModule } from '../../app/module.ts';
import { AvvikPage } from './AvvikPage.tsx';
import { ListPage } from './ListPage.tsx';
import { type AvvikMessages, messages } from './messages.ts';
import { RegisterPage } from './RegisterPage.tsx';
import { ReportPage } from './ReportPage.tsx';

/** Everyone with a login reports and sees their own (as the API lets them). */
const EVERYONE = ['admin', 'hr', 'leder', 'ansatt', 'verneombud', 'tillitsvalgt', 'amu', 'bht'] as const;
/** The § 5-1 register: aml § 5-1 (3). */
const REGISTER = ['admin', 'hr', 'verneombud', 'bht', 'amu'] as const;
/** Trends: leaders, VO, HR, admin and AMU (aggregates). */
const TRENDS = ['admin', 'hr', 'leder', 'verneombud', 'amu'] as const;

// The charts library is loaded only when the trends page is opened (it would double the app's bundle).
const LazyTrends = lazy(() => import('./TrendsPage.tsx').then((m) => ({ default: m.TrendsPage })));
function TrendsPage() {
  return createElement(Suspense, { fallback: null }, createElement(LazyTrends));
}

export const avvikModule: WebModule<AvvikMessages> = {
  name: 'avvik',
  messages,
  routes: [
    { path: 'avvik', page: ListPage, roles: EVERYONE },
    { path: 'avvik/ny', page: ReportPage, roles: EVERYONE },
    { path: 'avvik/skaderegister', page: RegisterPage, roles: REGISTER },
    { path: 'avvik/trender', page: TrendsPage, roles: TRENDS },
    { path: 'avvik/:id', page: AvvikPage, roles: EVERYONE },
  ],
  navigation: [
    { to: '/avvik', label: 'avvik', order: 57, roles: EVERYONE },
    { to: '/avvik/ny', label: 'avvikMeld', order: 100, roles: EVERYONE, parent: '/avvik' },
    { to: '/avvik', label: 'avvikListe', order: 101, end: true, roles: EVERYONE, parent: '/avvik' },
    { to: '/avvik/skaderegister', label: 'avvikRegister', order: 102, roles: REGISTER, parent: '/avvik' },
    { to: '/avvik/trender', label: 'avvikTrender', order: 103, roles: TRENDS, parent: '/avvik' },
  ],
};
