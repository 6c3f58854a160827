/**
 * "Min side": the user's own account and employee record, invitations to other organisations, and
 * «Sikkerhet og innlogging» (password, two-step login, sessions, failed logins).
 */
import type { WebModule } from '../../app/module.ts';
import { MyPage } from './MyPage.tsx';
import { type MeMessages, messages } from './messages.ts';
import { SecurityPage } from './SecurityPage.tsx';

export const meModule: WebModule<MeMessages> = {
  name: 'me',
  messages,
  routes: [
    { path: 'min-side', page: MyPage },
    { path: 'min-side/sikkerhet', page: SecurityPage },
  ],
  navigation: [
    { to: '/min-side', label: 'myPage', order: 80 },
    { to: '/min-side', label: 'myPageOverview', order: 100, end: true, parent: '/min-side' },
    { to: '/min-side/sikkerhet', label: 'accountSecurity', order: 101, parent: '/min-side' },
  ],
};
