/**
 * The routine, the tasks of a case and "Mine oppgaver" (`/api/v1/sykefravaer/rutine`,
 * `…/employees/:employeeId/tasks`, `…/oppgaver`). Registered with the other sick-leave routes.
 * Access: anyone in the organisation reads the routine, admin/HR change it; tasks as the case view.
 */

import {
  CaseTasksSchema,
  OppgaverQuerySchema,
  OppgaverSchema,
  RoutineRequestSchema,
  RoutineSchema,
  TaskDoneRequestSchema,
  TaskParamsSchema,
  TaskUndoRequestSchema,
} from '../../contracts/sykefravaer/rutine.schemas.ts';
import { EmployeeParamsSchema } from '../../contracts/sykefravaer/sykefravaer.schemas.ts';
import { access, defineRoute } from '../../platform/route.ts';
import {
  getRoutine,
  listOppgaver,
  markTaskDone,
  readTasks,
  saveRoutine,
  undoTaskDone,
} from './rutine.service.ts';

const tags = ['sykefravaer'];
const BASE = '/api/v1/sykefravaer';
const caseWorkers = access.roles('admin', 'hr', 'leder');

export function rutineRoutes() {
  return [
    defineRoute({
      method: 'GET',
      url: `${BASE}/rutine`,
      summary: 'Virksomhetens rutine for sykefraværsoppfølging (gjeldende versjon)',
      tags,
      access: access.anyRole,
      response: RoutineSchema,
      async handler(_input, ctx) {
        return getRoutine(ctx);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: `${BASE}/rutine`,
      summary: 'Lagre rutinen som en ny versjon (pågående sykefravær beholder sin versjon)',
      tags,
      access: access.roles('admin', 'hr'),
      body: RoutineRequestSchema,
      response: RoutineSchema,
      async handler({ body }, ctx) {
        return saveRoutine(ctx, body.tasks);
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/employees/:employeeId/tasks`,
      summary: 'Oppgavene i det gjeldende sykefraværet (lesingen logges)',
      tags,
      access: caseWorkers,
      params: EmployeeParamsSchema,
      response: CaseTasksSchema,
      async handler({ params }, ctx) {
        return readTasks(ctx, params.employeeId);
      },
    }),

    defineRoute({
      method: 'POST',
      url: `${BASE}/employees/:employeeId/tasks/:taskKey/done`,
      summary: 'Marker en oppgave som gjort',
      tags,
      access: caseWorkers,
      params: TaskParamsSchema,
      body: TaskDoneRequestSchema,
      response: CaseTasksSchema,
      status: 201,
      async handler({ params, body }, ctx) {
        return markTaskDone(ctx, params.employeeId, params.taskKey, body);
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: `${BASE}/employees/:employeeId/tasks/:taskKey/done`,
      summary: 'Angre «gjort» på en oppgave',
      tags,
      access: caseWorkers,
      params: TaskParamsSchema,
      body: TaskUndoRequestSchema,
      response: CaseTasksSchema,
      async handler({ params, body }, ctx) {
        return undoTaskDone(ctx, params.employeeId, params.taskKey, body);
      },
    }),

    defineRoute({
      method: 'GET',
      url: `${BASE}/oppgaver`,
      summary: 'Mine oppgaver: åpne oppgaver og frister til og med 14 dager fram, og forfalte',
      tags,
      access: caseWorkers,
      query: OppgaverQuerySchema,
      response: OppgaverSchema,
      async handler({ query }, ctx) {
        return listOppgaver(ctx, query);
      },
    }),
  ];
}
