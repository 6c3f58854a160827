/**
 * The roles a user may hold in an organisation (per organisation: `role_assignment`). One list,
 * used by the database types, the API's schemas, the access rules and the web's role pickers.
 */
export const ROLES = ['admin', 'hr', 'leder', 'ansatt', 'verneombud', 'tillitsvalgt', 'amu', 'bht'] as const;
export type Role = (typeof ROLES)[number];
