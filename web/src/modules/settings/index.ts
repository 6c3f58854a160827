/** Innstillinger: language, organisation, and the settings parts of other modules. Reached from the user menu. */
import type { WebModule } from '../../app/module.ts';
import { messages, type SettingsMessages } from './messages.ts';
import { SettingsPage } from './SettingsPage.tsx';

export const settingsModule: WebModule<SettingsMessages> = {
  name: 'settings',
  messages,
  routes: [{ path: 'innstillinger', page: SettingsPage }],
};
