/**
 * Request and response shapes of the agreed actions as tasks (`…/employees/:employeeId/actions`,
 * `…/me/actions`). The action's text is the document's; it is changed by saving the document.
 */
import { z } from 'zod';

export const ActionParamsSchema = z.object({ employeeId: z.uuid(), actionId: z.uuid() }).strict();
export const MyActionParamsSchema = z.object({ actionId: z.uuid() }).strict();
export const ActionWriteRequestSchema = z.object({ version: z.number().int().min(1) }).strict();

const UserRef = z.object({ userId: z.string().nullable(), name: z.string() });

export const ActionSchema = z.object({
  id: z.string(),
  what: z.string(),
  ownerKind: z.enum(['employee', 'leader', 'other']),
  owner: z.string().nullable(),
  deadline: z.string().nullable(),
  /** The document the action was agreed in. */
  source: z.enum(['oppfolgingsplan', 'dialogmote', 'samtalereferat']),
  sourceId: z.string(),
  state: z.enum(['done', 'overdue', 'due-soon', 'upcoming', 'no-deadline']),
  /** Days until the deadline (negative: overdue); null without a deadline. */
  daysLeft: z.number().int().nullable(),
  /** Send this back with «done» / «undo»; 409 if the action changed meanwhile. */
  version: z.number().int(),
  done: z.object({ at: z.string(), by: UserRef }).nullable(),
});
export type ActionDto = z.infer<typeof ActionSchema>;

export const ActionListSchema = z.object({
  employeeId: z.string(),
  today: z.string(),
  /** The current case; null when the employee has none (then there are no items). */
  caseStart: z.string().nullable(),
  items: z.array(ActionSchema),
});
export type ActionList = z.infer<typeof ActionListSchema>;
