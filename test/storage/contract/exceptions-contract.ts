import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCoordination, OpenedStorage } from '../../../storage/repositories.js';
import { AT, at, newTask, tx, type OpenFresh } from './fixtures.js';

const coordination = (taskId: number, over: Partial<NewCoordination> = {}): NewCoordination => ({
  taskId,
  requesterId: 'p-zhang',
  requesterUnit: 'u-fgw',
  reason: '需财政局配合',
  ownerId: 'p-office',
  handlerIds: ['p-h1', 'p-h2'],
  levelSince: '2026-12-01',
  openedAt: AT,
  origin: { platform: 'console', chatId: 'chat-1' },
  partyUnits: ['u-czj', 'u-sw'],
  ...over,
});

export function exceptionContract(open: OpenFresh): void {
  describe('coordinations, requests, people, verifications', () => {
    let s: OpenedStorage;
    let taskId: number;
    beforeEach(async () => {
      s = await open();
      taskId = (await tx(s, (r) => r.tasks.create(newTask()))).id;
    });
    afterEach(async () => {
      await s.close();
    });

    it('keeps coordination handlers in order and finds who is involved through them', async () => {
      const c = await tx(s, (r) => r.coordinations.create(coordination(taskId)));
      expect(c).toMatchObject({ code: 'C-0001', level: 0, status: 'open', handlerIds: ['p-h1', 'p-h2'] });
      expect(c.parties.map((p) => p.unitId)).toEqual(['u-czj', 'u-sw']);
      // a person id that is a prefix or part of another must not match (the old LIKE search did)
      await tx(s, (r) => r.coordinations.create(coordination(taskId, { handlerIds: ['p-h10'], ownerId: 'p-o2', requesterId: 'p-r2' })));
      expect((await tx(s, (r) => r.coordinations.involving('p-h1'))).map((x) => x.code)).toEqual(['C-0001']);
      expect((await tx(s, (r) => r.coordinations.involving('p-h'))).map((x) => x.code)).toEqual([]);
      await tx(s, (r) => r.coordinations.update(c.id, { level: 1, handlerIds: ['p-h3'], levelSince: '2026-12-03' }));
      expect(await tx(s, (r) => r.coordinations.findByCode('C-0001'))).toMatchObject({ level: 1, handlerIds: ['p-h3'], levelSince: '2026-12-03' });
      expect(await tx(s, (r) => r.coordinations.involving('p-h1'))).toEqual([]);
      expect((await tx(s, (r) => r.coordinations.involving('p-h3'))).map((x) => x.code)).toEqual(['C-0001']);
      await tx(s, (r) => r.coordinations.update(c.id, { status: 'closed', closedAt: at('2026-12-04') }));
      expect(await tx(s, (r) => r.coordinations.involving('p-h3'))).toEqual([]);
      expect((await tx(s, (r) => r.coordinations.unresolved())).map((x) => x.code)).toEqual(['C-0002']);
      expect((await tx(s, (r) => r.coordinations.forTask(taskId))).map((x) => x.code)).toEqual(['C-0001', 'C-0002']);
    });

    it('records, confirms and resets the parties’ positions', async () => {
      const c = await tx(s, (r) => r.coordinations.create(coordination(taskId)));
      await tx(s, (r) => r.coordinations.state(c.id, 'u-czj', 'agree', '同意', 'p-li', at('2026-12-02')));
      await tx(s, (r) => r.coordinations.state(c.id, 'u-sw', 'disagree', '不同意', 'p-s', at('2026-12-02'), 'p-s-head'));
      let got = await tx(s, (r) => r.coordinations.findByCode(c.code));
      expect(got?.parties).toEqual([
        { unitId: 'u-czj', stance: 'agree', position: '同意', statedBy: 'p-li', statedAt: at('2026-12-02'), confirmedBy: undefined, confirmedAt: undefined },
        { unitId: 'u-sw', stance: 'disagree', position: '不同意', statedBy: 'p-s', statedAt: at('2026-12-02'), confirmedBy: 'p-s-head', confirmedAt: at('2026-12-02') },
      ]);
      await tx(s, (r) => r.coordinations.confirm(c.id, 'u-czj', 'p-li-head', at('2026-12-03')));
      got = await tx(s, (r) => r.coordinations.findByCode(c.code));
      expect(got?.parties[0]?.confirmedBy).toBe('p-li-head');
      await tx(s, (r) => r.coordinations.resetStances(c.id));
      got = await tx(s, (r) => r.coordinations.findByCode(c.code));
      expect(got?.parties.map((p) => [p.unitId, p.stance])).toEqual([
        ['u-czj', undefined],
        ['u-sw', undefined],
      ]);
    });

    it('raises, answers and hands over requests', async () => {
      const req = await tx(s, (r) =>
        r.requests.create({ taskId, kind: 'extension', unitId: 'u-fgw', raisedBy: 'p-zhang', raisedAt: AT, reason: '资料未齐', proposedDeadline: '2026-12-20', answerDue: '2026-12-03' }),
      );
      expect(req).toMatchObject({ status: 'pending', proposedDeadline: '2026-12-20' });
      expect((await tx(s, (r) => r.requests.pending(taskId, 'extension')))?.id).toBe(req.id);
      expect(await tx(s, (r) => r.requests.pending(taskId, 'infeasible'))).toBeUndefined();
      expect(await tx(s, (r) => r.requests.transferRaiser('p-zhang', 'p-wang'))).toBe(1);
      expect((await tx(s, (r) => r.requests.allPending())).map((x) => x.raisedBy)).toEqual(['p-wang']);
      await tx(s, (r) => r.requests.answer(req.id, { decision: 'approved', decidedBy: 'p-boss', decidedAt: at('2026-12-02'), newDeadline: '2026-12-18' }));
      expect(await tx(s, (r) => r.requests.allPending())).toEqual([]);
      expect((await tx(s, (r) => r.requests.forTask(taskId)))[0]).toMatchObject({ status: 'answered', decision: 'approved', newDeadline: '2026-12-18', note: undefined });
    });

    it('keeps absences and acting heads by date', async () => {
      await tx(s, (r) => r.people.addAbsence({ personId: 'p-zhang', from: '2026-12-01', to: '2026-12-05', reason: '出差', declaredBy: 'p-zhang', declaredAt: AT }));
      expect(await tx(s, (r) => r.people.absenceOn('p-zhang', '2026-12-03'))).toMatchObject({ from: '2026-12-01', to: '2026-12-05', reason: '出差' });
      expect(await tx(s, (r) => r.people.absenceOn('p-zhang', '2026-12-06'))).toBeUndefined();
      expect(await tx(s, (r) => r.people.endAbsence('p-zhang', '2026-12-03'))).toBe(1);
      expect((await tx(s, (r) => r.people.absencesOn('2026-12-02'))).map((a) => a.to)).toEqual(['2026-12-02']);
      // A period finds every absence overlapping it, and none outside it.
      await tx(s, (r) => r.people.addAbsence({ personId: 'p-li', from: '2026-12-10', to: '2026-12-12', reason: '年休', declaredBy: 'p-li', declaredAt: AT }));
      expect((await tx(s, (r) => r.people.absencesOn('2026-12-02', '2026-12-11'))).map((a) => a.personId)).toEqual(['p-zhang', 'p-li']);
      expect((await tx(s, (r) => r.people.absencesOn('2026-12-03', '2026-12-09'))).map((a) => a.personId)).toEqual([]);
      expect((await tx(s, (r) => r.people.absencesOn('2026-12-12', '2026-12-31'))).map((a) => a.personId)).toEqual(['p-li']);
      await tx(s, (r) => r.people.addActing({ unitId: 'u-fgw', actingId: 'p-wang', from: '2026-12-01', to: '2026-12-05', declaredBy: 'p-boss', declaredAt: AT }));
      // read, change and read again inside one transaction: the transaction's cache follows its own writes
      const inOne = await tx(s, async (r) => {
        const before = (await r.people.actingsOn('2026-12-04')).length;
        await r.people.endActing('u-fgw', '2026-12-04');
        return [before, (await r.people.actingsOn('2026-12-04')).length];
      });
      expect(inOne).toEqual([1, 0]);
      expect((await tx(s, (r) => r.people.actingsOn('2026-12-03'))).map((a) => a.actingId)).toEqual(['p-wang']);
    });

    it('draws and records verifications', async () => {
      await tx(s, (r) => r.verifications.draw({ taskId, unitId: 'u-fgw', reason: 'sample', drawnAt: AT }));
      const v = await tx(s, (r) => r.verifications.pending(taskId));
      expect(v).toMatchObject({ unitId: 'u-fgw', reason: 'sample', result: undefined });
      await tx(s, (r) => r.verifications.record(v!.id, { result: 'false', note: '材料不实', verifiedBy: 'p-office', verifiedAt: at('2026-12-02'), verifiedDate: '2026-12-02' }));
      expect(await tx(s, (r) => r.verifications.pending(taskId))).toBeUndefined();
      expect(await tx(s, (r) => r.verifications.forTask(taskId))).toMatchObject([{ result: 'false', note: '材料不实', verifiedBy: 'p-office' }]);
      expect(await tx(s, (r) => r.stats.untrueByUnit('2026-12-01', '2026-12-31'))).toEqual(new Map([['u-fgw', 1]]));
      expect(await tx(s, (r) => r.verifications.sampleStats())).toEqual({ completions: 0, drawn: 1 });
    });
  });
}
