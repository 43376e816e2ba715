/** Storage contracts for 考核与台账 (kept here so existing imports stay valid); see storage/contracts/assessment.ts. */
export type * from './contracts/assessment.js';
