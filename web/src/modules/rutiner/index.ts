/**
 * Rutiner — the HMS handbook: «Rutiner» under internkontroll (the library, a routine with its text,
 * versions and who has not read it; the form for admin/HR) and «Mine rutiner» (read and confirm).
 * The front page shows `UnreadRoutinesNotice` to an employee with routines to read.
 */
import type { WebModule } from '../../app/module.ts';
import { MineRutinerPage, MinRutinePage } from './MineRutinerPage.tsx';
import { messages, type RutinerMessages } from './messages.ts';
import { EditRutinePage, NewRutinePage } from './RutineFormPage.tsx';
import { RutinePage } from './RutinePage.tsx';
import { RutinerPage } from './RutinerPage.tsx';
import { RutineVersionPage } from './RutineVersionPage.tsx';

export { UnreadRoutinesNotice } from './UnreadRoutinesNotice.tsx';

/** Who reads the whole handbook (as the API lets them). */
const READERS = ['admin', 'hr', 'leder', 'verneombud'] as const;
const EDITORS = ['admin', 'hr'] as const;

export const rutinerModule: WebModule<RutinerMessages> = {
  name: 'rutiner',
  messages,
  routes: [
    { path: 'internkontroll/rutiner', page: RutinerPage, roles: READERS },
    { path: 'internkontroll/rutiner/ny', page: NewRutinePage, roles: EDITORS },
    { path: 'internkontroll/rutiner/:id', page: RutinePage, roles: READERS },
    { path: 'internkontroll/rutiner/:id/endre', page: EditRutinePage, roles: EDITORS },
    { path: 'internkontroll/rutiner/:id/versjoner/:version', page: RutineVersionPage, roles: READERS },
    { path: 'mine-rutiner', page: MineRutinerPage },
    { path: 'mine-rutiner/:id', page: MinRutinePage },
  ],
  navigation: [
    {
      to: '/internkontroll/rutiner',
      label: 'rutiner',
      order: 105,
      roles: READERS,
      parent: '/internkontroll',
    },
    { to: '/mine-rutiner', label: 'mineRutiner', order: 71, when: (s) => s.employeeId !== null },
  ],
};
