/** "Min side": the user's own account and employee record. */
import type { WebModule } from '../../app/module.ts';
import { MyPage } from './MyPage.tsx';
import { type MeMessages, messages } from './messages.ts';

export const meModule: WebModule<MeMessages> = {
  name: 'me',
  messages,
  routes: [{ path: 'min-side', page: MyPage }],
  navigation: [{ to: '/min-side', label: 'myPage', order: 80 }],
};
