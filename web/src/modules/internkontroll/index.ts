/**
 * Internkontroll, the first HMS module: «Hva gjelder for oss» (the duties derived from the company
 * profile), the company profile itself (admin/HR) and the årshjul.
 */
import type { WebModule } from '../../app/module.ts';
import { ArshjulPage } from './ArshjulPage.tsx';
import { DutiesPage } from './DutiesPage.tsx';
import { IkPage } from './IkPage.tsx';
import { type InternkontrollMessages, messages } from './messages.ts';
import { ProfilePage } from './ProfilePage.tsx';

/** Who reads the duties and the årshjul (as the API lets them). */
const READERS = ['admin', 'hr', 'leder', 'verneombud', 'amu', 'bht', 'tillitsvalgt'] as const;

export const internkontrollModule: WebModule<InternkontrollMessages> = {
  name: 'internkontroll',
  messages,
  routes: [
    { path: 'internkontroll', page: IkPage, roles: READERS },
    { path: 'internkontroll/plikter', page: DutiesPage, roles: READERS },
    { path: 'internkontroll/profil', page: ProfilePage, roles: ['admin', 'hr'] },
    { path: 'internkontroll/arshjul', page: ArshjulPage, roles: READERS },
  ],
  navigation: [
    { to: '/internkontroll', label: 'internkontroll', order: 55, roles: READERS },
    // The section menu of every page under /internkontroll (the HMS modules add theirs).
    {
      to: '/internkontroll',
      label: 'ikOversikt',
      order: 100,
      end: true,
      roles: READERS,
      parent: '/internkontroll',
    },
    {
      to: '/internkontroll/plikter',
      label: 'ikPlikter',
      order: 101,
      roles: READERS,
      parent: '/internkontroll',
    },
    {
      to: '/internkontroll/arshjul',
      label: 'ikArshjul',
      order: 102,
      roles: READERS,
      parent: '/internkontroll',
    },
    {
      to: '/internkontroll/profil',
      label: 'ikProfil',
      order: 120,
      roles: ['admin', 'hr'],
      parent: '/internkontroll',
    },
  ],
};
