import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-12-07');
  await h.say('孙丽', '交办 发改委 财政厅 编制明年重点项目清单 12月18日'); // D-0001
  await h.say('孙丽', '交办 交通厅 住建厅 推进城市道路改造 12月25日'); // D-0002
  await h.say('王芳', '协调 D-0001 与财政厅对资金来源意见不一致'); // C-0001
  await h.say('许娜', '协调 D-0002 与住建厅对管线迁改费用分担意见不一致'); // C-0002
  await h.say('郑晓东', '请假 至 12月9日 外出学习'); // C-0001 passes to 黄志远
});
afterAll(() => h.close());

const codes = (t: string) => [...t.matchAll(/C-\d{4}（/g)].map((m) => m[0].slice(0, 6));

describe('whose coordination items a question asks for', () => {
  it('a person: the items he handles, owns or requested, never the whole province', async () => {
    const t = (await h.say('周建国', '黄志远手上有哪些协调')).text;
    expect(t).toContain('黄志远经手的尚未协调一致的协调事项：');
    expect(codes(t)).toContain('C-0001');
    expect((await h.say('周建国', '郑晓东手上有几件协调')).text).not.toContain('全省');
  });

  it('我 and 我单位 are the asker and his unit', async () => {
    const mine = (await h.say('王芳', '我提的协调有哪些')).text;
    expect(mine).toContain('我经手的尚未协调一致的协调事项：1 件');
    expect(codes(mine)).toEqual(['C-0001']);
    const unit = (await h.say('许娜', '我单位有哪些协调')).text;
    expect(unit).toContain('省交通运输厅尚未协调一致的协调事项：1 件');
    expect(codes(unit)).toEqual(['C-0002']);
  });

  it('协调的事谁在办 is a question (not a 协调 without a code), each line naming who handles it', async () => {
    const t = (await h.say('周建国', '协调的事谁在办')).text;
    expect(t).not.toContain('请写明事项编号');
    expect(t).toContain('全省尚未协调一致的协调事项：2 件');
    expect(t).toContain('C-0001（D-0001 编制明年重点项目清单）｜副秘书长协调：黄志远');
  });
});

describe('谁代行', () => {
  it('发改委现在谁代行 answers from the 代行 registered', async () => {
    await h.say('李明', '代行 @高翔 至 12月20日');
    const t = (await h.say('周建国', '发改委现在谁代行')).text;
    expect(t).toContain('省发展改革委 由 高翔 代行主要负责人职责');
    expect(t).not.toContain('未能理解「代行」');
  });
});
