/**
 * Follow-up documents — the module's surface: `dokumenterRoutes()` (registered in
 * `src/modules/index.ts`). Today the oppfølgingsplan (aml § 4-6 (3)): tables in
 * `dokumenter.tables.ts` / migration `0006-dokumenter`, writes and reads in
 * `oppfolgingsplan.service.ts`, the PDF in `pdf.ts`; labels, diff and the health-word hint in
 * `src/domain/dokumenter/`. Agreed actions as tasks (ADR 0004): `actions.ts` (the store, written with
 * each document save), `actions.service.ts` / `actions.routes.ts` (list, done/undo).
 */
export { actionRoutes } from './actions.routes.ts';
export { dialogmoteRoutes } from './dialogmote.routes.ts';
export { dokumenterRoutes } from './dokumenter.routes.ts';
export { katalogRoutes } from './katalog.routes.ts';
