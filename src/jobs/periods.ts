// Moved to src/calendar/periods.ts; kept until every branch imports the new module.
export * from '../calendar/periods.js';
