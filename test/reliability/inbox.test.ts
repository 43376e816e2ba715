import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { larkWorld, ou, type LarkWorld } from '../adapters/lark/lark-world.js';
import { KEY } from '../adapters/lark/lark-world.js';
import { messageEvent, postEvent } from '../adapters/lark/fake-lark.js';
import { said } from '../support/console-message.js';
import type { SqliteStorage } from '../../storage/sqlite/sqlite-storage.js';
import { StorageUnavailableError } from '../../storage/storage-error.js';
import { sqliteOf, sqliteStorageOf } from '../support/raw-sql.js';

const BOT = [{ key: '@_user_1', name: '督办助手', openId: 'ou_bot' }];

/**
 * Makes the ledger refuse every transaction as a full disk does (SQLITE_FULL); returns the
 * undo. The real full disk is test/reliability/disk-full.test.ts; this is its in-process fake.
 */
function fillDisk(storage: SqliteStorage): () => void {
  const real = storage.transaction.bind(storage);
  storage.transaction = (() => Promise.reject(new StorageUnavailableError('SQLITE_FULL', new Error('database or disk is full')))) as typeof storage.transaction;
  return () => {
    storage.transaction = real;
  };
}

let h: Harness | undefined;
let w: LarkWorld | undefined;
afterEach(async () => {
  await h?.close();
  await w?.close();
  h = undefined;
  w = undefined;
});

describe('the durable inbox', () => {
  it('processes after a restart what was recorded but not processed before a crash', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'inbox-')), 'duban.db');
    const first = await makeHarness({ dbFile: file });
    // Recorded (and so acknowledged), then the process died before processing it.
    await first.app.storage.transaction((r) =>
      r.inbox.record({
        platform: 'console',
        messageId: 'm-crash',
        chatId: 'group-1',
        payload: JSON.stringify(said('m-crash', '孙丽', '交办 发改委 重启后处理 12月31日')),
        at: '2026-12-07T09:00:00+08:00',
      }),
    );
    await sqliteStorageOf(first.app).close();
    h = await makeHarness({ dbFile: file });
    expect(await h.app.inbox.resume()).toBe(1);
    await h.app.inbox.idle();
    await h.app.dispatcher.kick();
    expect(h.sent.map((m) => m.reply.title).join()).toContain('D-0001');
    expect(sqliteOf(h.app).prepare('SELECT count(*) AS n FROM inbox').get()).toEqual({ n: 0 });
    // Resumed again (a crash between the effect and the inbox removal): no second effect.
    await h.app.storage.transaction((r) =>
      r.inbox.record({
        platform: 'console',
        messageId: 'm-crash',
        chatId: 'group-1',
        payload: JSON.stringify(said('m-crash', '孙丽', '交办 发改委 重启后处理 12月31日')),
        at: '2026-12-07T09:00:00+08:00',
      }),
    );
    await h.app.inbox.resume();
    await h.app.inbox.idle();
    expect(sqliteOf(h.app).prepare('SELECT count(*) AS n FROM tasks').get()).toEqual({ n: 1 });
  });

  it('processes one chat in arrival order, even when accepted all at once', async () => {
    h = await makeHarness();
    const accepted = await Promise.all([
      h.app.inbox.accept(said('o1', '孙丽', '交办 发改委 顺序测试 12月31日')),
      h.app.inbox.accept(said('o2', '王芳', '签收 D-0001')),
      h.app.inbox.accept(said('o3', '王芳', '进展 D-0001 50% 已起草')),
    ]);
    const outcomes = await Promise.all(accepted.map((a) => a.result));
    expect(outcomes.map((r) => r.outcome)).toEqual(['handled', 'handled', 'handled']);
    await h.app.dispatcher.kick();
    expect(h.sent.map((m) => m.reply.tone)).not.toContain('error');
  });

  it('never writes a classified message to the inbox: refused at once, only its id kept', async () => {
    h = await makeHarness();
    const seen: string[] = [];
    const db = sqliteOf(h.app);
    const a = await h.app.inbox.accept(said('secret-1', '孙丽', '机密 交办 发改委 某事项 12月31日'));
    expect((await a.result).outcome).toBe('refused');
    for (const table of ['inbox', 'audit_log', 'outbox']) seen.push(JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all()));
    expect(seen.join()).not.toContain('某事项');
    expect(db.prepare("SELECT outcome FROM inbound_messages WHERE message_id = 'secret-1'").get()).toEqual({ outcome: 'classified' });
  });
});

describe('an inbox that cannot be written (disk full)', () => {
  it('answers the Lark webhook 503 so Lark pushes again, tells the sender once, logs one ERROR, and takes the push after recovery', async () => {
    w = await larkWorld();
    const undo = fillDisk(sqliteStorageOf(w.h.app));
    const events = [0, 1, 2].map((i) => messageEvent({ from: ou('sun-li'), eventId: `ev_full_${i}`, messageId: `om_in_full_${i}`, text: `@_user_1 交办 发改委 满盘测试${i} 12月31日`, mentions: BOT }));
    for (const e of events) expect((await postEvent(w.url, e, KEY)).status).toBe(503);
    await new Promise((r) => setImmediate(r));
    expect(w.h.logs.filter((l) => l.includes('"level":"ERROR"'))).toHaveLength(1);
    expect(w.fake.sent.filter((s) => s.content.includes('系统存储故障'))).toHaveLength(1);
    undo();
    // Lark pushes the same events again; now they are recorded and answered, once each.
    for (const e of events) expect((await postEvent(w.url, e, KEY)).status).toBe(200);
    await w.settle();
    const replies = w.fake.sent.filter((s) => s.replyTo?.startsWith('om_in_full_'));
    expect(replies.map((s) => s.replyTo).sort()).toEqual(['om_in_full_0', 'om_in_full_1', 'om_in_full_2']);
    // Reported over once writes have gone on succeeding for the quiet period.
    const until = Date.now() + 10_000;
    while (!w.h.logs.some((l) => l.includes('已恢复')) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(w.h.logs.filter((l) => l.includes('已恢复'))).toHaveLength(1);
  });

  it('does not send an answer again when its "sent" mark cannot be written, and writes the mark when it can', async () => {
    h = await makeHarness();
    let undo: (() => void) | undefined;
    const sends: number[] = [];
    h.app.dispatcher.register({
      platform: 'console',
      async send(m) {
        sends.push(m.id);
        undo ??= fillDisk(sqliteStorageOf(h!.app)); // the disk fills up while the answer is on its way
        return { remoteId: `r-${m.id}` };
      },
    });
    await h.say('孙丽', '帮助');
    for (let i = 0; i < 5; i++) await h.app.dispatcher.kick();
    expect(sends).toHaveLength(1);
    expect(h.logs.filter((l) => l.includes('sent mark cannot be written'))).toHaveLength(1);
    undo?.();
    await h.app.dispatcher.kick();
    expect(sends).toHaveLength(1);
    expect(await h.app.storage.transaction((r) => r.outbox.pendingCount())).toBe(0);
  });
});

describe('stopping', () => {
  it('answers webhook events 503 once paused, and serves /healthz', async () => {
    w = await larkWorld();
    w.h.app.health = () => ({ ok: true, ledger: 'fine' }) as { ok: boolean };
    const health = await fetch(w.url.replace('/webhook/event', '/healthz'));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, ledger: 'fine' });
    w.adapter.pause();
    const r = await postEvent(w.url, messageEvent({ from: ou('sun-li'), text: '@_user_1 帮助', mentions: BOT }), KEY);
    expect(r.status).toBe(503);
  });
});
