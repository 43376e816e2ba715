import type { TaskFilter } from '../../storage/repositories.js';
import type { TaskColour } from '../render/task-colour.js';
import { colourOf, taskPages, type LedgerContext } from './ledger-data.js';

/** Open work per lead unit and colour, as it stands today (tallies and documents show these). */
export async function colourCounts(c: LedgerContext, filter: TaskFilter = {}): Promise<Map<string, Partial<Record<TaskColour, number>>>> {
  const out = new Map<string, Partial<Record<TaskColour, number>>>();
  for await (const page of taskPages(c.repos, { ...filter, statuses: ['pending', 'active'] })) {
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
