import { z } from 'zod';
import {
  CreateEmployeeRequestSchema,
  EmployeeListQuerySchema,
  EmployeeListSchema,
  EmployeeSchema,
  UpdateEmployeeRequestSchema,
} from '../../contracts/employees/employees.schemas.ts';
import { IdParamsSchema } from '../../contracts/organisation/organisation.schemas.ts';
import { access, defineRoute } from '../../platform/route.ts';
import { employeeListCache, findEmployee, listEmployees } from './employees.repository.ts';
import { createEmployee, deleteEmployee, employeeNotFound, updateEmployee } from './employees.service.ts';

export function employeeRoutes() {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/employees',
      summary: 'Ansatte du har tilgang til, sidevis (admin/HR: alle; leder: egne medarbeidere)',
      tags: ['employees'],
      access: access.anyRole,
      query: EmployeeListQuerySchema,
      response: EmployeeListSchema,
      async handler({ query }, { db, actor, caches }) {
        return listEmployees(db, actor, query, employeeListCache(caches));
      },
    }),

    defineRoute({
      method: 'GET',
      url: '/api/v1/employees/:id',
      summary: 'Én ansatt',
      tags: ['employees'],
      access: access.anyRole,
      params: IdParamsSchema,
      response: EmployeeSchema,
      async handler({ params }, { db, actor }) {
        const employee = await findEmployee(db, actor, params.id);
        if (!employee) throw employeeNotFound();
        return employee;
      },
    }),

    defineRoute({
      method: 'POST',
      url: '/api/v1/employees',
      summary: 'Registrer en ansatt',
      tags: ['employees'],
      access: access.roles('admin', 'hr'),
      body: CreateEmployeeRequestSchema,
      response: EmployeeSchema,
      status: 201,
      async handler({ body }, { db, actor }) {
        return createEmployee(db, actor, body);
      },
    }),

    defineRoute({
      method: 'PUT',
      url: '/api/v1/employees/:id',
      summary: 'Endre en ansatt (send med versjonen du leste; 409 hvis noen andre har endret i mellomtiden)',
      tags: ['employees'],
      access: access.roles('admin', 'hr'),
      params: IdParamsSchema,
      body: UpdateEmployeeRequestSchema,
      response: EmployeeSchema,
      async handler({ params, body }, { db, actor }) {
        return updateEmployee(db, actor, params.id, body);
      },
    }),

    defineRoute({
      method: 'DELETE',
      url: '/api/v1/employees/:id',
      summary: 'Slett en ansatt som ble registrert ved en feil',
      tags: ['employees'],
      access: access.roles('admin', 'hr'),
      params: IdParamsSchema,
      response: z.object({ ok: z.literal(true) }),
      async handler({ params }, { db, actor }) {
        await deleteEmployee(db, actor, params.id);
        return { ok: true as const };
      },
    }),
  ];
}
