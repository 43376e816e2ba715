import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { SendError, type OutgoingMessage } from '../../src/outbox/outgoing.js';

let h: Harness;
afterEach(() => h.close());

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('the outbox sends to several chats at once', () => {
  it("answers another chat while one chat's send hangs, and keeps each chat in its order", async () => {
    h = await makeHarness();
    // First the platform refuses for a while, so that answers for both chats are pending together.
    let open = false;
    const gateA = deferred();
    const bSent = deferred();
    const sent: OutgoingMessage[] = [];
    h.app.dispatcher.register({
      platform: 'console',
      parallel: 4,
      async send(m) {
        if (!open) throw new SendError('429 request trigger frequency limit', true, 1000);
        if (m.targetId === 'chat-a') await gateA.promise;
        sent.push(m);
        if (m.targetId === 'chat-b') bSent.resolve();
        return { remoteId: `r-${m.id}` };
      },
    });
    await h.say('孙丽', '交办 发改委 甲事项 12月18日', { chatId: 'chat-a' });
    await h.say('孙丽', '交办 发改委 乙事项 12月18日', { chatId: 'chat-a' });
    await h.say('孙丽', '交办 财政厅 丙事项 12月18日', { chatId: 'chat-b' });
    expect(sent).toHaveLength(0);
    open = true;
    h.clock.advance(60 * 60_000);
    const drained = h.app.dispatcher.kick();
    await bSent.promise; // would never come with one send at a time: chat-a's first answer hangs
    expect(sent.map((m) => m.targetId)).toEqual(['chat-b']);
    gateA.resolve();
    await drained;
    const a = sent.filter((m) => m.targetId === 'chat-a');
    expect(a.map((m) => m.reply.title)).toEqual([expect.stringContaining('D-0001'), expect.stringContaining('D-0002')]);
    expect(a[0]?.id).toBeLessThan(a[1]?.id ?? 0);
    expect(await h.app.storage.transaction((r) => r.outbox.pendingCount())).toBe(0);
  });
});
