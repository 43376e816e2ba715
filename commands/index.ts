import type { CommandDefinition } from '../src/core/command.js';
import { assign } from './assign.js';
import { acknowledge } from './acknowledge.js';
import { progress } from './progress.js';
import { deploy } from './deploy.js';
import { complete } from './complete.js';
import { query } from './query.js';
import { help } from './help.js';
import { bind, unbind } from './bind.js';
import { confirmBinding } from './confirm-binding.js';
import { blockAccount, unblockAccount } from './block-account.js';
import { registerWorkGroup, unregisterWorkGroup } from './work-group.js';
import { coordinate } from './coordinate.js';
import { coordinationOpinion } from './coordination-opinion.js';
import { statePosition } from './state-position.js';
import { confirmPosition } from './confirm-position.js';
import { escalate } from './escalate.js';
import { infeasible } from './infeasible.js';
import { answerInfeasible } from './answer-infeasible.js';
import { resume } from './resume.js';
import { withdraw } from './withdraw.js';
import { extension } from './extension.js';
import { approveExtension, refuseExtension } from './extension-decision.js';
import { handover } from './handover.js';
import { leave, returnFromLeave } from './leave.js';
import { acting } from './acting.js';
import { lookBack, verify } from './verify.js';
import { splitStages } from './split-stages.js';
import { statistics, weeklyReport } from './report.js';
import { acceptExplanationCommand, explanation, rectificationDemand } from './rectification.js';
import { approveReferralCommand, proposeReferralCommand, refuseReferralCommand } from './referral.js';
import { partDone } from './part-done.js';
import { ledger } from './ledger.js';
import { exportFiles } from './export.js';
import { warn, withdrawWarningCommand } from './warning.js';
import { warningRegister } from './warning-register.js';
import { confirmExcuse, excuse, refuseExcuse } from './excuse.js';
import { rectificationList } from './rectification-list.js';
import { planExplanation } from './plan-explanation.js';
import { annualReview } from './annual-review.js';
import { followUp, lookBackList } from './look-back-list.js';

/**
 * The command table: every chat command, in the order `帮助` lists them within each
 * category. Adding a command means adding its file here; the registry checks names and
 * aliases at start-up.
 */
export const COMMANDS: readonly CommandDefinition[] = [
  assign,
  acknowledge,
  progress,
  deploy,
  complete,
  partDone,
  coordinate,
  coordinationOpinion,
  statePosition,
  confirmPosition,
  escalate,
  infeasible,
  answerInfeasible,
  resume,
  withdraw,
  extension,
  approveExtension,
  refuseExtension,
  rectificationDemand,
  explanation,
  acceptExplanationCommand,
  rectificationList,
  planExplanation,
  warn,
  withdrawWarningCommand,
  excuse,
  confirmExcuse,
  refuseExcuse,
  proposeReferralCommand,
  approveReferralCommand,
  refuseReferralCommand,
  splitStages,
  verify,
  lookBack,
  followUp,
  handover,
  leave,
  returnFromLeave,
  acting,
  query,
  ledger,
  warningRegister,
  lookBackList,
  weeklyReport,
  statistics,
  annualReview,
  exportFiles,
  help,
  bind,
  unbind,
  confirmBinding,
  blockAccount,
  unblockAccount,
  registerWorkGroup,
  unregisterWorkGroup,
];
