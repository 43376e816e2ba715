import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStorage } from '../../../storage/repositories.js';
import { AT, at, newTask, tx, type OpenFresh } from './fixtures.js';

export function messagingContract(open: OpenFresh): void {
  describe('inbox, outbox, chats, bindings, audit', () => {
    let s: OpenedStorage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      await s.close();
    });

    it('claims a platform message once', async () => {
      expect(await tx(s, (r) => r.inbound.claim('lark', 'om_1', 'chat-1', AT, 'received'))).toBe(true);
      expect(await tx(s, (r) => r.inbound.claim('lark', 'om_1', 'chat-2', AT, 'received'))).toBe(false);
      expect(await tx(s, (r) => r.inbound.claim('wechat', 'om_1', 'chat-1', AT, 'received'))).toBe(true);
      await tx(s, (r) => r.inbound.setOutcome('lark', 'om_1', 'done'));
    });

    it('queues outgoing messages, keeps a chat in order behind a retry, and counts what is pending', async () => {
      const enq = (target: string, payload: string) => tx(s, (r) => r.outbox.enqueue({ platform: 'lark', targetKind: 'chat', targetId: target, payload, origin: 'test', at: AT }));
      const a1 = await enq('chat-a', 'a1');
      const a2 = await enq('chat-a', 'a2');
      const b1 = await enq('chat-b', 'b1');
      await tx(s, (r) => r.outbox.enqueue({ platform: 'wechat', targetKind: 'person', targetId: 'p', payload: 'w', origin: 'test', at: AT, replyTo: 'm' }));
      expect(await tx(s, (r) => r.outbox.pendingCount())).toBe(4);
      expect(await tx(s, (r) => r.outbox.pendingCount('lark'))).toBe(3);
      let due = await tx(s, (r) => r.outbox.due('lark', at('2026-12-01', '10:00:01'), 10));
      expect(due.map((d) => d.payload)).toEqual(['a1', 'a2', 'b1']);
      expect(due[0]).toMatchObject({ targetKind: 'chat', targetId: 'chat-a', attempts: 0, createdAt: AT, origin: 'test', replyTo: undefined });
      await tx(s, (r) => r.outbox.markFailed(a1, 'rate limited', at('2026-12-01', '10:05:00'), false));
      await tx(s, (r) => r.outbox.markSent(b1, at('2026-12-01', '10:00:02'), 'remote-1'));
      due = await tx(s, (r) => r.outbox.due('lark', at('2026-12-01', '10:00:03'), 10));
      expect(due.map((d) => d.id)).toEqual([]); // a2 waits behind a1
      expect(await tx(s, (r) => r.outbox.nextAttemptAt('lark'))).toBe(AT);
      due = await tx(s, (r) => r.outbox.due('lark', at('2026-12-01', '10:05:00'), 10));
      expect(due.map((d) => [d.id, d.attempts])).toEqual([
        [a1, 1],
        [a2, 0],
      ]);
      await tx(s, (r) => r.outbox.markFailed(a1, 'gone', at('2026-12-01', '10:06:00'), true));
      await tx(s, (r) => r.outbox.markSent(a2, at('2026-12-01', '10:05:01')));
      expect(await tx(s, (r) => r.outbox.pendingCount('lark'))).toBe(0);
      expect(await tx(s, (r) => r.outbox.nextAttemptAt('lark'))).toBeUndefined();
    });

    it('records chats and registers work groups', async () => {
      await tx(s, (r) => r.chats.touch({ platform: 'lark', chatId: 'g1', kind: 'group', title: '工作群' }, AT));
      await tx(s, (r) => r.chats.touch({ platform: 'lark', chatId: 'g1', kind: 'group' }, at('2026-12-02')));
      await tx(s, (r) => r.chats.touch({ platform: 'lark', chatId: 'd1', kind: 'direct' }, AT));
      expect(await tx(s, (r) => r.chats.register('lark', 'g1', 'p-admin', AT))).toBe(true);
      expect(await tx(s, (r) => r.chats.register('lark', 'd1', 'p-admin', AT))).toBe(false);
      expect(await tx(s, (r) => r.chats.groups())).toEqual([{ platform: 'lark', chatId: 'g1', kind: 'group', title: '工作群', registeredBy: 'p-admin' }]);
      expect(await tx(s, (r) => r.chats.unregister('lark', 'g1'))).toBe(true);
      expect(await tx(s, (r) => r.chats.unregister('lark', 'g1'))).toBe(false);
    });

    it('binds one account per person per platform, blocks, and keeps pending bindings', async () => {
      const bind = (accountId: string, personId: string) => tx(s, (r) => r.bindings.bind({ platform: 'lark', accountId, personId, boundBy: 'p-admin', boundAt: AT }));
      await bind('ou_1', 'p-zhang');
      await bind('ou_2', 'p-zhang');
      expect(await tx(s, (r) => r.bindings.personFor('lark', 'ou_1'))).toBeUndefined();
      expect(await tx(s, (r) => r.bindings.accountFor('lark', 'p-zhang'))).toBe('ou_2');
      // inside one transaction a read, a write and a read again: the cache follows the write
      const seen = await tx(s, async (r) => {
        const before = await r.bindings.personFor('lark', 'ou_2');
        await r.bindings.unbind('lark', 'p-zhang');
        return [before, await r.bindings.personFor('lark', 'ou_2')];
      });
      expect(seen).toEqual(['p-zhang', undefined]);
      await bind('ou_3', 'p-li');
      expect(await tx(s, (r) => r.bindings.list())).toEqual([{ platform: 'lark', accountId: 'ou_3', personId: 'p-li', boundBy: 'p-admin', boundAt: AT }]);
      expect(await tx(s, (r) => r.bindings.block('lark', 'ou_9', 'p-admin', AT))).toBe(true);
      expect(await tx(s, (r) => r.bindings.block('lark', 'ou_9', 'p-admin', AT))).toBe(false);
      expect(await tx(s, (r) => r.bindings.isBlocked('lark', 'ou_9'))).toBe(true);
      expect(await tx(s, (r) => r.bindings.unblock('lark', 'ou_9'))).toBe(true);
      expect(await tx(s, (r) => r.bindings.isBlocked('lark', 'ou_9'))).toBe(false);
      await tx(s, (r) => r.bindings.requestBinding({ platform: 'lark', accountId: 'ou_5', personId: 'p-a', replace: false, requestedBy: 'p-admin', requestedAt: AT }));
      const id2 = await tx(s, (r) => r.bindings.requestBinding({ platform: 'lark', accountId: 'ou_5', personId: 'p-b', replace: true, requestedBy: 'p-admin', requestedAt: AT }));
      expect(await tx(s, (r) => r.bindings.pending())).toEqual([{ id: id2, platform: 'lark', accountId: 'ou_5', personId: 'p-b', replace: true, requestedBy: 'p-admin', requestedAt: AT }]);
      await tx(s, (r) => r.bindings.dropPending(id2));
      expect(await tx(s, (r) => r.bindings.pending())).toEqual([]);
    });

    it('appends audit records from messages and from jobs', async () => {
      const t = await tx(s, (r) => r.tasks.create(newTask()));
      await tx(s, (r) =>
        r.audit.append({ at: AT, actorId: 'p-boss', action: 'assign', taskId: t.id, details: { n: 1, 说明: '交办' }, source: { message: { platform: 'console', chatId: 'c', messageId: 'm' } } }),
      );
      await tx(s, (r) => r.audit.append({ at: AT, actorId: 'system', action: 'chase', subject: 'C-0001', details: {}, source: { job: 'daily-chase' } }));
      expect(await tx(s, (r) => r.audit.forTask(t.id))).toMatchObject([{ action: 'assign', details: { n: 1, 说明: '交办' }, source: { message: { messageId: 'm' } } }]);
      expect(await tx(s, (r) => r.audit.forSubject('C-0001'))).toMatchObject([{ action: 'chase', taskId: undefined, source: { job: 'daily-chase' } }]);
      expect(await tx(s, (r) => r.audit.count())).toBe(2);
    });
  });
}
