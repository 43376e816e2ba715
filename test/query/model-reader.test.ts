import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

/** A fake OpenAI-compatible chat completions endpoint on 127.0.0.1 that records what it was sent. */
interface Seen {
  body: { model: string; messages: Array<{ role: string; content: string }> };
  auth?: string;
}
let server: Server;
let url = '';
const seen: Seen[] = [];
let respond: (res: ServerResponse) => void = () => {};

const completion = (content: string) => (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] }));
};

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      seen.push({ body: JSON.parse(data) as Seen['body'], auth: req.headers.authorization });
      respond(res);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

let h: Harness;
beforeEach(async () => {
  seen.length = 0;
  h = await makeHarness({ settings: { questionModel: { url, model: 'gov-llm', key: 'sk-test', timeoutMs: 5000 } } });
  h.at('2026-11-30');
  await h.say('陈立群', '交办 海州市 整治城区道路 12月3日'); // D-0001
  await h.say('陈立群', '交办 海州市 清理积压信访 12月18日'); // D-0002
  await h.say('陈立群', '交办 海州市 修订应急预案 12月1日'); // D-0003
  h.at('2026-12-03');
  await h.say('林雪', '办结 D-0003 应急预案已修订印发');
  h.at('2026-12-07');
  seen.length = 0;
});

const QUESTION = '海州那边有多少活儿还压着没干完';

describe('model-backed reader (DUBAN_LLM_URL)', () => {
  it('is not asked for an unregistered sender or a 涉密 message', async () => {
    respond = completion('{"intent":"list","unit":"海州市政府","statuses":["未办结"]}');
    await h.app.bot.handle({
      platform: 'console',
      messageId: 'u-1',
      chatId: 'group-1',
      chatType: 'group',
      senderAccountId: '陌生人',
      senderName: '陌生人',
      text: QUESTION,
      mentions: [],
      mentionsBot: true,
    });
    await h.say('周建国', `${QUESTION} 机密`);
    expect(seen).toHaveLength(0);
  });

  it('sends a question the rules cannot fully read, with directory names only, and answers its reading', async () => {
    respond = completion('{"intent":"list","unit":"海州市政府","statuses":["未办结"],"form":"count"}');
    const r = await h.say('周建国', QUESTION);
    expect(r.text).toContain('海州市政府未办结事项：2 件');
    expect(r.text).toContain('由模型辅助理解');
    expect(seen).toHaveLength(1);
    const sent = JSON.stringify(seen[0]?.body);
    expect(seen[0]?.body.model).toBe('gov-llm');
    expect(seen[0]?.auth).toBe('Bearer sk-test');
    expect(sent).toContain(QUESTION);
    expect(sent).toContain('海州市政府');
    expect(sent).toContain('林雪');
    // Never any ledger content: no titles, codes, results or dates of tasks.
    for (const leak of ['整治城区道路', '清理积压信访', '应急预案', 'D-0001', 'D-0003', '12-03', '2026-12-18']) expect(sent).not.toContain(leak);
  });

  it("waits for the model outside the ledger's transaction: other messages go on meanwhile", async () => {
    let release: () => void = () => {};
    let arrived: () => void = () => {};
    const seenIt = new Promise<void>((ok) => (arrived = ok));
    respond = (res) => {
      release = () => completion('{"intent":"list","unit":"海州市政府","statuses":["未办结"]}')(res);
      arrived();
    };
    const question = h.say('周建国', QUESTION);
    await seenIt;
    const ack = await h.say('林雪', '签收 D-0001');
    expect(ack.text).toContain('已签收');
    release();
    expect((await question).text).toContain('海州市政府未办结事项：2 件');
  });

  it('does not call the model for a question the rules read in full', async () => {
    respond = completion('{"intent":"unknown"}');
    expect(await h.say('周建国', '海州还有几件没办完？').then((r) => r.text)).toContain('海州市政府未办结事项：2 件');
    expect(seen).toHaveLength(0);
  });

  it('falls back to the rule reading on a bad answer', async () => {
    for (const content of [
      'not json',
      '{"intent":"list","unit":"教育厅","statuses":["逾期"]}',
      '{"intent":"list","unit":"海州","statuses":["逾期"],"sql":"DROP"}',
      '{"intent":"list","statuses":["很多"]}',
    ]) {
      respond = completion(content);
      const r = await h.say('周建国', QUESTION);
      expect(r.result.outcome, content).toBe('handled');
      // The rules cannot attach 没 to 干完: rather than answer its positive they say so.
      expect(r.text, content).toContain(`没有看懂「${QUESTION}」`);
      expect(r.text, content).not.toContain('由模型辅助理解');
    }
  });

  it('falls back on an HTTP error and on a timeout', async () => {
    respond = (res) => {
      res.writeHead(500);
      res.end('down');
    };
    expect((await h.say('周建国', QUESTION)).text).toContain('没有看懂');
    respond = () => {}; // never answers: the 200 ms timeout ends the request
    const quick = await makeHarness({ settings: { questionModel: { url, model: 'gov-llm', timeoutMs: 200 } } });
    const r = await quick.say('周建国', QUESTION);
    await quick.close();
    expect(r.result.outcome).toBe('handled');
    expect(r.text).toContain('没有看懂');
    expect(seen.length).toBeGreaterThanOrEqual(1);
  });

  it("the model cannot widen the asker's scope: its reading is answered by the same code", async () => {
    respond = completion('{"intent":"list","unit":"海州市政府","statuses":["未办结"]}');
    const r = await h.say('袁媛', QUESTION);
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('您可查询的范围是：南岭市政府');
    expect(r.text).not.toMatch(/D-000\d/);
  });
});

describe('DUBAN_LLM_* settings', () => {
  it('are off by default, and URL and model go together', async () => {
    const { questionModelFromEnv, readCoreEnv } = await import('../../src/config/settings.js');
    const { SettingsError } = await import('../../src/config/settings-error.js');
    expect(questionModelFromEnv(readCoreEnv({}))).toBeUndefined();
    expect(questionModelFromEnv(readCoreEnv({ DUBAN_LLM_URL: 'http://127.0.0.1:9/v1/chat/completions', DUBAN_LLM_MODEL: 'm', DUBAN_LLM_KEY: 'k' }))).toEqual({
      url: 'http://127.0.0.1:9/v1/chat/completions',
      model: 'm',
      key: 'k',
      timeoutMs: 3000,
    });
    expect(() => questionModelFromEnv(readCoreEnv({ DUBAN_LLM_URL: 'http://127.0.0.1:9/v1' }))).toThrow(/DUBAN_LLM_MODEL 未设置/);
    expect(() => readCoreEnv({ DUBAN_LLM_URL: 'not a url' })).toThrow(SettingsError);
  });
});
