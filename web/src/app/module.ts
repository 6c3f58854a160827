/**
 * What a feature module of the web app declares about itself, in `modules/<name>/index.ts`: its
 * pages (URL, guard, roles), its entries in the main menu and its texts. `app/modules.ts` lists the
 * modules; the router, the menu and the dictionary are built from that list, so adding a feature
 * means adding its folder and one line there.
 */
import type { ComponentType } from 'react';
import type { Role, SessionResponse } from '../api/types.ts';
import type { ModuleMessages } from '../i18n/messages.ts';

/**
 * Who may open a page: `authenticated` (the default) — logged in, in an organisation, and with one
 * of `roles` if given; `setup` — only an empty installation (onboarding); `loggedOut` — only a
 * visitor who is not logged in (the login page).
 */
export type RouteAccess = 'authenticated' | 'setup' | 'loggedOut';

type RoutePath =
  /** The URL below `/`, as react-router writes it: `sykefravaer/:employeeId`. */
  | { path: string; index?: never }
  /** The front page (`/`). */
  | { index: true; path?: never };

export type ModuleRoute = RoutePath & {
  page: ComponentType;
  access?: RouteAccess;
  /** Only for users with one of these roles (others get "not found", as from the API). */
  roles?: readonly Role[];
};

/** The menu words a module may use: the keys of its own `nav` texts. */
type NavLabel<M> = M extends { nav: infer N } ? Extract<keyof N, string> : never;

export type NavEntry<Label extends string = string> = {
  to: string;
  /** Key of the menu word in the dictionary's `nav` texts (the module's own `messages.nav`). */
  label: Label;
  /** Place in the menu, lowest first. */
  order: number;
  /** Active only on exactly this URL (the front page), not below it. */
  end?: boolean;
  /** Shown only to users with one of these roles. */
  roles?: readonly Role[];
  /** A further condition on the session (e.g. "linked to an employee record"). */
  when?: (session: SessionResponse) => boolean;
  /**
   * The `to` of a main-menu entry this one sits under: it is then not in the main menu but in the
   * section menu shown on every page below that entry (e.g. the HMS modules under `/internkontroll`).
   */
  parent?: string;
};

/**
 * A module's manifest. `M` is the type of its texts (`typeof nb` of its `messages.ts`); annotate the
 * manifest with it (`WebModule<OrganisationMessages>`) so the dictionary's type can be derived from
 * the registry.
 */
export type WebModule<M extends object = object> = {
  name: string;
  routes: readonly ModuleRoute[];
  navigation?: readonly NavEntry<NavLabel<M>>[];
  messages?: ModuleMessages<M>;
};
