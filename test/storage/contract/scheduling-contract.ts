import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStorage } from '../../../storage/repositories.js';
import { AT, at, newTask, tx, type OpenFresh } from './fixtures.js';

export function schedulingContract(open: OpenFresh): void {
  describe('job runs, chases, ladder, statistics, transactions', () => {
    let s: OpenedStorage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      await s.close();
    });

    it('claims a (job, period) once and keeps the first meta value', async () => {
      const run = { job: 'daily-chase', period: '2026-12-07', status: 'done' as const, ranAt: AT, scheduled: AT, messages: 0 };
      expect(await tx(s, (r) => r.jobRuns.claim(run))).toBe(true);
      expect(await tx(s, (r) => r.jobRuns.claim({ ...run, status: 'skipped' }))).toBe(false);
      await tx(s, (r) => r.jobRuns.setResult('daily-chase', '2026-12-07', 3, '3 条'));
      expect(await tx(s, (r) => r.jobRuns.find('daily-chase', '2026-12-07'))).toEqual({ ...run, messages: 3, detail: '3 条' });
      expect(await tx(s, (r) => r.jobRuns.find('daily-chase', '2026-12-08'))).toBeUndefined();
      expect(await tx(s, (r) => r.jobRuns.setMetaOnce('scheduler_started', 'a'))).toBe('a');
      expect(await tx(s, (r) => r.jobRuns.setMetaOnce('scheduler_started', 'b'))).toBe('a');
      expect(await tx(s, (r) => r.jobRuns.meta('nothing'))).toBeUndefined();
    });

    it('reads the overdue tasks by id in a bounded range, and records a page of chases in bulk', async () => {
      const t1 = await tx(s, (r) => r.tasks.create(newTask()));
      const t2 = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-20' })));
      const t3 = await tx(s, (r) => r.tasks.create(newTask({ origin: { platform: 'lark', chatId: 'oc_9', messageId: 'm-3' } })));
      await tx(s, (r) => r.tasks.markPartDone(t3.id, 'u-czj', '已完成', AT));
      const last = await tx(s, (r) => r.chases.lastTaskId());
      expect(last).toBe(t3.id);
      const all = await tx(s, (r) => r.chases.overdueAfter('2026-12-11', 0, last, 10));
      expect(all.map((x) => x.id)).toEqual([t1.id, t3.id]);
      expect(all[1]).toEqual({ id: t3.id, chaseCount: 0, deadline: '2026-12-10', ladderStep: 0, leadUnitId: 'u-fgw', platform: 'lark', chatId: 'oc_9' });
      expect((await tx(s, (r) => r.chases.overdueAfter('2026-12-11', t1.id, t2.id, 10))).map((x) => x.id)).toEqual([]);
      expect((await tx(s, (r) => r.chases.overdueAfter('2026-12-11', 0, last, 1))).map((x) => x.id)).toEqual([t1.id]);
      const c = (t: (typeof all)[number], step?: 1) => ({
        taskId: t.id,
        chaseNo: 1,
        details: JSON.stringify({ n: 1, overdueDays: 1, step }),
        step,
        platform: t.platform,
        chatId: t.chatId,
        leadUnitId: t.leadUnitId,
      });
      const steps0 = await tx(s, (r) => r.chases.lastStepId());
      await tx(s, (r) => r.chases.recordOverdue([c(all[0]!, 1), c(all[1]!)], { date: '2026-12-11', jobPeriod: '2026-12-11', at: AT, job: 'daily-chase:2026-12-11' }));
      const again = await tx(s, (r) => r.chases.overdueAfter('2026-12-11', 0, last, 10));
      expect(again.map((x) => [x.chaseCount, x.lastChasedDate])).toEqual([
        [1, '2026-12-11'],
        [1, '2026-12-11'],
      ]);
      expect((await tx(s, (r) => r.tasks.findById(t2.id)))?.chaseCount).toBe(0);
      expect((await tx(s, (r) => r.chases.forTask(t1.id))).map((x) => [x.unitId, x.personId, x.kind, x.chaseNo])).toEqual([
        ['u-fgw', 'p-zhang', 'overdue', 1],
        ['u-czj', 'p-li', 'overdue', 1],
      ]);
      expect((await tx(s, (r) => r.chases.forTask(t3.id))).map((x) => x.unitId)).toEqual(['u-fgw']);
      const audit = (await tx(s, (r) => r.audit.forTask(t1.id))).filter((a) => a.action === 'chase');
      expect(audit).toMatchObject([{ at: AT, actorId: 'system', details: { n: 1, overdueDays: 1, step: 1 }, source: { job: 'daily-chase:2026-12-11' } }]);
      expect((await tx(s, (r) => r.audit.forTask(t3.id))).filter((a) => a.action === 'chase')).toHaveLength(1);
      const steps = await tx(s, (r) => r.chases.stepRows('2026-12-11', steps0, 10));
      expect(steps.map((x) => [x.taskId, x.step, x.trigger, x.platform, x.chatId, x.unitId])).toEqual([[t1.id, 1, 'chase', 'console', 'chat-1', 'u-fgw']]);
      await tx(s, (r) => r.chases.recordOverdue([], { date: '2026-12-11', jobPeriod: '2026-12-11', at: AT, job: 'x' }));
    });

    it('reads open top-level work for the 三色 counts with its stages counted', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask()));
      const st1 = await tx(s, (r) => r.tasks.create(newTask({ parent: { id: t.id, code: t.code } })));
      await tx(s, (r) => r.tasks.create(newTask({ parent: { id: t.id, code: t.code } })));
      const done = await tx(s, (r) => r.tasks.create(newTask({ title: '已办', deadline: '2026-12-05' })));
      await tx(s, (r) => r.tasks.update(st1.id, { status: 'completed' }, AT));
      await tx(s, (r) => r.tasks.update(done.id, { status: 'verified' }, AT));
      const t2 = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-20' })));
      await tx(s, (r) => r.tasks.update(t2.id, { status: 'active' }, AT));
      const rows = await tx(s, (r) => r.stats.openForColours(0, 10));
      expect(rows).toEqual([
        { id: t.id, leadUnitId: 'u-fgw', status: 'pending', deadline: '2026-12-10', assignedDate: '2026-12-01', stagesTotal: 2, stagesDone: 1 },
        { id: t2.id, leadUnitId: 'u-fgw', status: 'active', deadline: '2026-12-20', assignedDate: '2026-12-01', stagesTotal: 0, stagesDone: 0 },
      ]);
      expect((await tx(s, (r) => r.stats.openForColours(t.id, 1))).map((x) => x.id)).toEqual([t2.id]);
    });

    it('groups open top-level work for the 三色 counts, overdue work by unit and deadline alone', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask()));
      const st1 = await tx(s, (r) => r.tasks.create(newTask({ parent: { id: t.id, code: t.code } })));
      await tx(s, (r) => r.tasks.create(newTask({ parent: { id: t.id, code: t.code } })));
      await tx(s, (r) => r.tasks.update(st1.id, { status: 'completed' }, AT));
      const done = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-20' })));
      await tx(s, (r) => r.tasks.update(done.id, { status: 'verified' }, AT));
      for (let i = 0; i < 2; i++) await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-20' })));
      const late = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-02' })));
      await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-03', parent: { id: late.id, code: late.code } })));
      const groups = await tx(s, (r) => r.stats.colourGroups('2026-12-07'));
      expect(groups.sort((a, b) => a.deadline.localeCompare(b.deadline))).toEqual([
        { leadUnitId: 'u-fgw', deadline: '2026-12-02', stagesTotal: 0, stagesDone: 0, n: 1 },
        { leadUnitId: 'u-fgw', deadline: '2026-12-10', assignedDate: '2026-12-01', stagesTotal: 2, stagesDone: 1, n: 1 },
        { leadUnitId: 'u-fgw', deadline: '2026-12-20', assignedDate: '2026-12-01', stagesTotal: 0, stagesDone: 0, n: 2 },
      ]);
    });

    it('reads the trend of several weeks at once, each week as its own tally counts it', async () => {
      const a = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-05' })));
      await tx(s, (r) => r.tasks.complete(a.id, 'ok', at('2026-12-04'), '2026-12-04'));
      const b = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-03' })));
      await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-02', parent: { id: b.id, code: b.code } })));
      const c = await tx(s, (r) => r.tasks.create(newTask({ assignedDate: '2026-12-08', deadline: '2026-12-09' })));
      await tx(s, (r) => r.tasks.complete(c.id, 'ok', at('2026-12-12'), '2026-12-12'));
      const weeks = [
        { from: '2026-11-30', to: '2026-12-06', dueBefore: '2026-12-07', doneBefore: '2026-12-07' },
        { from: '2026-12-07', to: '2026-12-13', dueBefore: '2026-12-10', doneBefore: '2026-12-11' },
      ];
      const trend = await tx(s, (r) => r.stats.trendByUnit(weeks));
      expect(trend).toEqual([
        {
          assigned: new Map([
            ['u-fgw', 2],
            ['u-czj', 2],
          ]),
          onTime: new Map([['u-fgw', 1]]),
          overdue: new Map([['u-fgw', 1]]),
        },
        {
          assigned: new Map([
            ['u-fgw', 1],
            ['u-czj', 1],
          ]),
          onTime: new Map(),
          overdue: new Map([['u-fgw', 2]]),
        },
      ]);
      for (const [i, w] of weeks.entries()) {
        expect(trend[i]?.assigned).toEqual(await tx(s, (r) => r.stats.assignedByUnit(w.from, w.to)));
        expect(trend[i]?.overdue).toEqual(await tx(s, (r) => r.stats.overdueByUnit(w.dueBefore, w.doneBefore)));
      }
      expect(await tx(s, (r) => r.stats.trendByUnit([]))).toEqual([]);
    });

    it('records a page of tasks reaching a step together: events, raised steps, 拟移交 listings and audit', async () => {
      const t1 = await tx(s, (r) => r.tasks.create(newTask()));
      const t2 = await tx(s, (r) => r.tasks.create(newTask()));
      await tx(s, (r) => r.tasks.update(t2.id, { ladderStep: 3 }, AT));
      const listed = await tx(s, (r) => r.ladder.list(t2.id, AT));
      const o = { date: '2026-12-11', at: AT, job: 'daily-chase:2026-12-11' };
      const item = (t: { id: number }, trigger: 'chase' | 'untrue') => ({ taskId: t.id, rootId: t.id, unitId: 'u-fgw', trigger, details: JSON.stringify({ step: 3, trigger }) });
      await tx(s, (r) => r.ladder.reachSteps(3, [item(t1, 'chase'), item(t2, 'untrue')], o));
      expect((await tx(s, (r) => r.tasks.findById(t1.id)))?.ladderStep).toBe(3);
      expect((await tx(s, (r) => r.ladder.eventsForTask(t1.id))).map((e) => [e.step, e.trigger, e.date, e.rootId, e.unitId])).toEqual([[3, 'chase', '2026-12-11', t1.id, 'u-fgw']]);
      expect((await tx(s, (r) => r.ladder.eventsForTask(t2.id))).map((e) => e.trigger)).toEqual(['untrue']);
      expect(await tx(s, (r) => r.ladder.currentProposal(t1.id))).toMatchObject({ status: 'listed', listedAt: AT });
      expect((await tx(s, (r) => r.ladder.currentProposal(t2.id)))?.id).toBe(listed.id);
      expect((await tx(s, (r) => r.audit.forTask(t1.id))).filter((a) => a.action === 'ladder_step')).toMatchObject([{ details: { step: 3, trigger: 'chase' }, source: { job: o.job } }]);
      await tx(s, (r) => r.ladder.reachSteps(1, [], o));
      await tx(s, (r) => r.ladder.reachSteps(2, [item(t1, 'chase')], { ...o, notice: '办公厅通报〔2026〕第1期' }));
      expect((await tx(s, (r) => r.tasks.findById(t1.id)))?.ladderStep).toBe(3);
      expect((await tx(s, (r) => r.ladder.eventsForTask(t1.id))).at(-1)).toMatchObject({ step: 2, notice: '办公厅通报〔2026〕第1期' });
      // Groups of one call, each with its own notice: the item's notice wins over the call's.
      await tx(s, (r) => r.ladder.reachSteps(1, [{ ...item(t1, 'untrue'), notice: '督查室通报〔2026〕第7期' }, item(t2, 'untrue')], { ...o, notice: '督查室通报〔2026〕第8期' }));
      expect((await tx(s, (r) => r.ladder.eventsForNotice('督查室通报〔2026〕第7期'))).map((e) => e.taskId)).toEqual([t1.id]);
      expect((await tx(s, (r) => r.ladder.eventsForNotice('督查室通报〔2026〕第8期'))).map((e) => e.taskId)).toEqual([t2.id]);
      await tx(s, (r) => r.ladder.reachSteps(1, [item(t1, 'untrue')], o));
      expect((await tx(s, (r) => r.ladder.eventsForTask(t1.id))).at(-1)?.notice).toBeUndefined();
    });

    it('rolls a failed transaction back whole', async () => {
      await expect(
        tx(s, async (r) => {
          await r.tasks.create(newTask());
          await r.bindings.bind({ platform: 'lark', accountId: 'ou_1', personId: 'p-a', boundBy: 'x', boundAt: AT });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await tx(s, (r) => r.tasks.count({}))).toBe(0);
      expect(await tx(s, (r) => r.bindings.personFor('lark', 'ou_1'))).toBeUndefined();
      expect((await tx(s, (r) => r.tasks.create(newTask()))).code).toBe('D-0001');
    });

    it('records chases and counts them per unit, a task with its stages once a day', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-03' })));
      const st = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-02', parent: { id: t.id, code: t.code } })));
      for (const id of [t.id, st.id]) {
        await tx(s, (r) => r.chases.record({ taskId: id, unitId: 'u-fgw', personId: 'p-zhang', kind: 'overdue', chaseNo: 1, chasedDate: '2026-12-07', jobPeriod: '2026-12-07' }));
      }
      await tx(s, (r) => r.chases.record({ taskId: t.id, unitId: 'u-fgw', personId: 'p-zhang', kind: 'warning', chasedDate: '2026-12-08', jobPeriod: '2026-12-08' }));
      expect(await tx(s, (r) => r.chases.forTask(t.id))).toMatchObject([
        { kind: 'overdue', chaseNo: 1 },
        { kind: 'warning', chaseNo: undefined },
      ]);
      expect(await tx(s, (r) => r.stats.chasesByUnit('2026-12-01', '2026-12-31'))).toEqual(new Map([['u-fgw', 1]]));
      expect(await tx(s, (r) => r.stats.overdueByUnit('2026-12-07', '2026-12-07'))).toEqual(new Map([['u-fgw', 1]]));
      expect(await tx(s, (r) => r.stats.overdueItems('2026-12-07', 10))).toEqual([{ taskId: t.id, code: t.code, title: '编制清单', unitId: 'u-fgw', deadline: '2026-12-02', stages: [st.code] }]);
    });

    it('tallies assignments, signatures and completions per unit', async () => {
      const a = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-05' })));
      const b = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-05' })));
      const c = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-05' })));
      await tx(s, (r) => r.tasks.acknowledge(a.id, 'u-fgw', 'p-zhang', at('2026-12-01', '11:00:00')));
      await tx(s, (r) => r.tasks.acknowledge(b.id, 'u-fgw', 'p-zhang', at('2026-12-02')));
      await tx(s, (r) => r.tasks.complete(a.id, 'ok', at('2026-12-04'), '2026-12-04'));
      await tx(s, (r) => r.tasks.update(b.id, { deadline: '2026-12-09' }, AT));
      await tx(s, (r) => r.tasks.complete(b.id, 'ok', at('2026-12-08'), '2026-12-08'));
      await tx(s, (r) => r.tasks.complete(c.id, 'ok', at('2026-12-10'), '2026-12-10'));
      expect(await tx(s, (r) => r.stats.assignedByUnit('2026-12-01', '2026-12-01'))).toEqual(
        new Map([
          ['u-fgw', 3],
          ['u-czj', 3],
        ]),
      );
      expect(await tx(s, (r) => r.stats.ackedOnTimeByUnit('2026-12-01', '2026-12-01'))).toEqual(new Map([['u-fgw', 1]]));
      // The signing rate's base: before the signing day has passed only what is signed counts.
      expect(await tx(s, (r) => r.stats.ackDueByUnit('2026-12-01', '2026-12-01', '2026-12-01'))).toEqual(new Map([['u-fgw', 2]]));
      expect(await tx(s, (r) => r.stats.ackDueByUnit('2026-12-01', '2026-12-01', '2026-12-02'))).toEqual(
        new Map([
          ['u-fgw', 3],
          ['u-czj', 3],
        ]),
      );
      expect(await tx(s, (r) => r.stats.completedByUnit('2026-12-01', '2026-12-31'))).toEqual(new Map([['u-fgw', { total: 3, onTime: 1, inExtension: 1, late: 1 }]]));
      expect(await tx(s, (r) => r.stats.dueByUnit('2026-12-01', '2026-12-31'))).toEqual(new Map([['u-fgw', 3]]));
      expect(await tx(s, (r) => r.stats.lateCompletions('2026-12-01', '2026-12-31', 10))).toEqual([{ taskId: c.id, code: c.code, title: '编制清单', unitId: 'u-fgw', deadline: '2026-12-05' }]);
      await tx(s, (r) =>
        r.coordinations.create({
          taskId: a.id,
          requesterId: 'p-zhang',
          requesterUnit: 'u-fgw',
          reason: 'r',
          ownerId: 'p-o',
          handlerIds: [],
          levelSince: '2026-12-01',
          openedAt: AT,
          origin: { platform: 'console', chatId: 'c' },
          partyUnits: [],
        }),
      );
      expect(await tx(s, (r) => r.stats.coordinationsByUnit('2026-12-01', '2026-12-01'))).toEqual(new Map([['u-fgw', 1]]));
    });

    it('numbers notices, keeps ladder events, notes and handover proposals', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask()));
      expect([await tx(s, (r) => r.ladder.nextNoticeNo('督查室', 2026)), await tx(s, (r) => r.ladder.nextNoticeNo('督查室', 2026)), await tx(s, (r) => r.ladder.nextNoticeNo('督查室', 2027))]).toEqual(
        [1, 2, 1],
      );
      await tx(s, (r) => r.ladder.addEvent({ taskId: t.id, rootId: t.id, unitId: 'u-fgw', step: 1, trigger: 'chase', date: '2026-12-07', at: AT }));
      await tx(s, (r) => r.ladder.addEvent({ taskId: t.id, rootId: t.id, unitId: 'u-czj', step: 2, trigger: 'untrue', date: '2026-12-08', at: AT, notice: '督查室通报〔2026〕1号' }));
      expect((await tx(s, (r) => r.ladder.eventsForTask(t.id))).map((e) => [e.step, e.notice])).toEqual([
        [1, undefined],
        [2, '督查室通报〔2026〕1号'],
      ]);
      expect((await tx(s, (r) => r.ladder.events({ from: '2026-12-01', to: '2026-12-31', unitId: 'u-czj' }))).map((e) => e.unitId)).toEqual(['u-czj']);
      expect((await tx(s, (r) => r.ladder.eventsForNotice('督查室通报〔2026〕1号'))).map((e) => e.unitId)).toEqual(['u-czj']);
      expect(await tx(s, (r) => r.ladder.eventsForNotice('没有这一期'))).toEqual([]);
      expect((await tx(s, (r) => r.ladder.events({ from: '2026-12-01', to: '2026-12-31', minStep: 2 }))).length).toBe(1);
      expect(await tx(s, (r) => r.stats.ledgerByUnit('2026-12-01', '2026-12-31'))).toEqual(new Map([['u-fgw', 1]]));
      const note = await tx(s, (r) =>
        r.ladder.addNote({ taskId: t.id, kind: 'demand', authorId: 'p-boss', leaderId: 'p-boss', text: '限期整改', due: '2026-12-15', at: AT, date: '2026-12-01', status: 'open' }),
      );
      await tx(s, (r) => r.ladder.addNote({ taskId: t.id, kind: 'explanation', authorId: 'p-zhang', leaderId: 'p-boss', text: '说明', at: AT, date: '2026-12-01', status: 'open' }));
      expect((await tx(s, (r) => r.ladder.notes('demand', ['open', 'met']))).map((n) => n.id)).toEqual([note.id]);
      await tx(s, (r) => r.ladder.setNoteStatus(note.id, 'met'));
      expect(await tx(s, (r) => r.ladder.notes('demand', ['open']))).toEqual([]);
      expect((await tx(s, (r) => r.ladder.notesForTask(t.id))).map((n) => [n.kind, n.status, n.measures])).toEqual([
        ['demand', 'met', undefined],
        ['explanation', 'open', undefined],
      ]);
      const p = await tx(s, (r) => r.ladder.list(t.id, AT));
      await tx(s, (r) => r.ladder.updateProposal(p.id, { status: 'proposed', proposedBy: 'p-office', reason: '屡催不办' }));
      expect(await tx(s, (r) => r.ladder.currentProposal(t.id))).toMatchObject({ id: p.id, status: 'proposed', proposedBy: 'p-office', reason: '屡催不办', headId: undefined });
      expect((await tx(s, (r) => r.ladder.openProposals())).map((x) => x.id)).toEqual([p.id]);
      await tx(s, (r) => r.ladder.updateProposal(p.id, { status: 'approved' }));
      expect(await tx(s, (r) => r.ladder.openProposals())).toEqual([]);
    });
  });
}
