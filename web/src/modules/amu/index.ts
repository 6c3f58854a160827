/**
 * The arbeidsmiljøutvalg (`/amu`): meetings with their agenda data and minutes, «krav om møte», and
 * the årsrapport. Everyone reads the published minutes; members, HR and admin write; the BHT reads
 * everything (as the API lets them).
 */
import type { WebModule } from '../../app/module.ts';
import { AmuPage } from './AmuPage.tsx';
import { ArsrapportPage } from './ArsrapportPage.tsx';
import { MeetingPage } from './MeetingPage.tsx';
import { type AmuMessages, messages } from './messages.ts';

/** Everyone: the published minutes (FOLM § 2-3 e). */
const EVERYONE = ['admin', 'hr', 'amu', 'bht', 'leder', 'ansatt', 'verneombud', 'tillitsvalgt'] as const;
/** The committee's records: its members, HR/admin and the BHT. */
const READERS = ['admin', 'hr', 'amu', 'bht'] as const;

export const amuModule: WebModule<AmuMessages> = {
  name: 'amu',
  messages,
  routes: [
    { path: 'amu', page: AmuPage, roles: EVERYONE },
    { path: 'amu/moter/:id', page: MeetingPage, roles: EVERYONE },
    { path: 'amu/arsrapport', page: ArsrapportPage, roles: READERS },
  ],
  navigation: [
    { to: '/amu', label: 'amu', order: 59, roles: EVERYONE },
    { to: '/amu', label: 'amuMoter', order: 140, end: true, roles: EVERYONE, parent: '/amu' },
    { to: '/amu/arsrapport', label: 'amuArsrapport', order: 141, roles: READERS, parent: '/amu' },
  ],
};
