/**
 * Types of the API, taken from the server's zod schemas (type-only imports: nothing of the server
 * ends up in the web bundle). Types the server does not export are written out here.
 */
import type { z } from 'zod';
import type { SessionResponse } from '../../../src/contracts/auth/auth.schemas.ts';
import type { Employee, EmployeeListSchema } from '../../../src/contracts/employees/employees.schemas.ts';
import type { ImportPreviewSchema } from '../../../src/contracts/imports/imports.schemas.ts';
import type { Unit } from '../../../src/contracts/organisation/organisation.schemas.ts';
import { ROLES, type Role } from '../../../src/domain/access/roles.ts';

export type { Employee, Role, SessionResponse, Unit };

export type EmployeeList = z.infer<typeof EmployeeListSchema>;

export type Organisation = { id: string; name: string; orgnr: string };

export type Verneomrade = { id: string; name: string; unitIds: string[] };

export type User = {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  employeeId: string | null;
  employeeName: string | null;
  verneomradeIds: string[];
  disabled: boolean;
};

export type DemoAccount = { role: string; name: string; email: string; password: string };

export type EmployeeInput = {
  name: string;
  email: string | null;
  phone: string | null;
  birthDate: string | null;
  employmentStart: string;
  employmentEnd: string | null;
  positionPercent: number;
  unitId: string;
  leaderId: string | null;
};

/** `POST /api/v1/imports/employees/preview` (the server's `ImportPreviewSchema`). */
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
export type ImportRow = ImportPreview['rows'][number];

/** Every role, in the server's order (one list: `src/domain/access/roles.ts`). */
export const ALL_ROLES: readonly Role[] = ROLES;
