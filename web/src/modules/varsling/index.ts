/**
 * Varsling (aml kapittel 2 A): the public anonymous channel (`/varsle/:kanal` and its mailbox, no
 * login), reporting for everyone logged in (`/varsling`), the handlers' cases (`/varsling/saker`),
 * the recipients and link (admin/HR), and the written routine (`/varsling/rutine`: everyone reads it;
 * admin/HR edit and publish it at `/varsling/rutine/rediger`).
 */
import type { WebModule } from '../../app/module.ts';
import { CasePage, CasesPage } from './CasePages.tsx';
import { messages, type VarslingMessages } from './messages.ts';
import { AnonymousReportPage, MailboxPage, VarslingPage } from './ReportPages.tsx';
import { RoutineEditPage, RoutinePage } from './RoutinePages.tsx';
import { SettingsPage } from './SettingsPage.tsx';

const ADMIN_HR = ['admin', 'hr'] as const;

export const varslingModule: WebModule<VarslingMessages> = {
  name: 'varsling',
  messages,
  routes: [
    // Public: for a visitor who is not logged in (a logged-in user reports from /varsling).
    { path: 'varsle/:kanal', page: AnonymousReportPage, access: 'loggedOut' },
    { path: 'varsle/:kanal/postkasse', page: MailboxPage, access: 'loggedOut' },
    { path: 'varsling', page: VarslingPage },
    // Every logged-in user may be a named handler; the API decides (404 otherwise).
    { path: 'varsling/saker', page: CasesPage },
    { path: 'varsling/saker/:id', page: CasePage },
    { path: 'varsling/innstillinger', page: SettingsPage, roles: ADMIN_HR },
    // The written routine (aml § 2 A-6): everyone reads it; admin/HR edit and publish it.
    { path: 'varsling/rutine', page: RoutinePage },
    { path: 'varsling/rutine/rediger', page: RoutineEditPage, roles: ADMIN_HR },
  ],
  navigation: [
    { to: '/varsling', label: 'varsling', order: 75 },
    { to: '/varsling', label: 'varslingVarsle', order: 200, end: true, parent: '/varsling' },
    { to: '/varsling/saker', label: 'varslingSaker', order: 201, parent: '/varsling' },
    { to: '/varsling/rutine', label: 'varslingRutine', order: 203, parent: '/varsling' },
    {
      to: '/varsling/innstillinger',
      label: 'varslingInnstillinger',
      order: 202,
      roles: ADMIN_HR,
      parent: '/varsling',
    },
  ],
};
