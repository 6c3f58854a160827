/** Varsling (aml kapittel 2 A): steps, deadlines, access and receipt codes — pure. */

export * from './metadata.ts';
export * from './protection.ts';
export * from './routine.ts';
export * from './rules.ts';
