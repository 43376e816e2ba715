import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStorage } from '../../../storage/repositories.js';
import { AT, at, newTask, tx, type OpenFresh } from './fixtures.js';

/** The durable inbox, paged-run cursors and chase pages, and the 考核与台账 registers. */
export function assessmentContract(open: OpenFresh): void {
  describe('inbox, run cursors, chase pages, warnings, excusals, marks, rectification lists', () => {
    let s: OpenedStorage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      await s.close();
    });

    it('records an inbound event once, hands it back in order, and forgets it when done', async () => {
      const item = (messageId: string, chatId = 'chat-1') => ({ platform: 'lark', messageId, chatId, payload: `{"id":"${messageId}"}`, at: AT });
      expect(await tx(s, (r) => r.inbox.lastSeq())).toBe(0);
      const a = await tx(s, (r) => r.inbox.record(item('om_1')));
      const b = await tx(s, (r) => r.inbox.record(item('om_2', 'chat-2')));
      expect(a).toBeTypeOf('number');
      expect(b).toBeGreaterThan(a!);
      expect(await tx(s, (r) => r.inbox.record(item('om_1', 'chat-9')))).toBeUndefined();
      expect(await tx(s, (r) => r.inbox.record({ ...item('om_1'), platform: 'wechat' }))).toBeTypeOf('number');
      const pending = await tx(s, (r) => r.inbox.pending());
      expect(pending.map((p) => [p.platform, p.messageId, p.chatId])).toEqual([
        ['lark', 'om_1', 'chat-1'],
        ['lark', 'om_2', 'chat-2'],
        ['wechat', 'om_1', 'chat-1'],
      ]);
      expect(pending[0]).toMatchObject({ seq: a, payload: '{"id":"om_1"}', at: AT });
      await tx(s, (r) => r.inbox.done(a!));
      expect((await tx(s, (r) => r.inbox.pending())).map((p) => p.seq)).not.toContain(a);
      const last = await tx(s, (r) => r.inbox.lastSeq());
      expect(last).toBe(Math.max(...pending.map((p) => p.seq)));
      // A rolled-back record leaves nothing behind.
      await expect(
        s.transaction(async (r) => {
          await r.inbox.record(item('om_3'));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await tx(s, (r) => r.inbox.pending())).map((p) => p.messageId)).toEqual(['om_2', 'om_1']);
    });

    it('saves and reads a paged run cursor, and raises a high-water mark', async () => {
      expect(await tx(s, (r) => r.jobRuns.cursor('daily-chase', '2026-12-07'))).toBeUndefined();
      await tx(s, (r) => r.jobRuns.saveCursor('daily-chase', '2026-12-07', { cursor: '12', messages: 3, pages: 1 }, AT));
      await tx(s, (r) => r.jobRuns.saveCursor('daily-chase', '2026-12-07', { cursor: '40', messages: 9, pages: 2 }, at('2026-12-07', '10:00:05')));
      expect(await tx(s, (r) => r.jobRuns.cursor('daily-chase', '2026-12-07'))).toEqual({ cursor: '40', messages: 9, pages: 2 });
      expect(await tx(s, (r) => r.jobRuns.cursor('daily-chase', '2026-12-08'))).toBeUndefined();
      expect(await tx(s, (r) => r.jobRuns.raiseMeta('clock_high', at('2026-12-07')))).toBe(at('2026-12-07'));
      expect(await tx(s, (r) => r.jobRuns.raiseMeta('clock_high', at('2026-12-06')))).toBe(at('2026-12-07'));
      expect(await tx(s, (r) => r.jobRuns.raiseMeta('clock_high', at('2026-12-08')))).toBe(at('2026-12-08'));
    });

    it('reads a chase run back in pages, by recipient, with its ladder steps', async () => {
      const t1 = await tx(s, (r) => r.tasks.create(newTask()));
      const t2 = await tx(s, (r) => r.tasks.create(newTask({ title: '第二件', origin: { platform: 'console', chatId: 'chat-2', messageId: 'm-2' } })));
      expect((await tx(s, (r) => r.tasks.findByIds([t2.id, 999, t1.id]))).map((t) => t.code)).toEqual([t1.code, t2.code]);
      expect(await tx(s, (r) => r.tasks.findByIds([]))).toEqual([]);
      const before = await tx(s, (r) => r.chases.lastId());
      const rec = (taskId: number, personId: string, kind: 'overdue' | 'unacked', jobPeriod = '2026-12-11') =>
        tx(s, (r) => r.chases.record({ taskId, unitId: 'u-fgw', personId, kind, chaseNo: 1, chasedDate: '2026-12-11', jobPeriod }));
      await rec(t1.id, 'p-zhang', 'overdue');
      await rec(t2.id, 'p-zhang', 'overdue');
      await rec(t1.id, 'p-li', 'unacked');
      await rec(t1.id, 'p-zhang', 'overdue', '2026-12-10');
      const rows = await tx(s, (r) => r.chases.runRows('2026-12-11', before, ['overdue'], 10));
      expect(rows.map((x) => [x.chatId, x.personId])).toEqual([
        ['chat-1', 'p-zhang'],
        ['chat-2', 'p-zhang'],
      ]);
      expect(rows[0]).toMatchObject({ platform: 'console', first: rows[0]!.id });
      expect(await tx(s, (r) => r.chases.runRows('2026-12-11', before, ['overdue', 'unacked'], 2))).toHaveLength(2);
      const run = await tx(s, (r) => r.chases.runRows('2026-12-11', before, ['overdue', 'unacked'], 10));
      expect(run.map((x) => [x.chatId, x.personId])).toEqual([
        ['chat-1', 'p-zhang'],
        ['chat-2', 'p-zhang'],
        ['chat-1', 'p-li'],
      ]);
      const mine = await tx(s, (r) => r.chases.rowsFor([run[0]!.id]));
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        id: run[0]!.id,
        taskId: t1.id,
        unitId: 'u-fgw',
        kind: 'overdue',
        chaseNo: 1,
        platform: 'console',
        chatId: 'chat-1',
        personId: 'p-zhang',
        task: { code: t1.code, title: '编制清单', leadUnitId: 'u-fgw', ladderStep: 0 },
      });
      expect(mine[0]!.task.proposal).toBeUndefined();
      // Several rows in one read, in id order, each with its recipient; only the ids asked for.
      const two = await tx(s, (r) => r.chases.rowsFor([run[2]!.id, run[0]!.id]));
      expect(two.map((x) => [x.taskId, x.kind, x.chatId, x.personId])).toEqual([
        [t1.id, 'overdue', 'chat-1', 'p-zhang'],
        [t1.id, 'unacked', 'chat-1', 'p-li'],
      ]);
      expect(await tx(s, (r) => r.chases.rowsFor([]))).toEqual([]);
      expect(await tx(s, (r) => r.chases.rowsFor([987654]))).toEqual([]);
      // At the 3rd step a line carries the task's latest 移交 proposal.
      await tx(s, (r) => r.ladder.reachSteps(3, [{ taskId: t1.id, rootId: t1.id, unitId: 'u-fgw', trigger: 'chase', details: '{}' }], { date: '2026-12-11', at: AT, job: 'test' }));
      expect((await tx(s, (r) => r.chases.rowsFor([run[0]!.id])))[0]!.task).toMatchObject({ ladderStep: 3, proposal: 'listed' });
      expect(await tx(s, (r) => r.chases.lastId())).toBeGreaterThan(before);
      const step0 = await tx(s, (r) => r.chases.lastStepId());
      const step = { jobPeriod: '2026-12-11', taskId: t1.id, step: 1 as const, trigger: 'overdue', platform: 'console', chatId: 'chat-1', unitId: 'u-fgw' };
      await tx(s, (r) => r.chases.recordStep(step));
      await tx(s, (r) => r.chases.recordStep({ ...step, taskId: t2.id, trigger: 'untrue' }));
      const steps = await tx(s, (r) => r.chases.stepRows('2026-12-11', step0, 10));
      expect(steps.map((x) => [x.taskId, x.trigger])).toEqual([
        [t1.id, 'overdue'],
        [t2.id, 'untrue'],
      ]);
      expect(steps[0]).toMatchObject({ ...step, id: steps[0]!.id });
      // A 通报 page reads the rows it records by id, in id order, whatever order it asks in; unknown ids are left out.
      expect(await tx(s, (r) => r.chases.stepsById([steps[1]!.id, 987654, steps[0]!.id]))).toEqual(steps);
      expect((await tx(s, (r) => r.chases.stepsById([steps[1]!.id]))).map((x) => x.taskId)).toEqual([t2.id]);
      expect(await tx(s, (r) => r.chases.stepsById([]))).toEqual([]);
      // A 通报 reads what its lines say of each task: the same values as the whole task, its lead unit's row only.
      const stage = await tx(s, (r) => r.tasks.create(newTask({ parent: { id: t1.id, code: t1.code }, title: '第一阶段', assignerId: 'p-vice' })));
      const noticed = await tx(s, (r) => r.chases.noticeTasks([stage.id, 987654, t1.id]));
      const whole = await tx(s, (r) => r.tasks.findByIds([t1.id, stage.id]));
      expect(noticed).toEqual(
        whole.map((t) => ({
          id: t.id,
          code: t.code,
          title: t.title,
          deadline: t.deadline,
          chaseCount: t.chaseCount,
          ladderStep: t.ladderStep,
          leadUnitId: t.leadUnitId,
          assignerId: t.assignerId,
          ...(t.parentId !== undefined ? { parentId: t.parentId } : {}),
          units: [{ role: 'lead', responsibleId: 'p-zhang' }],
        })),
      );
      expect(noticed.map((t) => [t.ladderStep, t.parentId, t.assignerId])).toEqual([
        [3, undefined, 'p-boss'],
        [0, t1.id, 'p-vice'],
      ]);
      expect(await tx(s, (r) => r.chases.noticeTasks([]))).toEqual([]);
    });

    it('keeps the 效能告诫 register with codes in order, withdrawals and rectification tasks', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask()));
      const w = { unitId: 'u-fgw', personId: 'p-zhang', date: '2026-12-03', reason: '推诿扯皮', issuerId: 'p-boss', at: AT };
      const g1 = await tx(s, (r) => r.warnings.add(w));
      const g2 = await tx(s, (r) => r.warnings.add({ ...w, personId: undefined, date: '2026-12-05', taskId: t.id }));
      expect([g1.code, g2.code]).toEqual(['G-0001', 'G-0002']);
      await tx(s, (r) => r.warnings.setRectifyTask(g2.id, t.id));
      await tx(s, (r) => r.warnings.withdraw(g1.id, 'p-boss', at('2026-12-04'), '误报'));
      expect(await tx(s, (r) => r.warnings.findByCode('G-0002'))).toEqual({ ...w, personId: undefined, date: '2026-12-05', taskId: t.id, rectifyTaskId: t.id, id: g2.id, code: 'G-0002' });
      expect(await tx(s, (r) => r.warnings.findByCode('G-0009'))).toBeUndefined();
      const range = await tx(s, (r) => r.warnings.inRange('2026-12-01', '2026-12-31'));
      expect(range.map((x) => [x.code, x.withdrawReason])).toEqual([
        ['G-0001', '误报'],
        ['G-0002', undefined],
      ]);
      expect(await tx(s, (r) => r.warnings.inRange('2026-12-04', '2026-12-04'))).toEqual([]);
    });

    it('proposes and decides 免责, and an excused task leaves the lapse figures', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-03' })));
      expect(await tx(s, (r) => r.excusals.current(t.id))).toBeUndefined();
      const before = await tx(s, (r) => r.stats.overdueByUnit('2026-12-05', '2026-12-05'));
      expect(before.get('u-fgw')).toBe(1);
      const e = await tx(s, (r) => r.excusals.propose({ taskId: t.id, reason: '政策调整', proposedBy: 'p-office', proposedAt: AT }));
      expect(e.status).toBe('proposed');
      expect(await tx(s, (r) => r.excusals.confirmed())).toEqual([]);
      await tx(s, (r) => r.excusals.decide(e.id, 'confirmed', 'p-sec', at('2026-12-02'), '同意'));
      expect(await tx(s, (r) => r.excusals.current(t.id))).toMatchObject({ id: e.id, status: 'confirmed', decidedBy: 'p-sec', decisionNote: '同意' });
      expect((await tx(s, (r) => r.excusals.confirmed())).map((x) => x.taskId)).toEqual([t.id]);
      expect((await tx(s, (r) => r.stats.overdueByUnit('2026-12-05', '2026-12-05'))).get('u-fgw')).toBeUndefined();
      const e2 = await tx(s, (r) => r.excusals.propose({ taskId: t.id, reason: '再议', proposedBy: 'p-office', proposedAt: at('2026-12-03') }));
      await tx(s, (r) => r.excusals.decide(e2.id, 'refused', 'p-sec', at('2026-12-04')));
      expect(await tx(s, (r) => r.excusals.current(t.id))).toMatchObject({ id: e2.id, status: 'refused', decisionNote: undefined });
    });

    it('keeps task marks and rectification lists', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask()));
      const u = await tx(s, (r) => r.tasks.create(newTask({ title: '整改' })));
      expect(await tx(s, (r) => r.marks.get(t.id))).toEqual({ urgent: false });
      await tx(s, (r) => r.marks.set(t.id, { urgent: true }));
      await tx(s, (r) => r.marks.set(t.id, { planYear: 2026, followUpOf: u.id }));
      expect(await tx(s, (r) => r.marks.get(t.id))).toEqual({ urgent: true, planYear: 2026, followUpOf: u.id, lookedBackAt: undefined });
      expect(await tx(s, (r) => r.marks.urgentOpen())).toEqual([t.id]);
      const list = { taskId: u.id, unitId: 'u-fgw', reason: '季度通报', origin: 'quarterly' as const, sourceTaskId: t.id, openedDate: '2026-12-02' };
      await tx(s, (r) => r.rectifications.add(list));
      expect(await tx(s, (r) => r.rectifications.find(u.id))).toEqual(list);
      expect(await tx(s, (r) => r.rectifications.find(t.id))).toBeUndefined();
      expect(await tx(s, (r) => r.rectifications.opened('2026-12-01', '2026-12-31'))).toEqual([list]);
      expect(await tx(s, (r) => r.rectifications.opened('2026-12-03', '2026-12-31'))).toEqual([]);
      const x = await tx(s, (r) => r.assessment.addExplanation({ unitId: 'u-fgw', year: 2026, text: '原因说明', givenBy: 'p-zhang', at: AT, date: '2026-12-01' }));
      expect(await tx(s, (r) => r.assessment.explanations(2026))).toEqual([x]);
    });
  });
}
