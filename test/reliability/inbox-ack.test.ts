import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { larkWorld, ou, KEY, type LarkWorld } from '../adapters/lark/lark-world.js';
import { messageEvent, postEvent } from '../adapters/lark/fake-lark.js';
import type { SqliteStorage } from '../../storage/sqlite/sqlite-storage.js';
import { StorageUnavailableError } from '../../storage/storage-error.js';
import { sqliteStorageOf } from '../support/raw-sql.js';

const BOT = [{ key: '@_user_1', name: '督办助手', openId: 'ou_bot' }];

function fillDisk(storage: SqliteStorage): () => void {
  const real = storage.transaction.bind(storage);
  storage.transaction = (() => Promise.reject(new StorageUnavailableError('SQLITE_FULL', new Error('database or disk is full')))) as typeof storage.transaction;
  return () => {
    storage.transaction = real;
  };
}

let w: LarkWorld | undefined;
let model: Server | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
  model?.closeAllConnections();
  await new Promise((r) => (model ? model.close(r) : r(undefined)));
  model = undefined;
});

describe('acknowledging Lark', () => {
  it('over the long connection: the ack says 500 while the inbox cannot be written, 200 once it can', async () => {
    w = await larkWorld({ mode: 'ws' });
    await w.fake.connected();
    const event = messageEvent({ from: ou('sun-li'), eventId: 'ev_ws_full', messageId: 'om_in_ws_full', text: '@_user_1 交办 发改委 长连接满盘 12月18日', mentions: BOT });
    const undo = fillDisk(sqliteStorageOf(w.h.app));
    expect((await w.fake.pushOverWs(event)).code).toBe(500);
    undo();
    expect((await w.fake.pushOverWs(event)).code).toBe(200);
    await w.settle();
    expect(w.fake.sent.filter((s) => s.replyTo === 'om_in_ws_full')).toHaveLength(1);
  });

  it('once the event is recorded, not once it is processed: a question waiting for the model is acknowledged, and the chat goes on', async () => {
    // A question model that answers only when told to.
    let pending: ServerResponse | undefined;
    let asked!: () => void;
    const modelAsked = new Promise<void>((r) => (asked = r));
    model = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        pending = res;
        asked();
      });
    });
    await new Promise<void>((r) => model?.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1/chat/completions`;
    w = await larkWorld({ core: { questionModel: { url, model: 'gov-llm', timeoutMs: 60_000 } } });
    w.h.at('2026-11-30');
    await w.h.say('陈立群', '交办 海州市 整治城区道路 12月3日');
    const chat = 'oc_question';
    const question = messageEvent({ from: ou('zhou-jianguo'), chatId: chat, messageId: 'om_in_q', text: '@_user_1 海州那边有多少活儿还压着没干完', mentions: BOT });
    expect((await postEvent(w.url, question, KEY)).status).toBe(200);
    await modelAsked;
    // The same chat, while the model has not answered: recorded, processed and answered.
    const sign = messageEvent({ from: ou('lin-xue'), chatId: chat, messageId: 'om_in_sign', text: '@_user_1 签收 D-0001', mentions: BOT });
    expect((await postEvent(w.url, sign, KEY)).status).toBe(200);
    const sent = (replyTo: string) =>
      new Promise<string>((resolve) => {
        const seen = w?.fake.sent.find((s) => s.replyTo === replyTo);
        if (seen) return resolve(seen.content);
        const before = w?.fake.onSent;
        if (w) w.fake.onSent = (m) => (m.replyTo === replyTo ? resolve(m.content) : before?.(m));
      });
    expect(await sent('om_in_sign')).toContain('已签收');
    expect(w.fake.sent.some((s) => s.replyTo === 'om_in_q')).toBe(false);
    // The model answers: the question is answered from the ledger as it stands now.
    pending?.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        choices: [{ index: 0, message: { role: 'assistant', content: '{"intent":"list","unit":"海州市政府","statuses":["未办结"]}' } }],
      }),
    );
    expect(await sent('om_in_q')).toContain('未办结事项：1 件');
  });
});
