/** The storage contracts (kept here so existing imports stay valid); they live in storage/contracts/. */
export type * from './contracts/index.js';
