import type { TaskFilter } from '../../storage/repositories.js';
import { schemeColours } from '../render/task-colour.js';
import { ALL_STATUSES } from '../domain/task.js';
import { countUnit, historyRows, ledgerRow, taskPages, type HistoryRow, type LedgerContext, type LedgerRow, type UnitRow } from './ledger-data.js';
import { writeLedgerWorkbook } from './xlsx-ledger.js';

/**
 * Writes the 督办台账 of the tasks matching `asked` to `file`: one pass over the ledger for the
 * rows (counting the per-unit figures on the way), a second for the history.
 */
export async function exportLedger(file: string, c: LedgerContext, asked: TaskFilter): Promise<{ rows: number; history: number }> {
  // The 台账 is the record: withdrawn work (撤销交办) is in it, marked 已撤销, unless a status was asked for; no unit figure counts it.
  const filter: TaskFilter = asked.statuses ? asked : { ...asked, statuses: ALL_STATUSES };
  const units = new Map<string, UnitRow>();
  async function* rows(): AsyncGenerator<LedgerRow[]> {
    for await (const page of taskPages(c.repos, filter)) {
      const out: LedgerRow[] = [];
      for (const task of page) {
        const row = await ledgerRow(task, c);
        if (task.status !== 'withdrawn') countUnit(units, task, row, row.lead);
        out.push(row);
      }
      yield out;
    }
  }
  async function* history(): AsyncGenerator<HistoryRow[]> {
    for await (const page of taskPages(c.repos, filter)) {
      const out: HistoryRow[] = [];
      for (const task of page) out.push(...(await historyRows(task, c)));
      yield out;
    }
  }
  // Units in directory order, then any the directory no longer has.
  const order = c.directory.allUnits().map((u) => u.name);
  const sorted = () =>
    [...units.values()].sort((a, b) => {
      const ia = order.indexOf(a.unit);
      const ib = order.indexOf(b.unit);
      return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
    });
  return writeLedgerWorkbook(file, { rows: rows(), history, units: sorted, colours: schemeColours(c.scheme) });
}
