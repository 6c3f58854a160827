/**
 * HMS goals and the handlingsplan (`/internkontroll/mal`), and the annual review of the
 * internkontroll (`/internkontroll/gjennomgang`). Employees read the goals; the reviews are for the
 * HMS roles; admin/HR write.
 */
import type { WebModule } from '../../app/module.ts';
import { GoalsPage } from './GoalsPage.tsx';
import { type HmsMalMessages, messages } from './messages.ts';
import { ReviewPage } from './ReviewPage.tsx';
import { ReviewsPage } from './ReviewsPage.tsx';
import { GOAL_READERS, REVIEW_READERS } from './roles.ts';

export const hmsMalModule: WebModule<HmsMalMessages> = {
  name: 'hms-mal',
  messages,
  routes: [
    { path: 'internkontroll/mal', page: GoalsPage, roles: GOAL_READERS },
    { path: 'internkontroll/gjennomgang', page: ReviewsPage, roles: REVIEW_READERS },
    { path: 'internkontroll/gjennomgang/:id', page: ReviewPage, roles: REVIEW_READERS },
  ],
  navigation: [
    {
      to: '/internkontroll/mal',
      label: 'hmsMal',
      order: 106,
      roles: GOAL_READERS,
      parent: '/internkontroll',
    },
    {
      to: '/internkontroll/gjennomgang',
      label: 'arligGjennomgang',
      order: 107,
      roles: REVIEW_READERS,
      parent: '/internkontroll',
    },
  ],
};
