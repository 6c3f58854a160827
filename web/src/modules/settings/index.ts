/**
 * Innstillinger: language, organisation, and the settings parts of other modules; for the administrator
 * also the organisation's single sign-on (`/innstillinger/innlogging`). Reached from the user menu, and
 * for admin and HR also from the main menu.
 */
import type { WebModule } from '../../app/module.ts';
import { messages, type SettingsMessages } from './messages.ts';
import { SettingsPage } from './SettingsPage.tsx';
import { SsoSettingsPage } from './SsoSettingsPage.tsx';

export const settingsModule: WebModule<SettingsMessages> = {
  name: 'settings',
  messages,
  routes: [
    { path: 'innstillinger', page: SettingsPage },
    // Innlogging med virksomhetens konto (SSO, ADR 0019): only the administrator, as the API.
    { path: 'innstillinger/innlogging', page: SsoSettingsPage, roles: ['admin'] },
  ],
  // Everyone reaches the page from the user menu (language, organisation); admin and HR also from the main
  // menu, since the organisation's settings (routine, egenmelding, retention, tilrettelegging) live here.
  navigation: [{ to: '/innstillinger', label: 'settings', order: 90, roles: ['admin', 'hr'] }],
};
