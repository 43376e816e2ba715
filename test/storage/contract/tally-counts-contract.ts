import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStorage } from '../../../storage/repositories.js';
import { addDays } from '../../../src/time/shanghai.js';
import { AT, at, newTask, tx, type OpenFresh } from './fixtures.js';

/** A small seeded generator, so that a failure can be replayed. */
function prng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    x ^= x + Math.imul(x ^ (x >>> 7), 61);
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Model {
  id: number;
  root: number;
  lead: string;
  co?: string;
  deadline: string;
  assigned: string;
  completed?: string;
  pending: boolean;
}

const UNITS = ['u-a', 'u-b', 'u-c'];
const day = (r: () => number, from: string, span: number) => addDays(from, Math.floor(r() * span));

/**
 * The tallies' counts are computed in parts for speed (storage/overdue-sql.ts, chase_days): on
 * random ledgers they must equal the rules computed naively, row by row, from what was written.
 */
export function tallyCountsContract(open: OpenFresh): void {
  describe('tally counts equal the rules computed row by row', () => {
    let s: OpenedStorage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      await s.close();
    });

    for (const seed of [1, 2, 3, 4, 5, 6]) {
      it(`overdue per unit at several cutoffs, chases and assignments per unit (seed ${seed})`, async () => {
        const r = prng(seed);
        const tasks: Model[] = [];
        for (let i = 0; i < 40; i++) {
          const roots = tasks.filter((t) => t.root === t.id);
          const parent = roots.length > 0 && r() < 0.35 ? roots[Math.floor(r() * roots.length)] : undefined;
          const lead = UNITS[Math.floor(r() * UNITS.length)] ?? 'u-a';
          const co = r() < 0.4 ? UNITS.find((u) => u !== lead) : undefined;
          const deadline = day(r, '2026-11-01', 50);
          // Spread over four weeks before the first deadline without drawing from r (the seeds keep their ledgers).
          const assigned = addDays('2026-10-05', (i * 7) % 27);
          const created = await tx(s, (x) =>
            x.tasks.create(
              newTask({
                deadline,
                assignedDate: assigned,
                units: [{ unitId: lead, role: 'lead', responsibleId: 'p-zhang' }, ...(co ? [{ unitId: co, role: 'co' as const, responsibleId: 'p-li' }] : [])],
                ...(parent ? { parent: { id: parent.id, code: `D-${parent.id}` } } : {}),
              }),
            ),
          );
          const m: Model = { id: created.id, root: parent?.id ?? created.id, lead, deadline, assigned, pending: false, ...(co ? { co } : {}) };
          if (r() < 0.35) {
            m.completed = day(r, '2026-11-05', 45);
            await tx(s, (x) => x.tasks.complete(m.id, '完成', at(m.completed as string), m.completed as string));
          } else if (r() < 0.15) {
            m.pending = true;
            await tx(s, (x) =>
              x.requests.create({ taskId: m.id, kind: 'extension', unitId: lead, raisedBy: 'p-zhang', raisedAt: AT, reason: '资料未齐', proposedDeadline: '2026-12-30', answerDue: '2026-12-20' }),
            );
          }
          tasks.push(m);
        }
        // Chases: one at a time and in pages, stages with their task on the same day.
        const rows: Array<{ unit: string; root: number; date: string }> = [];
        for (const date of ['2026-11-20', '2026-11-23', '2026-11-30']) {
          const chased = tasks.filter(() => r() < 0.5);
          const half = Math.floor(chased.length / 2);
          for (const t of chased.slice(0, half)) {
            const unit = r() < 0.7 ? t.lead : (t.co ?? t.lead);
            await tx(s, (x) => x.chases.record({ taskId: t.id, unitId: unit, personId: 'p-zhang', kind: 'overdue', chaseNo: 1, chasedDate: date, jobPeriod: date }));
            rows.push({ unit, root: t.root, date });
          }
          const page = chased.slice(half);
          for (const part of [page.slice(0, 3), page.slice(3)]) {
            const chases = part.map((t) => ({ taskId: t.id, chaseNo: 1, details: '{}', platform: 'console', chatId: 'chat-1', leadUnitId: t.lead }));
            await tx(s, (x) => x.chases.recordOverdue(chases, { date, jobPeriod: date, at: at(date), job: `daily-chase:${date}` }));
            for (const t of part) rows.push({ unit: t.lead, root: t.root, date }, ...(t.co ? [{ unit: t.co, root: t.root, date }] : []));
          }
        }
        // Two top-level tasks excused after their chases.
        const excused = new Set(
          tasks
            .filter((t) => t.root === t.id)
            .slice(0, 2)
            .map((t) => t.id),
        );
        for (const id of excused) {
          const e = await tx(s, (x) => x.excusals.propose({ taskId: id, reason: '政策调整', proposedBy: 'p-office', proposedAt: AT }));
          await tx(s, (x) => x.excusals.decide(e.id, 'confirmed', 'p-sec', at('2026-12-02')));
        }
        // Two open top-level tasks withdrawn (撤销交办): out of every figure, as if excused, and out of the assigned counts.
        const withdrawn = new Set(
          tasks
            .filter((t) => t.root === t.id && !excused.has(t.id) && t.completed === undefined)
            .slice(0, 2)
            .map((t) => t.id),
        );
        for (const id of withdrawn) await tx(s, (x) => x.tasks.withdraw(id, at('2026-12-03')));
        expect(withdrawn.size).toBe(2);
        const gone = (root: number) => excused.has(root) || withdrawn.has(root);

        const overdue = (dueBefore: string, doneBefore: string) => {
          const seen = new Set<string>();
          const out = new Map<string, number>();
          for (const t of tasks) {
            if (gone(t.root) || t.deadline >= dueBefore) continue;
            if (t.completed === undefined ? t.pending : t.completed < doneBefore) continue;
            const k = `${t.lead}/${t.root}`;
            if (seen.has(k)) continue;
            seen.add(k);
            out.set(t.lead, (out.get(t.lead) ?? 0) + 1);
          }
          return out;
        };
        const weeks = [0, 7, 14, 21, 28].map((d) => {
          const from = addDays('2026-11-02', d);
          return { from, to: addDays(from, 6), dueBefore: addDays(from, 7), doneBefore: addDays(from, 7) };
        });
        weeks.push({ from: '2026-12-07', to: '2026-12-13', dueBefore: '2026-12-09', doneBefore: '2026-12-10' });
        const trend = await tx(s, (x) => x.stats.trendByUnit(weeks));
        weeks.forEach((w, i) => expect(trend[i]?.overdue, `week of ${w.from}`).toEqual(overdue(w.dueBefore, w.doneBefore)));
        for (const w of weeks) expect(await tx(s, (x) => x.stats.overdueByUnit(w.dueBefore, w.doneBefore))).toEqual(overdue(w.dueBefore, w.doneBefore));
        // The ledgers are not trivial: something is overdue, waiting, done late and excused.
        expect([...overdue('2026-12-09', '2026-12-10').values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(3);

        const chases = (from: string, to: string) => {
          const seen = new Set<string>();
          const out = new Map<string, number>();
          for (const c of rows) {
            const k = `${c.unit}/${c.root}/${c.date}`;
            if (c.date < from || c.date > to || gone(c.root) || seen.has(k)) continue;
            seen.add(k);
            out.set(c.unit, (out.get(c.unit) ?? 0) + 1);
          }
          return out;
        };
        for (const [from, to] of [
          ['2026-11-01', '2026-11-30'],
          ['2026-11-21', '2026-11-30'],
          ['2026-11-20', '2026-11-20'],
          ['2026-12-01', '2026-12-31'],
        ] as const) {
          expect(await tx(s, (x) => x.stats.chasesByUnit(from, to)), `${from}..${to}`).toEqual(chases(from, to));
        }
        expect(rows.filter((c) => excused.has(c.root)).length).toBeGreaterThan(0);
        expect(rows.filter((c) => withdrawn.has(c.root)).length).toBeGreaterThan(0);

        // Work assigned per unit (assigned_days, kept at 交办): each unit of a top-level task once, stages not at all.
        const assignedIn = (from: string, to: string) => {
          const out = new Map<string, number>();
          for (const t of tasks) {
            if (t.root !== t.id || withdrawn.has(t.id) || t.assigned < from || t.assigned > to) continue;
            for (const u of [t.lead, ...(t.co ? [t.co] : [])]) out.set(u, (out.get(u) ?? 0) + 1);
          }
          return out;
        };
        const october = [0, 7, 14, 21, 28].map((d) => {
          const from = addDays('2026-09-28', d);
          return { from, to: addDays(from, 6), dueBefore: addDays(from, 7), doneBefore: addDays(from, 7) };
        });
        const byWeek = await tx(s, (x) => x.stats.trendByUnit(october));
        october.forEach((w, i) => expect(byWeek[i]?.assigned, `assigned in the week of ${w.from}`).toEqual(assignedIn(w.from, w.to)));
        trend.forEach((t) => expect(t.assigned).toEqual(new Map()));
        for (const [from, to] of [
          ['2026-10-01', '2026-10-31'],
          ['2026-10-12', '2026-10-18'],
          ['2026-10-05', '2026-10-05'],
        ] as const) {
          expect(await tx(s, (x) => x.stats.assignedByUnit(from, to)), `assigned ${from}..${to}`).toEqual(assignedIn(from, to));
        }
        expect(tasks.filter((t) => t.root !== t.id).length).toBeGreaterThan(0);
        expect(tasks.filter((t) => t.co !== undefined && t.root === t.id).length).toBeGreaterThan(0);
      });
    }
  });
}
