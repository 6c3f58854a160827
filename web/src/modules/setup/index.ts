/** Onboarding of an empty installation: the organisation and its first admin, or the demo. */
import type { WebModule } from '../../app/module.ts';
import { messages, type SetupMessages } from './messages.ts';
import { SetupPage } from './SetupPage.tsx';

export const setupModule: WebModule<SetupMessages> = {
  name: 'setup',
  messages,
  routes: [{ path: 'oppsett', page: SetupPage, access: 'setup' }],
};
