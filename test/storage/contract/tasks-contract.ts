import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStorage, TaskFilter } from '../../../storage/repositories.js';
import { at, newTask, tx, type OpenFresh } from './fixtures.js';

export function taskContract(open: OpenFresh): void {
  describe('tasks', () => {
    let s: OpenedStorage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      await s.close();
    });

    it('creates tasks with codes D-0001…, stages <code>-n, units lead first', async () => {
      const t = await tx(s, (r) =>
        r.tasks.create(
          newTask({
            units: [
              { unitId: 'u-co', role: 'co', responsibleId: 'p-a' },
              { unitId: 'u-lead', role: 'lead', responsibleId: 'p-b' },
            ],
          }),
        ),
      );
      const t2 = await tx(s, (r) => r.tasks.create(newTask()));
      expect([t.code, t2.code]).toEqual(['D-0001', 'D-0002']);
      expect(t.leadUnitId).toBe('u-lead');
      const stage = await tx(s, (r) => r.tasks.create(newTask({ parent: { id: t.id, code: t.code }, splitBy: 'p-b' })));
      const stage2 = await tx(s, (r) => r.tasks.create(newTask({ parent: { id: t.id, code: t.code } })));
      expect([stage.code, stage2.code]).toEqual(['D-0001-1', 'D-0001-2']);
      const found = await tx(s, (r) => r.tasks.findByCode('D-0001'));
      expect(found).toMatchObject({ id: t.id, title: '编制清单', status: 'pending', isKey: false, deadline: '2026-12-10', originalDeadline: '2026-12-10' });
      expect(found?.units.map((u) => [u.unitId, u.role])).toEqual([
        ['u-lead', 'lead'],
        ['u-co', 'co'],
      ]);
      expect((await tx(s, (r) => r.tasks.stages(t.id))).map((x) => x.code)).toEqual(['D-0001-1', 'D-0001-2']);
      expect(await tx(s, (r) => r.tasks.findById(stage.id))).toMatchObject({ parentId: t.id, splitBy: 'p-b' });
      expect(await tx(s, (r) => r.tasks.findByCode('D-9999'))).toBeUndefined();
    });

    it('finds the same 交办 sent twice: same assigner, day, title, lead unit and deadline, top level only', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask()));
      await tx(s, (r) => r.tasks.create(newTask({ parent: { id: t.id, code: t.code }, title: '阶段' })));
      const q = { assignerId: 'p-boss', title: '编制清单', leadUnitId: 'u-fgw', deadline: '2026-12-10', assignedDate: '2026-12-01' };
      expect(await tx(s, (r) => r.tasks.sameAssignment(q))).toBe('D-0001');
      for (const other of [{ assignerId: 'p-other' }, { title: '编制方案' }, { leadUnitId: 'u-czj' }, { deadline: '2026-12-11' }, { assignedDate: '2026-12-02' }]) {
        expect(await tx(s, (r) => r.tasks.sameAssignment({ ...q, ...other })), JSON.stringify(other)).toBeUndefined();
      }
      expect(await tx(s, (r) => r.tasks.sameAssignment({ ...q, title: '阶段' }))).toBeUndefined();
    });

    it('acknowledges per unit; the lead unit turns 待签收 into 办理中', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask()));
      await tx(s, (r) => r.tasks.acknowledge(t.id, 'u-czj', 'p-li', at('2026-12-01', '11:00:00')));
      expect((await tx(s, (r) => r.tasks.findById(t.id)))?.status).toBe('pending');
      expect(await tx(s, (r) => r.tasks.count({ unacknowledged: true }))).toBe(1);
      await tx(s, (r) => r.tasks.acknowledge(t.id, 'u-fgw', 'p-zhang', at('2026-12-01', '12:00:00')));
      await tx(s, (r) => r.tasks.acknowledge(t.id, 'u-fgw', 'p-other', at('2026-12-02')));
      const after = await tx(s, (r) => r.tasks.findById(t.id));
      expect(after?.status).toBe('active');
      expect(after?.units.find((u) => u.unitId === 'u-fgw')).toMatchObject({ ackedBy: 'p-zhang', ackedAt: at('2026-12-01', '12:00:00') });
      expect(await tx(s, (r) => r.tasks.count({ unacknowledged: false }))).toBe(1);
    });

    it('records reports; the lead unit figure is the task progress', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask()));
      await tx(s, (r) => r.tasks.addReport({ taskId: t.id, unitId: 'u-czj', personId: 'p-li', kind: 'progress', percent: 90, text: '配合中', at: at('2026-12-02') }));
      expect((await tx(s, (r) => r.tasks.findById(t.id)))?.progress).toBeUndefined();
      await tx(s, (r) => r.tasks.addReport({ taskId: t.id, unitId: 'u-fgw', personId: 'p-zhang', kind: 'progress', percent: 40, text: '过半', at: at('2026-12-03') }));
      await tx(s, (r) => r.tasks.addReport({ taskId: t.id, unitId: 'u-fgw', personId: 'p-zhang', kind: 'progress', text: '无百分比', at: at('2026-12-04') }));
      const after = await tx(s, (r) => r.tasks.findById(t.id));
      expect(after).toMatchObject({ progress: 40, lastProgressAt: at('2026-12-04') });
      expect((await tx(s, (r) => r.tasks.reports(t.id))).map((x) => [x.unitId, x.percent, x.text])).toEqual([
        ['u-czj', 90, '配合中'],
        ['u-fgw', 40, '过半'],
        ['u-fgw', undefined, '无百分比'],
      ]);
    });

    it('lists the reports of a period oldest first, keeping the newest when bounded', async () => {
      const a = await tx(s, (r) => r.tasks.create(newTask()));
      const b = await tx(s, (r) => r.tasks.create(newTask()));
      await tx(s, (r) => r.tasks.addReport({ taskId: a.id, unitId: 'u-fgw', personId: 'p-zhang', kind: 'progress', percent: 20, text: '前一天', at: at('2026-12-02', '17:59:59') }));
      await tx(s, (r) => r.tasks.addReport({ taskId: b.id, unitId: 'u-fgw', personId: 'p-zhang', kind: 'result', text: '办结了', at: at('2026-12-03', '16:00:00') }));
      await tx(s, (r) => r.tasks.addReport({ taskId: a.id, unitId: 'u-czj', personId: 'p-li', kind: 'progress', text: '当天', at: at('2026-12-03', '09:00:00') }));
      await tx(s, (r) => r.tasks.addReport({ taskId: a.id, unitId: 'u-fgw', personId: 'p-zhang', kind: 'progress', text: '次日零点', at: at('2026-12-04', '00:00:00') }));
      const day = await tx(s, (r) => r.tasks.reportsBetween(at('2026-12-03', '00:00:00'), at('2026-12-04', '00:00:00'), 10));
      expect(day.map((x) => [x.taskId, x.kind, x.text])).toEqual([
        [a.id, 'progress', '当天'],
        [b.id, 'result', '办结了'],
      ]);
      // Bounded, the newest are kept (still oldest first): a busy week shows its latest reports.
      expect((await tx(s, (r) => r.tasks.reportsBetween(at('2026-12-01', '00:00:00'), at('2026-12-05', '00:00:00'), 2))).map((x) => x.text)).toEqual(['办结了', '次日零点']);
    });

    it('completes, patches (null clears), marks a part done and moves responsibility', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask()));
      await tx(s, (r) => r.tasks.update(t.id, { pausedAt: at('2026-12-02'), chaseCount: 2, ladderStep: 1, ackDue: '2026-12-02' }, at('2026-12-02')));
      expect(await tx(s, (r) => r.tasks.findById(t.id))).toMatchObject({ pausedAt: at('2026-12-02'), chaseCount: 2, ladderStep: 1, ackDue: '2026-12-02' });
      await tx(s, (r) => r.tasks.update(t.id, { pausedAt: null }, at('2026-12-03')));
      expect((await tx(s, (r) => r.tasks.findById(t.id)))?.pausedAt).toBeUndefined();
      await tx(s, (r) => r.tasks.markPartDone(t.id, 'u-czj', '已配合', at('2026-12-04')));
      expect((await tx(s, (r) => r.tasks.findById(t.id)))?.units[1]).toMatchObject({ partDoneText: '已配合', partDoneAt: at('2026-12-04') });
      expect(await tx(s, (r) => r.tasks.transferResponsible('p-zhang', 'p-wang', at('2026-12-05')))).toEqual([t.id]);
      expect(await tx(s, (r) => r.tasks.count({ responsibleId: 'p-wang' }))).toBe(1);
      await tx(s, (r) => r.tasks.complete(t.id, '已完成', at('2026-12-12'), '2026-12-12'));
      expect(await tx(s, (r) => r.tasks.findById(t.id))).toMatchObject({ status: 'completed', result: '已完成', progress: 100, completedDate: '2026-12-12' });
      expect(await tx(s, (r) => r.tasks.transferResponsible('p-wang', 'p-zhao', at('2026-12-13')))).toEqual([]);
      expect(await tx(s, (r) => r.tasks.count({ completedLate: true }))).toBe(1);
    });

    it('filters and orders lists the same way on every backend', async () => {
      const a = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-20', isKey: true })));
      const b = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-05', assignerId: 'p-x', units: [{ unitId: 'u-sw', role: 'lead', responsibleId: 'p-s' }] })));
      const c = await tx(s, (r) => r.tasks.create(newTask({ deadline: '2026-12-05', assignedDate: '2026-12-03', assignedAt: at('2026-12-03') })));
      const codes = async (f: TaskFilter) => (await tx(s, (r) => r.tasks.list(f))).map((t) => t.code);
      expect(await codes({})).toEqual([b.code, c.code, a.code]);
      expect(await codes({ order: 'assigned' })).toEqual([c.code, b.code, a.code]);
      expect(await codes({ order: 'code', limit: 2 })).toEqual([a.code, b.code]);
      expect(await codes({ unitId: 'u-czj', unitRole: 'co', order: 'code' })).toEqual([a.code, c.code]);
      expect(await codes({ unitId: 'u-czj', unitRole: 'lead' })).toEqual([]);
      expect(await codes({ isKey: true })).toEqual([a.code]);
      expect(await codes({ deadlineBefore: '2026-12-06', order: 'code' })).toEqual([b.code, c.code]);
      expect(await codes({ deadlineFrom: '2026-12-06', deadlineTo: '2026-12-31' })).toEqual([a.code]);
      expect(await codes({ assignedFrom: '2026-12-02' })).toEqual([c.code]);
      expect(await codes({ statuses: ['pending'], idAfter: a.id, order: 'code' })).toEqual([b.code, c.code]);
      expect(await codes({ scope: { unitIds: ['u-sw'], personId: 'nobody' } })).toEqual([b.code]);
      expect(await codes({ visibleTo: { unitIds: [], personId: 'p-x' } })).toEqual([b.code]);
      expect(await codes({ assignerId: 'p-boss', topLevelOnly: true, order: 'code' })).toEqual([a.code, c.code]);
      expect(await tx(s, (r) => r.tasks.count({ statuses: ['active'] }))).toBe(0);
    });
  });
}
