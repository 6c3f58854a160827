/** The front page; and the page of a logged-in user without an organisation (used by the app's guard). */
import type { WebModule } from '../../app/module.ts';
import { HomePage } from './HomePage.tsx';
import { type HomeMessages, messages } from './messages.ts';

export { NoOrganisationPage } from './NoOrganisationPage.tsx';

export const homeModule: WebModule<HomeMessages> = {
  name: 'home',
  messages,
  routes: [{ index: true, page: HomePage }],
  navigation: [{ to: '/', label: 'home', order: 0, end: true }],
};
