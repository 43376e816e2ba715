import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { said } from '../support/console-message.js';
import { sqliteOf } from '../support/raw-sql.js';

interface Committed {
  /** Which code opened the transaction (the first frame outside the storage). */
  by: string;
  tasks: number;
  answers: number;
  inbox: number;
  claims: number;
}

/** Records, after every committed transaction, who made it and what the ledger then holds. */
function watchCommits(h: Harness): Committed[] {
  const db = sqliteOf(h.app);
  const storage = h.app.storage;
  const real = storage.transaction.bind(storage);
  const seen: Committed[] = [];
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  storage.transaction = (async (fn: Parameters<typeof real>[0]) => {
    const by = (new Error().stack ?? '').split('\n')[2]?.trim() ?? '';
    const result = await real(fn);
    seen.push({
      by,
      tasks: n('SELECT count(*) AS n FROM tasks'),
      answers: n('SELECT count(*) AS n FROM outbox'),
      inbox: n('SELECT count(*) AS n FROM inbox'),
      claims: n('SELECT count(*) AS n FROM inbox_claims'),
    });
    return result;
  }) as typeof storage.transaction;
  return seen;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a message leaves the inbox in the commit of its answer', () => {
  it('records the effect, the answer, the removal from the inbox and the chat claim given up in one commit', async () => {
    h = await makeHarness();
    const seen = watchCommits(h);
    const a = await h.app.inbox.accept(said('c1', '孙丽', '交办 发改委 一次提交 12月31日'));
    expect((await a.result).outcome).toBe('handled');
    await h.app.inbox.idle();
    const inbox = seen.filter((c) => c.by.includes('inbox.ts') || c.by.includes('bot.ts'));
    // Recorded (the message waiting, the chat claimed), then answered: nothing in between.
    expect(inbox.map(({ tasks, answers, inbox: i, claims }) => ({ tasks, answers, inbox: i, claims }))).toEqual([
      { tasks: 0, answers: 0, inbox: 1, claims: 1 },
      { tasks: 1, answers: 1, inbox: 0, claims: 0 },
    ]);
  });

  it('does the same for a command that fails: its refusal is the answer that removes it', async () => {
    h = await makeHarness();
    const seen = watchCommits(h);
    const a = await h.app.inbox.accept(said('c2', '王芳', '签收 D-9999'));
    expect((await a.result).outcome).toBe('refused');
    await h.app.inbox.idle();
    const after = seen.filter((c) => c.by.includes('inbox.ts') || c.by.includes('bot.ts'));
    expect(after.at(-1)).toMatchObject({ answers: 1, inbox: 0, claims: 0 });
    expect(after.some((c) => c.answers === 1 && c.inbox === 1)).toBe(false);
    await h.app.dispatcher.kick();
    expect(h.sent.map((m) => m.reply.tone)).toEqual(['error']);
  });

  it('keeps the chat claimed while later messages of the chat wait, and gives it up with the last', async () => {
    h = await makeHarness();
    const seen = watchCommits(h);
    const accepted = await Promise.all([
      h.app.inbox.accept(said('c3', '孙丽', '交办 发改委 先到 12月31日')),
      h.app.inbox.accept(said('c4', '孙丽', '交办 发改委 后到 12月31日')),
      h.app.inbox.accept(said('c5', '孙丽', '交办 发改委 别的群 12月31日', 'group-2')),
    ]);
    expect((await Promise.all(accepted.map((x) => x.result))).map((r) => r.outcome)).toEqual(['handled', 'handled', 'handled']);
    await h.app.inbox.idle();
    const answered = seen.filter((c) => c.by.includes('bot.ts'));
    expect(answered).toHaveLength(3);
    // While a message of group-1 still waited its turn, group-1's claim stayed.
    const firstOfGroup1 = answered.find((c) => c.tasks === 1 || c.tasks === 2);
    expect(firstOfGroup1?.claims).toBeGreaterThan(0);
    expect(seen.at(-1)).toMatchObject({ tasks: 3, inbox: 0, claims: 0 });
    expect(sqliteOf(h.app).prepare('SELECT count(*) AS n FROM inbox_claims').get()).toEqual({ n: 0 });
  });
});

describe('sending an answer', () => {
  /** The dispatcher's transactions, by the method that opened them. */
  const steps = (seen: Committed[]) => seen.filter((c) => c.by.includes('dispatcher.ts')).map((c) => c.by.replace(/^at (?:\S+\.)?(\w+) .*$/, '$1'));

  it('reads what is due once and writes its mark, with no transaction for an answer that mentions no one', async () => {
    h = await makeHarness();
    const seen = watchCommits(h);
    await (await h.app.inbox.accept(said('s1', '王芳', '签收 D-9999'))).result;
    await h.app.inbox.idle();
    // The round the answer's commit started (no further kick: that would read again).
    await h.app.dispatcher.stop();
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]?.people).toEqual({});
    // One read of what is due (the batch was not full: nothing more to find), one "sent" mark.
    expect(steps(seen)).toEqual(['drain', 'mark']);
    expect(sqliteOf(h.app).prepare("SELECT count(*) AS n FROM outbox WHERE status = 'sent'").get()).toEqual({ n: 1 });
  });

  it('looks up the people an answer mentions in a transaction of its own', async () => {
    h = await makeHarness();
    const seen = watchCommits(h);
    await (await h.app.inbox.accept(said('s2', '孙丽', '交办 发改委 发送一次 12月31日'))).result;
    await h.app.inbox.idle();
    // The round the answer's commit started (no further kick: that would read again).
    await h.app.dispatcher.stop();
    expect(Object.keys(h.sent[0]?.people ?? {})).toEqual(['wang-fang']);
    expect(h.sent[0]?.people['wang-fang']?.name).toBe('王芳');
    expect(steps(seen)).toEqual(['drain', 'sendOne', 'mark']);
  });

  it('reads again after a full batch, and sends every answer waiting', async () => {
    h = await makeHarness();
    const n = 60; // over the dispatcher's batch of 50
    const at = '2026-12-07T09:00:00.000+08:00';
    const reply = { tone: 'info', title: '测试' };
    await h.app.storage.transaction(async (r) => {
      for (let i = 0; i < n; i++) {
        await r.outbox.enqueue({ platform: 'console', targetKind: 'chat', targetId: `group-${i}`, payload: JSON.stringify({ reply }), at, origin: 'test' });
      }
    });
    const seen = watchCommits(h);
    await h.app.dispatcher.kick();
    expect(h.sent).toHaveLength(n);
    // 50, then the 10 left (not a full batch: no third read).
    expect(steps(seen).filter((s) => s === 'drain')).toHaveLength(2);
  });
});
