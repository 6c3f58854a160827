/**
 * The organisation: details, units, verneområder. Other modules use the units (the list, the tree,
 * the unit filter) and the verneområder.
 */
import type { WebModule } from '../../app/module.ts';
import { messages, type OrganisationMessages } from './messages.ts';
import { OrganisationPage } from './OrganisationPage.tsx';

export { flattenTree, type UnitNode, unitTree, useAreas, useUnits } from './api.ts';
export { UnitFilter } from './UnitFilter.tsx';

export const organisationModule: WebModule<OrganisationMessages> = {
  name: 'organisation',
  messages,
  routes: [{ path: 'organisasjon', page: OrganisationPage, roles: ['admin', 'hr'] }],
  navigation: [{ to: '/organisasjon', label: 'organisation', order: 10, roles: ['admin', 'hr'] }],
};
