/**
 * Logging in (with the second step when the account has an authenticator app), and «Glemt passord?»
 * with the page the reset e-mail links to. Other modules use `useLogin` (onboarding logs the new admin
 * or a demo user in).
 */
import type { WebModule } from '../../app/module.ts';
import { ForgotPasswordPage } from './ForgotPasswordPage.tsx';
import { LoginPage } from './LoginPage.tsx';
import { type AuthMessages, messages } from './messages.ts';
import { ResetPasswordPage } from './ResetPasswordPage.tsx';

export { useLogin } from './useLogin.ts';

export const authModule: WebModule<AuthMessages> = {
  name: 'auth',
  messages,
  routes: [
    { path: 'logg-inn', page: LoginPage, access: 'loggedOut' },
    { path: 'glemt-passord', page: ForgotPasswordPage, access: 'loggedOut' },
    { path: 'nytt-passord', page: ResetPasswordPage, access: 'loggedOut' },
  ],
};
