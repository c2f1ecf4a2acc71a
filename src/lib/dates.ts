/** Dates as staff write them: the rules live in src/core/dates.ts, below the schemas that need them. */
export * from '../core/dates.ts';
