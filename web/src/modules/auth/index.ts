/** Logging in. Other modules use `useLogin` (onboarding logs the new admin or a demo user in). */
import type { WebModule } from '../../app/module.ts';
import { LoginPage } from './LoginPage.tsx';
import { type AuthMessages, messages } from './messages.ts';

export { useLogin } from './useLogin.ts';

export const authModule: WebModule<AuthMessages> = {
  name: 'auth',
  messages,
  routes: [{ path: 'logg-inn', page: LoginPage, access: 'loggedOut' }],
};
