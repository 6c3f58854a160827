/** Users and their roles (admin only). */
import type { WebModule } from '../../app/module.ts';
import { messages, type UsersMessages } from './messages.ts';
import { UsersPage } from './UsersPage.tsx';

export const usersModule: WebModule<UsersMessages> = {
  name: 'users',
  messages,
  routes: [{ path: 'brukere', page: UsersPage, roles: ['admin'] }],
  navigation: [{ to: '/brukere', label: 'users', order: 60, roles: ['admin'] }],
};
