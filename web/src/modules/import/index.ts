/** Importing employees (and units) from a CSV or Excel file. */
import type { WebModule } from '../../app/module.ts';
import { ImportPage } from './ImportPage.tsx';
import { type ImportMessages, messages } from './messages.ts';

export const importModule: WebModule<ImportMessages> = {
  name: 'import',
  messages,
  routes: [{ path: 'import', page: ImportPage, roles: ['admin', 'hr'] }],
  navigation: [{ to: '/import', label: 'import', order: 30, roles: ['admin', 'hr'] }],
};
