import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import { computeTally, lastRanked } from '../../src/reports/tally.js';
import { monthOf } from '../../src/calendar/periods.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-11-30');
  await h.say('陈立群', '交办 发改委 编制专项债项目清单 12月2日'); // D-0001 fgw, signed, overdue
  await h.say('陈立群', '交办 财政厅 发改委 测算资金缺口 12月4日'); // D-0002 czt lead, fgw co, unsigned, overdue
  await h.say('陈立群', '交办 发改委 起草实施意见 12月11日'); // D-0003 fgw, unsigned, due this week
  await h.say('刘海燕', '交办 南岭市 排查危旧房屋 12月31日'); // D-0004 nl, unsigned
  await h.say('陈立群', '交办 海州市 整治城区道路 12月3日'); // D-0005 hz, signed, overdue
  await h.say('陈立群', '交办 海州市 清理积压信访 12月18日'); // D-0006 hz, due next week
  await h.say('陈立群', '交办 海州市 修订应急预案 12月1日'); // D-0007 hz, completed late
  await h.say('王芳', '签收 D-0001');
  await h.say('林雪', '签收 D-0005');
  h.at('2026-12-03');
  await h.say('林雪', '办结 D-0007 应急预案已修订印发');
  h.at('2026-12-07');
  await h.say('孙丽', '交办 海州市 回复网民留言 5个工作日'); // D-0008 hz, due 12-14
});
afterAll(() => h.close());

const ask = async (who: string, q: string) => (await h.say(who, q)).text;

describe('answers checked against the ledger', () => {
  it('海州还有几件没办完 counts the open work, never the completed', async () => {
    const t = await ask('周建国', '海州还有几件没办完？');
    expect(t).toContain('海州市政府未办结事项：3 件');
    expect(t).not.toContain('办结事项：0 件');
    expect(t).toMatch(/D-0005[\s\S]*D-0008[\s\S]*D-0006/);
    expect(t).not.toContain('D-0007');
  });

  it('查询 海州 未办结 and the plain question give the same count', async () => {
    expect(await ask('周建国', '查询 海州 未办结')).toContain('海州市政府未办结事项：3 件');
    expect(await ask('周建国', '海州還有幾件沒辦完？')).toContain('海州市政府未办结事项：3 件');
  });

  it('answers the first of several questions in one message and names the rest, never merging them', async () => {
    const t = await ask('周建国', '海州办完了几件，逾期的有哪些，谁负责？');
    expect(t).toContain('海州市政府办结事项：1 件');
    expect(t).not.toContain('逾期办结');
    expect(t).toContain('以上答复的是「海州办完了几件」；「逾期的有哪些」「谁负责」未作答复，请分开询问');
  });

  it('shows the task for 为什么 and says it does not judge the reason; a second code is named', async () => {
    const why = await ask('周建国', 'D-0005 为什么还没办完');
    expect(why).toContain('D-0005 整治城区道路');
    expect(why).toContain('机器人不判断原因');
    expect(why).not.toContain('未能理解');
  });

  it("answers several codes asked together a line each; a code outside the asker's scope reads as not found", async () => {
    await h.say('林雪', '进展 D-0005 60% 主干道已完成');
    const both = await ask('周建国', 'D-0005和D-0006怎么样了');
    expect(both).toContain('查询 2 件事项');
    expect(both).toMatch(/D-0005 整治城区道路｜牵头 海州[^\n]*\n\s*最新进展（12-07 林雪）：60% 主干道已完成\n\s*D-0006 清理积压信访｜/);
    expect(both).not.toContain('未能理解');
    const handler = await ask('袁媛', 'D-0004、D-0001 进展如何');
    expect(handler).toContain('D-0004 排查危旧房屋');
    expect(handler).toContain('没有编号为 D-0001 的督办事项');
    expect(handler).not.toContain('编制专项债项目清单');
  });

  it('positive and yes/no forms', async () => {
    expect(await ask('周建国', '海州办完了几件')).toContain('海州市政府办结事项：1 件');
    expect(await ask('周建国', '海州的事都办完了吗')).toContain('海州市政府事项是否都已办结：否，4 件中尚有 3 件未办结');
    expect(await ask('周建国', '发改委有没有逾期的')).toContain('省发展改革委逾期事项：有 2 件');
    expect(await ask('周建国', '南岭有没有逾期的')).toContain('南岭市政府逾期事项：没有');
  });

  it('compound conditions: 逾期办结, 逾期没签收, 本周到期还没签收', async () => {
    const late = await ask('孙丽', '逾期办结的有哪些');
    expect(late).toContain('全省逾期办结事项：1 件');
    expect(late).toContain('D-0007');
    const lateUnsigned = await ask('孙丽', '逾期没签收的');
    expect(lateUnsigned).toContain('全省逾期未签收事项：1 件');
    expect(lateUnsigned).toContain('D-0002');
    const week = await ask('孙丽', '本周到期还没签收的');
    expect(week).toContain('全省本周到期未签收事项：1 件');
    expect(week).toContain('D-0003');
    expect(await ask('孙丽', '下周到期的有几件')).toContain('全省下周到期事项：2 件');
  });

  it('relations: 牵头 and 配合, 交办的 and 负责的', async () => {
    expect(await ask('孙丽', '发改委配合的事项有哪些')).toContain('省发展改革委配合的事项：1 件');
    expect(await ask('孙丽', '发改委牵头的有几件')).toContain('省发展改革委牵头的事项：2 件');
    expect(await ask('孙丽', '刘海燕交办的事项有哪些')).toContain('刘海燕交办的事项：1 件');
    expect(await ask('孙丽', '林雪手上有哪些事')).toContain('林雪负责的在办事项：3 件');
  });

  it('都签收了吗 / 签收了没有, and 逾期超过 N 天', async () => {
    expect(await ask('周建国', '财政厅签收了没有')).toContain('省财政厅事项是否都已签收：否，1 件中尚有 1 件未签收');
    expect(await ask('周建国', '发改委是不是都签收了')).toContain('省发展改革委事项是否都已签收：否，3 件中尚有 2 件未签收');
    const old = await ask('周建国', '逾期超过4天的有哪些');
    expect(old).toContain('全省逾期超过4天事项：1 件');
    expect(old).toContain('D-0001');
  });

  it('an @mention whose display name differs from the directory is read as that person', async () => {
    const r = await h.app.bot.handle({
      platform: 'console',
      messageId: 'mention-1',
      chatId: 'group-1',
      chatType: 'group',
      senderAccountId: '孙丽',
      senderName: '孙丽',
      text: '@Lin Xue 手上还有几件',
      mentions: [{ name: 'Lin Xue', personId: 'lin-xue' }],
      mentionsBot: true,
    });
    await h.app.dispatcher.kick();
    expect(r.reply?.title).toBe('林雪负责的在办事项：3 件');
  });

  it('the longest overdue item', async () => {
    expect(await ask('周建国', '逾期最久的是哪件')).toContain('全省逾期最久的事项：D-0001（逾期 5 天）');
  });

  it('a name not in the directory is said so, never dropped', async () => {
    const t = await ask('周建国', '教育厅还有几件逾期');
    expect(t).toContain('通讯录中没有「教育厅」');
    expect(t).not.toContain('逾期事项');
    expect(await ask('周建国', '张三负责的事项')).toContain('通讯录中没有「张三」');
  });

  it('a typo in a unit alias is read and said', async () => {
    const t = await ask('周建国', '发该委有几件逾期');
    expect(t).toContain('省发展改革委逾期事项：2 件');
    expect(t).toContain('「发该委」按「省发展改革委」理解');
  });

  it('a question understood in part says what it ignored', async () => {
    const t = await ask('周建国', '海州的天气怎么样');
    expect(t).toContain('海州市政府概况');
    expect(t).toContain('未能理解「天气」');
  });

  it('ranking questions follow the tally and its rule', async () => {
    const tally = await h.app.storage.transaction((r) => computeTally(r.stats, h.directory, monthOf('2026-12-07', '本月'), '2026-12-07'));
    const last = lastRanked(tally).map((u) => h.directory.unitName(u.unitId));
    expect(last.length).toBeGreaterThan(0);
    const worst = await ask('周建国', '哪个单位最差');
    expect(worst).toContain(`本月排名最后：${last.join('、')}`);
    expect(worst).toContain('排名依次比较：逾期件数');
    const most = Math.max(...tally.ranked.map((u) => u.overdue));
    const mostUnits = tally.ranked.filter((u) => u.overdue === most).map((u) => h.directory.unitName(u.unitId));
    expect(await ask('周建国', '谁逾期最多')).toContain(`本月逾期最多：${mostUnits.join('、')}（${most} 件）`);
    const first = h.directory.unitName(tally.ranked[0]?.unitId ?? '');
    expect(await ask('周建国', '哪个单位最好')).toContain(`本月排名第一：${first}`);
    expect(await ask('周建国', '发改委排第几')).toMatch(/省发展改革委本月排名第 \d+（共 \d+ 个有事项的单位）/);
    expect((await h.say('王芳', '哪个单位最差')).result.outcome).toBe('refused');
  });

  it('help and 没有看懂 use the directory in use', async () => {
    const t = await ask('周建国', '今天天气不错');
    expect(t).toContain('没有看懂「今天天气不错」');
    expect(t).toContain('南岭还有几件没办完？');
    expect(await ask('周建国', '能问什么')).toContain('林雪手上有哪些事'.replace('林雪', h.directory.withRole('经办人')[0]?.name ?? ''));
  });
});

describe('重点 items', () => {
  it('重点事项有几件逾期 counts only key items', async () => {
    const k = await makeHarness();
    k.at('2026-11-30');
    await k.say('陈立群', '交办 发改委 编制专项债项目清单 12月2日 重点');
    await k.say('陈立群', '交办 发改委 起草实施意见 12月3日');
    k.at('2026-12-07');
    expect((await k.say('周建国', '重点事项有几件逾期')).text).toContain('全省重点逾期事项：1 件');
    expect((await k.say('周建国', '逾期的有几件')).text).toContain('全省逾期事项：2 件');
    await k.close();
  });
});

describe('scope of list answers (issue 10, point 6)', () => {
  it("a code outside one's scope reads exactly like an unknown one", async () => {
    const outside = await ask('袁媛', '查询 D-0001');
    const unknown = await ask('袁媛', '查询 D-0999');
    expect(outside).toBe(unknown.replaceAll('D-0999', 'D-0001'));
    expect(outside).not.toMatch(/发展改革委|王芳|专项债/);
  });

  it("a handler of another unit cannot list a person's work, by @ or in plain words", async () => {
    for (const q of ['查询 @王芳', '王芳手上有哪些事', '王芳负责的事项有几件']) {
      const r = await h.say('袁媛', q);
      expect(r.result.outcome, q).toBe('refused');
      expect(r.text, q).not.toMatch(/D-000[1-3]|专项债|资金缺口/);
    }
    const lin = await ask('王芳', '林雪手上有哪些事');
    expect(lin).not.toMatch(/D-000[5-8]/);
  });

  it('a person in scope is listed only with the work the asker may see', async () => {
    // 孙丽 (办公厅) assigned D-0008 to 海州; 黄志远 covers 办公厅 but not 海州.
    for (const q of ['孙丽交办的有哪些', '查询 @孙丽']) {
      const t = await ask('黄志远', q);
      expect(t, q).not.toContain('D-0008');
      expect(t, q).toContain('仅含您可查看的范围');
    }
  });

  it("我分管的单位 is a 分管领导's scope", async () => {
    const t = await ask('陈立群', '我分管的单位有几件逾期');
    expect(t).toContain('您可查看范围内逾期事项：3 件');
    expect(t).toContain('仅含您可查看的范围：省发展改革委、省财政厅、省自然资源厅、海州市政府、江城市政府');
  });

  it('谁还没签收 names, on each line, the units that have not signed and their responsible person', async () => {
    const t = await ask('周建国', '谁还没签收');
    expect(t).toContain('测算资金缺口｜牵头 财政厅｜12-04 截止｜逾期 3 天（待签收）｜🔴红｜未签收：省财政厅（钱敏）、省发展改革委（王芳）');
    expect(t).not.toContain('D-0005');
    const done = await ask('周建国', '发改委的事项都签收了吗');
    expect(done).toContain('未签收：省发展改革委（王芳）');
  });

  it('a rate (办结率, 占比) is not computed: the count is answered and the rate named as not', async () => {
    const t = await ask('周建国', '海州本月办结率是多少');
    expect(t).toContain('海州市政府本月办结事项：1 件');
    expect(t).toContain('未能理解「率（比率不单独计算，以上为件数；各单位按期办结、当日签收情况见「本月各单位情况」）」');
    expect(await ask('周建国', '逾期事项占比多少')).toContain('未能理解「占比（比率不单独计算');
  });

  it('表现怎么样 / 干得怎么样 asks for the overview', async () => {
    const t = await ask('周建国', '财政厅表现怎么样');
    expect(t).toContain('省财政厅概况');
    expect(t).not.toContain('未能理解');
  });

  it("every list is limited to the asker's scope and says so", async () => {
    const overdue = await ask('袁媛', '逾期的有哪些');
    expect(overdue).toContain('您可查看范围内逾期事项：0 件');
    expect(overdue).toContain('仅含您可查看的范围：南岭市政府');
    const unsigned = await ask('袁媛', '哪些事项还没签收');
    expect(unsigned).toContain('您可查看范围内未签收事项：1 件');
    expect(unsigned).toContain('D-0004');
    expect(unsigned).not.toMatch(/D-000[235]/);
    const unit = await h.say('袁媛', '发改委还有几件逾期');
    expect(unit.result.outcome).toBe('refused');
    expect(unit.text).not.toMatch(/D-000\d/);
  });
});
