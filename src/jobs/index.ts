import type { JobDefinition } from './job.js';
import { dailyChase } from './daily-chase.js';
import { leaderDigest } from './leader-digest.js';
import { afternoonAckChase } from './afternoon-ack-chase.js';
import { coordinationJob } from './coordination-job.js';
import { deploymentChase } from './deployment-chase.js';
import { monthlyProgress } from './monthly-progress.js';
import { URGENT_ACK_CHASES } from './urgent-ack-chase.js';
import { annualReviewJob, calendarWarning, monthlyStats, quarterlyReview, weeklyTally } from './report-jobs.js';

/** Every scheduled job, in the order they run when several fall due at the same minute. */
export const JOBS: readonly JobDefinition[] = [
  weeklyTally,
  monthlyStats,
  quarterlyReview,
  annualReviewJob,
  calendarWarning,
  dailyChase,
  leaderDigest,
  deploymentChase,
  coordinationJob,
  monthlyProgress,
  afternoonAckChase,
  ...URGENT_ACK_CHASES,
];
