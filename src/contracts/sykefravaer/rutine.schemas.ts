/**
 * Request and response shapes of the routine, the tasks of a case and "Mine oppgaver" (zod).
 * The task note is free text ≤ 500 characters; the web app asks people not to write health details.
 */
import { z } from 'zod';
import {
  MILESTONE_KEYS,
  ROUTINE_ANCHORS,
  ROUTINE_ROLES,
  ROUTINE_TASK_ID,
} from '../../domain/sykefravaer/index.ts';
import { bilingual } from '../bilingual.ts';
import { IsoDateSchema } from '../common.ts';
import { NoteSchema, UserRefSchema, VersionSchema } from './sykefravaer.schemas.ts';

const TitleText = z.string().trim().min(1).max(200);

export const RoutineTaskSchema = z
  .object({
    id: z
      .string()
      .regex(
        ROUTINE_TASK_ID,
        bilingual(
          'Små bokstaver, tall og bindestrek (1–40 tegn).',
          'Lower-case letters, digits and hyphens (1–40).',
        ),
      ),
    title: z.object({ nb: TitleText, en: TitleText }).strict(),
    responsible: z.enum(ROUTINE_ROLES),
    anchor: z.enum(ROUTINE_ANCHORS),
    milestone: z.enum(MILESTONE_KEYS).optional(),
    offsetDays: z.number().int().min(-365).max(365),
    repeat: z.literal('weekly').optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.anchor === 'milestone' && t.milestone === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['milestone'],
        message: bilingual(
          'Velg milepælen oppgaven regnes fra.',
          'Choose the milestone the task is dated from.',
        ),
      });
    }
    if (t.anchor !== 'milestone' && t.milestone !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['milestone'],
        message: bilingual(
          'Bare for oppgaver som regnes fra en milepæl.',
          'Only for tasks dated from a milestone.',
        ),
      });
    }
    if (t.repeat === 'weekly' && t.anchor !== 'caseStart') {
      ctx.addIssue({
        code: 'custom',
        path: ['repeat'],
        message: bilingual(
          'Bare oppgaver som regnes fra første fraværsdag kan gjentas.',
          'Only tasks dated from the first day of absence can repeat.',
        ),
      });
    }
  });

export const RoutineTasksSchema = z
  .array(RoutineTaskSchema)
  .max(50)
  .superRefine((tasks, ctx) => {
    const seen = new Set<string>();
    tasks.forEach((t, i) => {
      if (seen.has(t.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: bilingual('To oppgaver har samme id.', 'Two tasks have the same id.'),
        });
      }
      seen.add(t.id);
    });
  });

export const RoutineRequestSchema = z.object({ tasks: RoutineTasksSchema }).strict();

export const RoutineSchema = z.object({
  /** 1 = the built-in default routine; each save makes the next version. */
  version: z.number().int(),
  createdAt: z.string().nullable(),
  createdBy: UserRefSchema.nullable(),
  tasks: z.array(
    z.object({
      id: z.string(),
      title: z.object({ nb: z.string(), en: z.string() }),
      responsible: z.enum(ROUTINE_ROLES),
      anchor: z.enum(ROUTINE_ANCHORS),
      milestone: z.enum(MILESTONE_KEYS).optional(),
      offsetDays: z.number().int(),
      repeat: z.literal('weekly').optional(),
    }),
  ),
});
export type RoutineDto = z.infer<typeof RoutineSchema>;

/** A task key: the routine task id, plus `@YYYY-MM-DD` for an occurrence of a weekly task. */
export const TaskKeySchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}(@\d{4}-\d{2}-\d{2})?$/);

export const TaskParamsSchema = z.object({ employeeId: z.uuid(), taskKey: TaskKeySchema }).strict();

export const TaskDoneRequestSchema = z
  .object({ caseStart: IsoDateSchema, note: NoteSchema.nullable().optional(), version: VersionSchema })
  .strict();
export const TaskUndoRequestSchema = z.object({ caseStart: IsoDateSchema, version: VersionSchema }).strict();

const TextSchema = z.object({ nb: z.string(), en: z.string() });
const DueState = z.enum(['overdue', 'due-soon', 'upcoming']);

export const TaskSchema = z.object({
  key: z.string(),
  taskId: z.string(),
  title: TextSchema,
  responsibleRole: z.enum(ROUTINE_ROLES),
  milestone: z.enum(MILESTONE_KEYS).nullable(),
  due: z.string(),
  state: z.enum(['done', 'overdue', 'due-soon', 'upcoming']),
  daysLeft: z.number().int(),
  done: z.object({ at: z.string(), by: UserRefSchema, note: z.string().nullable() }).nullable(),
});

export const CaseTasksSchema = z.object({
  employeeId: z.string(),
  today: z.string(),
  /** The follow-up version to send back with the next change (as on the case view). */
  version: z.number().int(),
  caseStart: z.string().nullable(),
  caseEnd: z.string().nullable(),
  /** The routine version the case follows. */
  routineVersion: z.number().int().nullable(),
  tasks: z.array(TaskSchema),
});
export type CaseTasks = z.infer<typeof CaseTasksSchema>;

export const OppgaverQuerySchema = z.object({ unitId: z.uuid().optional() }).strict();

export const OppgaverSchema = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      employeeId: z.string(),
      employeeName: z.string(),
      caseStart: z.string(),
      /** `action`: an agreed action of the oppfølgingsplan, a dialogmøte or a samtalereferat (key: its id). */
      kind: z.enum(['task', 'milestone', 'action']),
      key: z.string(),
      title: TextSchema,
      due: z.string(),
      state: DueState,
      responsibleRole: z.enum(ROUTINE_ROLES),
      milestone: z.enum(MILESTONE_KEYS).nullable(),
      /** Actions only: the owner as written, the document it comes from, and the version to send back. */
      owner: z.string().nullable().optional(),
      source: z.enum(['oppfolgingsplan', 'dialogmote', 'samtalereferat']).optional(),
      version: z.number().int().optional(),
    }),
  ),
  totals: z.object({ overdue: z.number().int(), dueThisWeek: z.number().int() }),
});
export type Oppgaver = z.infer<typeof OppgaverSchema>;
