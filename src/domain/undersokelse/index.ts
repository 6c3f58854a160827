/** Anonymous surveys, pure: the item bank, the ≥ 5 rule with roll-up, results and comparison. */
export * from './items.ts';
export * from './results.ts';
export * from './rules.ts';
