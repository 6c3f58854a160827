/**
 * Sykefraværsstatistikk (`/statistikk`): the rate by SSB's and NAV's definitions, masked for groups
 * under 5 persons, for admin, HR and AMU members (the organisation) and leaders (their units).
 */
import type { WebModule } from '../../app/module.ts';
import { messages, type StatistikkMessages } from './messages.ts';
import { StatistikkPage } from './StatistikkPage.tsx';

/** Who reads the statistics (as the API lets them). */
const READERS = ['admin', 'hr', 'amu', 'leder'] as const;

export const statistikkModule: WebModule<StatistikkMessages> = {
  name: 'statistikk',
  messages,
  routes: [{ path: 'statistikk', page: StatistikkPage, roles: READERS }],
  navigation: [{ to: '/statistikk', label: 'statistikk', order: 58, roles: READERS }],
};
