import { describe, expect, it } from 'vitest';
import { openStorage } from '../../storage/open-storage.js';
import type { SqliteStorage } from '../../storage/sqlite/sqlite-storage.js';

/**
 * Plans that keep a morning's statements off the whole table. SQLite has no statistics here, so
 * its plan does not depend on the data: what it chooses on this empty ledger it chooses on a
 * million tasks.
 */
describe('SQLite query plans of the chase and the tallies', () => {
  it('finds 未签收 work from the partial index of unsigned units, not an EXISTS per open task', async () => {
    const seen: Array<{ sql: string; args: unknown[] }> = [];
    const s = openStorage(':memory:', { statementObserver: (_r, sql, args) => seen.push({ sql, args }) }) as SqliteStorage;
    await s.transaction((r) => r.tasks.list({ statuses: ['pending', 'active'], unacknowledged: true, assignedTo: '2026-12-06', order: 'assigned' }));
    const list = seen.find((x) => x.sql.startsWith('SELECT t.* FROM tasks t'));
    expect(list).toBeDefined();
    const plan = (s.db.prepare(`EXPLAIN QUERY PLAN ${list!.sql}`).all(...list!.args) as Array<{ detail: string }>).map((p) => p.detail);
    // The unsigned units are listed once from their index; no subquery runs per open task.
    expect(plan.join(' / ')).toContain('SCAN u USING INDEX task_units_unacked');
    expect(plan.join(' / ')).toMatch(/LIST SUBQUERY/);
    expect(plan.join(' / ')).not.toMatch(/CORRELATED|EXISTS/);
    await s.close();
  });
  it('counts work assigned in a period from assigned_days by date, completions from their index alone, acknowledgements by assignment date', async () => {
    const seen: Array<{ sql: string; args: unknown[] }> = [];
    const s = openStorage(':memory:', { statementObserver: (_r, sql, args) => seen.push({ sql, args }) }) as SqliteStorage;
    await s.transaction((r) => r.stats.assignedByUnit('2026-11-30', '2026-12-06'));
    await s.transaction((r) => r.stats.trendByUnit([{ from: '2026-11-30', to: '2026-12-06', dueBefore: '2026-12-07', doneBefore: '2026-11-30' }]));
    await s.transaction((r) => r.stats.ackedOnTimeByUnit('2026-11-30', '2026-12-06'));
    const plan = (sql: string, args: unknown[]) => (s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((p) => p.detail).join(' / ');
    const assigned = seen.filter((x) => x.sql.includes('FROM assigned_days'));
    expect(assigned).toHaveLength(2);
    for (const c of assigned) {
      const p = plan(c.sql, c.args);
      expect(p).toMatch(/SEARCH assigned_days USING INDEX sqlite_autoindex_assigned_days_1 \(assigned_date>\? AND assigned_date<\?\)/);
      expect(p).not.toContain('tasks');
    }
    // The trend's completions per day, on time or not, from the completion index alone.
    const onTime = seen.filter((x) => x.sql.includes('completed_date AS day'));
    expect(onTime).toHaveLength(1);
    expect(plan(onTime[0]!.sql, onTime[0]!.args)).toContain('SEARCH tasks USING COVERING INDEX tasks_completed_deadline (completed_date>? AND completed_date<?)');
    const acked = seen.filter((x) => x.sql.includes('t.assigned_date BETWEEN'));
    expect(acked).toHaveLength(1);
    expect(plan(acked[0]!.sql, acked[0]!.args)).toContain('SEARCH t USING INDEX tasks_assigned_date');
    await s.close();
  });
  it('counts chases from chase_days, overdue work from the open-work index in unit order, the 台账 from its index, 三色 without sorting overdue work', async () => {
    const seen: Array<{ sql: string; args: unknown[] }> = [];
    const s = openStorage(':memory:', { statementObserver: (_r, sql, args) => seen.push({ sql, args }) }) as SqliteStorage;
    await s.transaction((r) => r.stats.chasesByUnit('2026-11-30', '2026-12-06'));
    await s.transaction((r) => r.stats.overdueByUnit('2026-12-07', '2026-12-07'));
    await s.transaction((r) => r.stats.ledgerByUnit('2026-11-30', '2026-12-06'));
    await s.transaction((r) => r.stats.colourGroups('2026-12-07'));
    const plan = (i: number) => (s.db.prepare(`EXPLAIN QUERY PLAN ${seen[i]!.sql}`).all(...seen[i]!.args) as Array<{ detail: string }>).map((p) => p.detail).join(' / ');
    expect(seen).toHaveLength(4);
    // The excused tasks' chases are found by task, never by reading the period's ledger.
    expect(plan(0)).toContain('chase_days');
    expect(plan(0)).toContain('SEARCH c USING INDEX chase_log_task (task_id=?)');
    expect(plan(0)).not.toContain('chase_log_tally');
    // Open top-level work counted per unit as the index is read: no sort of every overdue task, no task row read.
    expect(plan(1)).toContain('SCAN tasks USING COVERING INDEX tasks_open_unit');
    // Work completed since the cutoff by its completion date, from the index alone; not every closed task by (status, deadline).
    expect(plan(1)).toContain('SEARCH tasks USING COVERING INDEX tasks_completed_deadline (completed_date>?)');
    // (status, deadline) is read only for the withdrawn tasks (status = 'withdrawn', a handful), never for a range of closed work.
    expect(plan(1).replaceAll('SEARCH tasks USING COVERING INDEX tasks_status_deadline (status=?)', '')).not.toContain('tasks_status_deadline');
    expect(plan(1)).toContain('SEARCH tasks USING COVERING INDEX tasks_status_deadline (status=?)');
    // The tasks waiting on a request or excused, by id.
    expect(plan(1)).toContain('SEARCH tasks USING INTEGER PRIMARY KEY (rowid=?)');
    expect(plan(2)).toContain('COVERING INDEX ladder_events_steps');
    // 三色: overdue work grouped as the unit index is read; only the work not yet due by deadline.
    expect(plan(3)).toContain('SCAN tasks USING COVERING INDEX tasks_open_unit');
    expect(plan(3)).toContain('tasks_open_cover (deadline>?)');
    await s.close();
  });
  it('adds a page of chases to chase_days by reading the new ledger rows by id, not every overdue row', async () => {
    const seen: Array<{ sql: string; args: unknown[] }> = [];
    const s = openStorage(':memory:', { statementObserver: (_r, sql, args) => seen.push({ sql, args }) }) as SqliteStorage;
    await s.transaction((r) =>
      r.chases.recordOverdue([{ taskId: 1, chaseNo: 1, details: '{}', platform: 'console', chatId: 'c', leadUnitId: 'u' }], { date: '2026-12-07', jobPeriod: '2026-12-07', at: 'x', job: 'j' }),
    );
    const add = seen.find((x) => x.sql.startsWith('INSERT INTO chase_days'));
    expect(add).toBeDefined();
    const plan = (s.db.prepare(`EXPLAIN QUERY PLAN ${add!.sql}`).all(...add!.args) as Array<{ detail: string }>).map((p) => p.detail).join(' / ');
    expect(plan).toContain('SEARCH c USING INTEGER PRIMARY KEY (rowid>?)');
    expect(plan).not.toContain('SEARCH c USING COVERING INDEX chase_log_tally');
    await s.close();
  });

  it('reads the reports of a period from their index by time', async () => {
    const seen: Array<{ sql: string; args: unknown[] }> = [];
    const s = openStorage(':memory:', { statementObserver: (_r, sql, args) => seen.push({ sql, args }) }) as SqliteStorage;
    await s.transaction((r) => r.tasks.reportsBetween('2026-12-07T00:00:00.000+08:00', '2026-12-08T00:00:00.000+08:00', 100));
    const read = seen.find((x) => x.sql.includes('FROM progress_reports WHERE at'));
    expect(read).toBeDefined();
    const plan = (s.db.prepare(`EXPLAIN QUERY PLAN ${read!.sql}`).all(...read!.args) as Array<{ detail: string }>).map((p) => p.detail).join(' / ');
    expect(plan).toContain('SEARCH progress_reports USING INDEX progress_reports_at (at>? AND at<?)');
    await s.close();
  });
});
