import { createApp, type App } from './app.js';
import type { Clock } from './core/clock.js';
import type { Logger } from './core/logger.js';
import { type CoreEnv, questionModelFromEnv, scheduleFromEnv, workGroupAllowlistFromEnv } from './config/settings.js';
import { loadDirectory } from './directory/load-directory.js';
import { loadCalendar } from './calendar/load-calendar.js';
import { pgSettingsFromEnv } from '../storage/postgres/pg-settings.js';
import { loadAssessmentWeights } from './config/assessment-weights.js';

/** Builds the core from validated settings: directory, calendar, database, schedule. */
export function openApp(env: CoreEnv, o: { dbFile: string; clock: Clock; logger: Logger; random?: () => number }): App {
  return createApp({
    dbFile: o.dbFile,
    random: o.random,
    storageOptions: { pg: { ...pgSettingsFromEnv(env), dialect: env.DUBAN_PG_DIALECT || undefined } },
    directory: loadDirectory(env.DUBAN_DIRECTORY),
    calendar: loadCalendar(env.DUBAN_CALENDAR),
    clock: o.clock,
    logger: o.logger,
    schedule: scheduleFromEnv(env),
    settings: {
      botName: env.DUBAN_BOT_NAME,
      coordinationAnswerDays: env.DUBAN_COORDINATION_DAYS,
      verifyShare: env.DUBAN_VERIFY_SHARE,
      workGroupAllowlist: workGroupAllowlistFromEnv(env),
      throttle: { burst: env.DUBAN_THROTTLE_BURST, perMinute: env.DUBAN_THROTTLE_PER_MINUTE },
      questionModel: questionModelFromEnv(env),
      colourScheme: env.DUBAN_COLOUR_SCHEME,
      warnDays: Math.max(...env.DUBAN_WARN_DAYS.split(',').map(Number)),
      exportDir: env.DUBAN_EXPORT_DIR,
      issuer: env.DUBAN_ISSUER,
      documentCode: env.DUBAN_DOC_CODE,
      assessmentWeights: loadAssessmentWeights(env.DUBAN_ASSESSMENT_WEIGHTS),
    },
  });
}
