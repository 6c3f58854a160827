/**
 * Sick-leave follow-up: the case list, the case page, "Mitt fravær", the access log, "Mine oppgaver"
 * and the routine. Other modules use the task summary (front page) and the settings part.
 */
import type { WebModule } from '../../app/module.ts';
import { CaseAccessLogPage, MyAccessLogPage } from './AccessLogPage.tsx';
import { CasePage } from './CasePage.tsx';
import { MyAbsencePage } from './MyAbsencePage.tsx';
import { messages, type SykefravaerMessages } from './messages.ts';
import { OppgaverPage } from './OppgaverPage.tsx';
import { RutinePage } from './RutinePage.tsx';
import { SykefravaerListPage } from './SykefravaerListPage.tsx';

export { RegisterSickLeave } from './RegisterSickLeave.tsx';
export { SykefravaerSettings } from './SykefravaerSettings.tsx';
export { TasksSummary } from './TasksSummary.tsx';

const FOLLOW_UP = ['admin', 'hr', 'leder'] as const;

export const sykefravaerModule: WebModule<SykefravaerMessages> = {
  name: 'sykefravaer',
  messages,
  routes: [
    { path: 'sykefravaer', page: SykefravaerListPage, roles: FOLLOW_UP },
    { path: 'sykefravaer/:employeeId', page: CasePage, roles: FOLLOW_UP },
    { path: 'sykefravaer/:employeeId/innsyn', page: CaseAccessLogPage, roles: ['admin', 'hr'] },
    { path: 'mitt-fravaer', page: MyAbsencePage },
    { path: 'mitt-fravaer/innsyn', page: MyAccessLogPage },
    { path: 'innstillinger/rutine', page: RutinePage, roles: ['admin', 'hr'] },
    { path: 'oppgaver', page: OppgaverPage },
  ],
  navigation: [
    { to: '/sykefravaer', label: 'sykefravaer', order: 40, roles: FOLLOW_UP },
    { to: '/oppgaver', label: 'oppgaver', order: 50 },
    { to: '/mitt-fravaer', label: 'myAbsence', order: 70, when: (s) => s.employeeId !== null },
  ],
};
