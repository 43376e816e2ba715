/** Storage contracts for scheduled jobs (run records, the chase ledger, tally statistics); see storage/contracts/. */
export type * from './contracts/job-runs.js';
export type * from './contracts/chases.js';
export type * from './contracts/stats.js';
