/**
 * React-query keys that more than one feature uses: a write in one module refreshes the lists of
 * another (a unit renamed → the employee list; an import → units and employees).
 */
export const employeesKey = ['employees'] as const;
export const unitsKey = ['units'] as const;
