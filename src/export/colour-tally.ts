import type { Repositories } from '../../storage/repositories.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { schemeColours, taskColour, type ColourScheme, type TaskColour } from '../render/task-colour.js';
import type { TallyColours } from '../render/tally-view.js';
import type { ColourContext } from '../reports/colour-of.js';
import type { LocalDate } from '../time/shanghai.js';

/**
 * Open top-level work per lead unit and colour, as it stands today (tallies and documents show
 * these; a staged task counts once, its stages as its progress). The tasks come grouped in SQL
 * by what their colour depends on, so each group is worked out once: no task rows, no query per task.
 */
export async function colourCounts(c: ColourContext & { repos: Repositories }): Promise<Map<string, Partial<Record<TaskColour, number>>>> {
  const out = new Map<string, Partial<Record<TaskColour, number>>>();
  for (const g of await c.repos.stats.colourGroups(c.today)) {
    const stages = g.stagesTotal > 0 ? { total: g.stagesTotal, done: g.stagesDone } : undefined;
    // An overdue group has no start date (its colour does not need one).
    const task = { status: 'active' as const, deadline: g.deadline, assignedDate: g.assignedDate ?? g.deadline, ...(g.progress !== undefined ? { progress: g.progress } : {}) };
    const colour = taskColour(task, c.scheme, { today: c.today, calendar: c.calendar, warnDays: c.warnDays, stages });
    if (!colour) continue;
    const counts = out.get(g.leadUnitId) ?? {};
    counts[colour] = (counts[colour] ?? 0) + g.n;
    out.set(g.leadUnitId, counts);
  }
  return out;
}

/** The 三色 counts a tally reply shows per unit, under the configured scheme. */
export async function tallyColours(c: { repos: Repositories; calendar: WorkCalendar; today: LocalDate; settings: { colourScheme: ColourScheme; warnDays: number } }): Promise<TallyColours> {
  const scheme = c.settings.colourScheme;
  const counts = await colourCounts({ repos: c.repos, calendar: c.calendar, today: c.today, scheme, warnDays: c.settings.warnDays });
  return { colours: schemeColours(scheme), counts };
}
