import { taskContract } from './tasks-contract.js';
import { exceptionContract } from './exceptions-contract.js';
import { messagingContract } from './messaging-contract.js';
import { schedulingContract } from './scheduling-contract.js';
import { assessmentContract } from './assessment-contract.js';
import { inboxClaimsContract } from './inbox-claims-contract.js';
import { tallyCountsContract } from './tally-counts-contract.js';
import type { OpenFresh } from './fixtures.js';

/** The whole storage contract suite, written against the contracts only; each backend runs it. */
export function storageContract(open: OpenFresh): void {
  taskContract(open);
  exceptionContract(open);
  messagingContract(open);
  schedulingContract(open);
  assessmentContract(open);
  inboxClaimsContract(open);
  tallyCountsContract(open);
}
