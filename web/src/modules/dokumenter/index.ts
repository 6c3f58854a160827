/**
 * The follow-up documents: oppfølgingsplan, dialogmøter (with samtalereferater), the letter to the
 * doctor, and the tilrettelegging catalogues. The sick-leave and settings pages use the links into them;
 * the front page shows `PlanToReadNotice` to an employee whose plan waits for their approval.
 */
import type { WebModule } from '../../app/module.ts';
import { DialogmoteMinePage } from './DialogmoteMinePage.tsx';
import { DialogmotePage } from './DialogmotePage.tsx';
import { KatalogPage } from './KatalogPage.tsx';
import { LegebrevPage } from './LegebrevPage.tsx';
import { MyLegebrevPage } from './MyLegebrevPage.tsx';
import { MyPlanPage } from './MyPlanPage.tsx';
import { type DokumenterModuleMessages, messages } from './messages.ts';
import { PlanPage } from './PlanPage.tsx';

export { DialogmoteCaseLink, DialogmoteMyLink } from './DialogmoteLinks.tsx';
export { EvidenceLink } from './EvidenceLink.tsx';
export { KatalogSettingsLink, LegebrevCaseLink, LegebrevMyLink } from './LegebrevLinks.tsx';
export { PlanToReadNotice, useMyPlanAwaits } from './PlanToReadNotice.tsx';

const FOLLOW_UP = ['admin', 'hr', 'leder'] as const;

export const dokumenterModule: WebModule<DokumenterModuleMessages> = {
  name: 'dokumenter',
  messages,
  routes: [
    { path: 'sykefravaer/:employeeId/oppfolgingsplan', page: PlanPage, roles: FOLLOW_UP },
    { path: 'sykefravaer/:employeeId/dialogmoter', page: DialogmotePage, roles: FOLLOW_UP },
    { path: 'sykefravaer/:employeeId/legebrev', page: LegebrevPage, roles: FOLLOW_UP },
    { path: 'mitt-fravaer/oppfolgingsplan', page: MyPlanPage },
    { path: 'mitt-fravaer/dialogmoter', page: DialogmoteMinePage },
    { path: 'mitt-fravaer/legebrev', page: MyLegebrevPage },
    { path: 'innstillinger/tilrettelegging', page: KatalogPage, roles: ['admin', 'hr'] },
  ],
};
