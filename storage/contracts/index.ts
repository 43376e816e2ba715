/** All storage contracts, one file per aggregate. */
export type * from './tasks.js';
export type * from './audit.js';
export type * from './inbound.js';
export type * from './chats.js';
export type * from './outbox.js';
export type * from './bindings.js';
export type * from './coordinations.js';
export type * from './requests.js';
export type * from './people.js';
export type * from './verifications.js';
export type * from './job-runs.js';
export type * from './chases.js';
export type * from './stats.js';
export type * from './ladder.js';
export type * from './assessment.js';
export type * from './storage.js';
