import type { Repositories, TaskFilter } from '../../storage/repositories.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { schemeColours, type ColourScheme, type TaskColour } from '../render/task-colour.js';
import type { TallyColours } from '../render/tally-view.js';
import { colourOf, type ColourContext } from '../reports/colour-of.js';
import type { LocalDate } from '../time/shanghai.js';
import { taskPages } from './ledger-data.js';

/**
 * Open top-level work per lead unit and colour, as it stands today (tallies and documents show
 * these; a staged task counts once, its stages as its progress).
 */
export async function colourCounts(c: ColourContext & { repos: Repositories }, filter: TaskFilter = {}): Promise<Map<string, Partial<Record<TaskColour, number>>>> {
  const out = new Map<string, Partial<Record<TaskColour, number>>>();
  for await (const page of taskPages(c.repos, { ...filter, statuses: ['pending', 'active'], topLevelOnly: true })) {
    for (const task of page) {
      const colour = await colourOf(task, c);
      if (!colour) continue;
      const counts = out.get(task.leadUnitId) ?? {};
      counts[colour] = (counts[colour] ?? 0) + 1;
      out.set(task.leadUnitId, counts);
    }
  }
  return out;
}

/** The 三色 counts a tally reply shows per unit, under the configured scheme. */
export async function tallyColours(c: {
  repos: Repositories; calendar: WorkCalendar; today: LocalDate; settings: { colourScheme: ColourScheme; warnDays: number };
}): Promise<TallyColours> {
  const scheme = c.settings.colourScheme;
  const counts = await colourCounts({ repos: c.repos, calendar: c.calendar, today: c.today, scheme, warnDays: c.settings.warnDays });
  return { colours: schemeColours(scheme), counts };
}
