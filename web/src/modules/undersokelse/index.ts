/**
 * Anonymous surveys (`/undersokelser`): one menu entry for everyone — employees answer there, and
 * HR, the verneombud and the AMU see every survey, make new ones (HR/VO) and read the results.
 */
import type { WebModule } from '../../app/module.ts';
import { AnswerPage } from './AnswerPage.tsx';
import { messages, type UndersokelseMessages } from './messages.ts';
import { NewSurveyPage } from './NewSurveyPage.tsx';
import { ResultsPage } from './ResultsPage.tsx';
import { SurveysPage } from './SurveysPage.tsx';

export const undersokelseModule: WebModule<UndersokelseMessages> = {
  name: 'undersokelse',
  messages,
  routes: [
    { path: 'undersokelser', page: SurveysPage },
    { path: 'undersokelser/ny', page: NewSurveyPage, roles: ['admin', 'hr', 'verneombud'] },
    { path: 'undersokelser/:id/svar', page: AnswerPage },
    { path: 'undersokelser/:id/resultater', page: ResultsPage },
  ],
  navigation: [
    {
      to: '/undersokelser',
      label: 'undersokelser',
      order: 59.5,
      // Employees answer there; the HMS readers see every survey. Others have nothing to do there.
      when: (session) =>
        session.employeeId !== null ||
        session.roles.some((r) => ['admin', 'hr', 'verneombud', 'amu'].includes(r)),
    },
  ],
};
