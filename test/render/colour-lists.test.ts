import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

/** 2026-12-07 (Mon): D-0001 overdue, D-0002 due within 3 working days, D-0003 on track, D-0004 done. */
async function ledger(scheme: '红黄绿' | '蓝黄红'): Promise<Harness> {
  h = await makeHarness({ settings: { colourScheme: scheme } });
  h.at('2026-12-01', '09:00');
  await h.say('陈立群', '交办 发改委 编制专项债项目清单 12月4日');
  await h.say('陈立群', '交办 发改委 起草实施意见 12月9日');
  await h.say('陈立群', '交办 发改委 测算资金缺口 12月31日');
  await h.say('陈立群', '交办 海州市 修订应急预案 12月18日');
  await h.say('林雪', '办结 D-0004 应急预案已修订印发');
  h.at('2026-12-07', '10:00');
  return h;
}

const lineOf = (text: string, code: string) => text.split('\n').find((l) => l.includes(code)) ?? '';

describe('三色 in list answers', () => {
  it('ends each open task’s line with its colour mark; completed work has none', async () => {
    await ledger('红黄绿');
    const t = (await h.say('孙丽', '查询 发改委 未办结')).text;
    expect(lineOf(t, 'D-0001')).toMatch(/｜🔴红$/);
    expect(lineOf(t, 'D-0002')).toMatch(/｜🟡黄$/);
    expect(lineOf(t, 'D-0003')).toMatch(/｜🟢绿$/);
    const done = (await h.say('孙丽', '海州办完了几件')).text;
    expect(lineOf(done, 'D-0004')).not.toMatch(/[🔴🟡🟢🔵]/u);
  });

  it('follows the configured 蓝黄红 scheme: blue near the deadline, on track unmarked', async () => {
    await ledger('蓝黄红');
    const t = (await h.say('孙丽', '查询 发改委 未办结')).text;
    expect(lineOf(t, 'D-0001')).toMatch(/｜🔴红$/);
    expect(lineOf(t, 'D-0002')).toMatch(/｜🔵蓝$/);
    expect(lineOf(t, 'D-0003')).not.toMatch(/[🔴🟡🟢🔵]/u);
  });

  it('shows a task’s colour as a field of its answer, which colours the Lark header', async () => {
    await ledger('红黄绿');
    const said = await h.say('孙丽', '查询 D-0001');
    expect(said.text).toContain('三色：🔴红');
    expect(said.messages[0]?.reply.colour).toBe('red');
    const done = await h.say('孙丽', '查询 D-0004');
    expect(done.text).not.toContain('三色');
    expect(done.messages[0]?.reply.colour).toBeUndefined();
  });
});

describe('三色 in tallies', () => {
  it('counts each unit’s open work per colour as it stands today, in the scheme’s colours', async () => {
    await ledger('红黄绿');
    const t = (await h.say('孙丽', '统计 本月')).text;
    expect(lineOf(t, '发改委')).toContain('现三色 🔴红 1 🟡黄 1 🟢绿 1');
    expect(lineOf(t, '海州')).toContain('现三色 🔴红 0 🟡黄 0 🟢绿 0');
    expect(t).toContain('现三色为今日在办事项');
  });

  it('uses 红黄蓝 counts under the 蓝黄红 scheme, in the weekly report too', async () => {
    await ledger('蓝黄红');
    const t = (await h.say('孙丽', '周报 本周')).text;
    expect(lineOf(t, '发改委')).toContain('现三色 🔴红 1 🟡黄 0 🔵蓝 1');
  });
});
