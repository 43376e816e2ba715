/** Storage contracts for the exception flows (协调, 难以执行/延期, 请假/代行, 复核); see storage/contracts/. */
export type * from './contracts/coordinations.js';
export type * from './contracts/requests.js';
export type * from './contracts/people.js';
export type * from './contracts/verifications.js';
