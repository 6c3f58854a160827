/**
 * Opplæring: «who lacks what» and the registered courses with certificates (admin, HR; a leader for
 * their own people), registering a course (admin, HR), and «Min opplæring» for every employee.
 */
import type { WebModule } from '../../app/module.ts';
import { MyTrainingPage } from './MyTrainingPage.tsx';
import { messages, type OpplaeringMessages } from './messages.ts';
import { OpplaeringPage } from './OpplaeringPage.tsx';
import { RegisterPage } from './RegisterPage.tsx';

const READERS = ['admin', 'hr', 'leder'] as const;

export const opplaeringModule: WebModule<OpplaeringMessages> = {
  name: 'opplaering',
  messages,
  routes: [
    { path: 'internkontroll/opplaering', page: OpplaeringPage, roles: READERS },
    { path: 'internkontroll/opplaering/ny', page: RegisterPage, roles: ['admin', 'hr'] },
    { path: 'min-opplaering', page: MyTrainingPage },
  ],
  navigation: [
    {
      to: '/internkontroll/opplaering',
      label: 'opplaering',
      order: 104,
      roles: READERS,
      parent: '/internkontroll',
    },
    {
      to: '/min-opplaering',
      label: 'myTraining',
      order: 72,
      when: (s) => s.employeeId !== null,
    },
  ],
};
