// Moved to src/domain/actions/complete.ts; kept until every branch imports the new module.
export * from './actions/complete.js';
