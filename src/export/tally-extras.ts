import type { Repositories } from '../../storage/repositories.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Directory } from '../directory/directory.js';
import type { ColourScheme } from '../render/task-colour.js';
import type { TallyExtras } from '../render/tally-view.js';
import type { LocalDate } from '../time/shanghai.js';
import { weeklyTrend } from './chart-data.js';
import { trendChart } from './chart-spec.js';
import { tallyColours } from './colour-tally.js';

/**
 * What a 周报 / 统计 reply shows besides the period's figures: each unit's open work per 三色
 * today, and the trend over the 8 weeks up to the period's end (or today, if sooner).
 */
export async function tallyExtras(
  c: {
    repos: Repositories;
    directory: Directory;
    calendar: WorkCalendar;
    today: LocalDate;
    settings: { colourScheme: ColourScheme; warnDays: number };
  },
  periodEnd: LocalDate,
): Promise<TallyExtras> {
  const last = periodEnd < c.today ? periodEnd : c.today;
  return { colours: await tallyColours(c), trend: trendChart(await weeklyTrend(c.repos.stats, c.directory, last, c.today)) };
}
