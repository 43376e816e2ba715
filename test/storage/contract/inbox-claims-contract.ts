import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenedStorage } from '../../../storage/repositories.js';
import { at, tx, type OpenFresh } from './fixtures.js';

/** The per-chat claim on the inbox: one instance processes a chat at a time; a dead one's claim lapses. */
export function inboxClaimsContract(open: OpenFresh): void {
  describe('inbox chat claims', () => {
    let s: OpenedStorage;
    beforeEach(async () => {
      s = await open();
    });
    afterEach(async () => {
      await s.close();
    });
    const record = (messageId: string, chatId: string) => tx(s, (r) => r.inbox.record({ platform: 'lark', messageId, chatId, payload: '{}', at: at('2026-12-01') }));
    const claim = (chat: string, instance: string, when: string, until: string) => tx(s, (r) => r.inbox.claimChat(chat, instance, at('2026-12-01', when), at('2026-12-01', until)));

    it('gives a chat to one instance until it lapses, and lets the holder renew it', async () => {
      expect(await claim('c1', 'A', '10:00:00', '10:00:15')).toBe(true);
      expect(await claim('c1', 'B', '10:00:01', '10:00:16')).toBe(false);
      expect(await claim('c1', 'A', '10:00:10', '10:00:25')).toBe(true); // renewed
      expect(await claim('c1', 'B', '10:00:20', '10:00:35')).toBe(false);
      expect(await claim('c2', 'B', '10:00:20', '10:00:35')).toBe(true); // chats are independent
      expect(await claim('c1', 'B', '10:00:25', '10:00:40')).toBe(true); // A's lapsed
      expect(await claim('c1', 'A', '10:00:26', '10:00:41')).toBe(false);
    });

    it('lists a chat’s waiting messages in order and releases only an empty chat', async () => {
      const a = await record('om_1', 'c1');
      await record('om_2', 'c2');
      const b = await record('om_3', 'c1');
      expect((await tx(s, (r) => r.inbox.pendingIn('c1'))).map((i) => [i.seq, i.messageId])).toEqual([
        [a, 'om_1'],
        [b, 'om_3'],
      ]);
      expect(await claim('c1', 'A', '10:00:00', '10:00:15')).toBe(true);
      expect(await tx(s, (r) => r.inbox.releaseChat('c1', 'A'))).toBe(false); // still waiting
      expect(await claim('c1', 'B', '10:00:01', '10:00:16')).toBe(false);
      await tx(s, (r) => r.inbox.done(a!));
      await tx(s, (r) => r.inbox.done(b!));
      expect(await tx(s, (r) => r.inbox.releaseChat('c1', 'A'))).toBe(true);
      expect(await claim('c1', 'B', '10:00:01', '10:00:16')).toBe(true);
      await tx(s, (r) => r.inbox.announce('c1')); // nobody listening: harmless
    });

    it('tells an instance which chats it may take: unclaimed, lapsed or its own', async () => {
      await record('om_1', 'c1');
      await record('om_2', 'c2');
      await record('om_3', 'c3');
      await record('om_4', 'c3');
      await claim('c1', 'A', '10:00:00', '10:00:15');
      await claim('c2', 'B', '10:00:00', '10:00:30');
      expect(await tx(s, (r) => r.inbox.claimableChats('A', at('2026-12-01', '10:00:05')))).toEqual(['c1', 'c3']);
      expect(await tx(s, (r) => r.inbox.claimableChats('B', at('2026-12-01', '10:00:05')))).toEqual(['c2', 'c3']);
      expect(await tx(s, (r) => r.inbox.claimableChats('B', at('2026-12-01', '10:00:20')))).toEqual(['c1', 'c2', 'c3']);
    });
  });
}
