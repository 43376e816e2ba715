/** Storage contracts for 两通报、一移交; see storage/contracts/ladder.ts. */
export type * from './contracts/ladder.js';
