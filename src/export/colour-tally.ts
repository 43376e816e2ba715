import type { Repositories } from '../../storage/repositories.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { schemeColours, taskColour, type ColourScheme, type TaskColour } from '../render/task-colour.js';
import type { TallyColours } from '../render/tally-view.js';
import type { ColourContext } from '../reports/colour-of.js';
import type { LocalDate } from '../time/shanghai.js';

/**
 * Open top-level work per lead unit and colour, as it stands today (tallies and documents show
 * these; a staged task counts once, its stages as its progress). Read a page of light rows at
 * a time, the stages counted in SQL: no whole task rows, no query per task.
 */
export async function colourCounts(c: ColourContext & { repos: Repositories }): Promise<Map<string, Partial<Record<TaskColour, number>>>> {
  const out = new Map<string, Partial<Record<TaskColour, number>>>();
  for (let after = 0; ; ) {
    const page = await c.repos.stats.openForColours(after, PAGE);
    for (const t of page) {
      const stages = t.stagesTotal > 0 ? { total: t.stagesTotal, done: t.stagesDone } : undefined;
      const colour = taskColour(t, c.scheme, { today: c.today, calendar: c.calendar, warnDays: c.warnDays, stages });
      if (!colour) continue;
      const counts = out.get(t.leadUnitId) ?? {};
      counts[colour] = (counts[colour] ?? 0) + 1;
      out.set(t.leadUnitId, counts);
    }
    if (page.length < PAGE) return out;
    after = page.at(-1)?.id ?? after;
  }
}

const PAGE = 2000;

/** The 三色 counts a tally reply shows per unit, under the configured scheme. */
export async function tallyColours(c: { repos: Repositories; calendar: WorkCalendar; today: LocalDate; settings: { colourScheme: ColourScheme; warnDays: number } }): Promise<TallyColours> {
  const scheme = c.settings.colourScheme;
  const counts = await colourCounts({ repos: c.repos, calendar: c.calendar, today: c.today, scheme, warnDays: c.settings.warnDays });
  return { colours: schemeColours(scheme), counts };
}
