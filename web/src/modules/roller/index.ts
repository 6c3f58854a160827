/**
 * Roller og verv: who holds the HMS roles (verneombud, hovedverneombud, AMU, BHT, daglig leder),
 * with terms. Every logged-in user may open the page (employees must know who their verneombud is);
 * the menu entry is for the HMS roles and leaders, and the internkontroll pages link to it.
 */
import type { WebModule } from '../../app/module.ts';
import { messages, type RollerMessages } from './messages.ts';
import { RollerPage } from './RollerPage.tsx';

export const rollerModule: WebModule<RollerMessages> = {
  name: 'roller',
  messages,
  routes: [{ path: 'internkontroll/roller', page: RollerPage }],
  navigation: [
    {
      to: '/internkontroll/roller',
      label: 'hmsRoles',
      order: 103,
      parent: '/internkontroll',
      roles: ['admin', 'hr', 'verneombud', 'amu', 'bht', 'tillitsvalgt', 'leder'],
    },
  ],
};
