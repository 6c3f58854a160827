/**
 * Employees: the list, one employee, a new one. Other modules use the queries and the employee picker.
 * Admin and HR see everyone ("Ansatte"); a leader only their own people ("Mine medarbeidere").
 */
import { canManageEmployees } from '../../api/session.ts';
import type { WebModule } from '../../app/module.ts';
import { EmployeePage } from './EmployeePage.tsx';
import { EmployeesPage } from './EmployeesPage.tsx';
import { type EmployeesMessages, messages } from './messages.ts';
import { NewEmployeePage } from './NewEmployeePage.tsx';

export { useEmployee, useEmployeeList } from './api.ts';
export { EmployeePicker, type PickedEmployee } from './EmployeePicker.tsx';

export const employeesModule: WebModule<EmployeesMessages> = {
  name: 'employees',
  messages,
  routes: [
    { path: 'ansatte', page: EmployeesPage, roles: ['admin', 'hr', 'leder'] },
    { path: 'ansatte/ny', page: NewEmployeePage, roles: ['admin', 'hr'] },
    { path: 'ansatte/:id', page: EmployeePage, roles: ['admin', 'hr', 'leder'] },
  ],
  navigation: [
    { to: '/ansatte', label: 'employees', order: 20, roles: ['admin', 'hr'] },
    {
      to: '/ansatte',
      label: 'myEmployees',
      order: 20,
      roles: ['leder'],
      when: (s) => !canManageEmployees(s),
    },
  ],
};
