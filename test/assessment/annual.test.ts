import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

describe('10% rule on the year plan (H3)', () => {
  it('a unit that finished a Q4 item early still owes a 书面说明 for a Q3 item left undone', async () => {
    h = await makeHarness({ start: ['2026-09-01', '10:00'] });
    await h.say('孙丽', '交办 发改委 事项甲 9月10日');
    await h.say('孙丽', '交办 发改委 事项乙 9月18日');
    await h.say('孙丽', '交办 发改委 事项丙 11月30日');
    await h.say('孙丽', '交办 财政厅 事项丁 9月15日');
    await h.say('王芳', '签收 D-0001 D-0002 D-0003');
    await h.say('钱敏', '签收 D-0004');
    h.at('2026-09-09', '10:00');
    await h.say('王芳', '办结 D-0001 已按期完成');
    await h.say('王芳', '办结 D-0003 提前完成');
    await h.say('钱敏', '办结 D-0004 已按期完成');
    const sent = await h.until('2026-10-08', '09:30');
    const review = h.render(sent.find((m) => m.reply.title.startsWith('季度督查考核'))!);
    // The old rule compared Q3 items due (2) with on-time completions in Q3 (2, one of them a Q4 item) and saw nothing.
    expect(review).toContain('年度计划预警：省发展改革委 2026年计划 3 件，截至10月1日前未按期落实 1 件（33%），全年超过10%的须向上级作出书面说明。');
    expect(review).not.toContain('年度计划预警：省财政厅');

    h.at('2026-12-31', '10:00');
    const year = await h.say('孙丽', '年终考核 今年');
    expect(year.text).toContain('书面说明：省发展改革委 2026年计划 3 件，未按期落实 1 件（33%），超过10%｜尚未作出书面说明');
    expect((await h.say('王芳', '书面说明 发改委 事项乙因上级政策调整暂缓')).text).toContain('仅限督查室、单位主要负责人使用');
    expect((await h.say('赵刚', '书面说明 发改委 事项乙因上级政策调整暂缓')).text).toContain('省发展改革委 的书面说明由该单位主要负责人作出');
    const given = await h.say('李明', '书面说明 发改委 事项乙因上级政策调整暂缓，已报请调整计划');
    expect(given.text).toContain('省发展改革委 2026年度书面说明已记录');
    expect(given.text).toContain('2026年计划 3 件，未按期落实 1 件（33%），超过10%。');
    const after = await h.say('孙丽', '统计 2026年');
    expect(after.text).toContain('年终考核（2026年，1月1日—12月31日）');
    expect(after.text).toContain('超过10%｜已于12月31日作出书面说明：事项乙因上级政策调整暂缓，已报请调整计划');
    expect(after.text).toMatch(/1\. 财政厅｜事项 1｜按期办结 1\/1（100%）｜逾期 0/);
    expect(after.text).toContain('予以表扬：财政厅');
    expect(after.text).toContain('王芳（发改委）｜承办 3｜按期 2｜逾期 1｜效能告诫 0');
    expect(after.text).toContain('未设置权重（各地自行确定）');
    const bad = await h.say('孙丽', '书面说明 发改委');
    expect(bad.text).toContain('须写明书面说明的内容');
    expect(bad.text).toContain('书面说明 单位 内容');
  });
});

describe('年终考核 (B三(一), B四(六), H14)', () => {
  it('runs on the first working day of 2027 (provisional calendar: 元旦 off), counting 2026 warnings only', async () => {
    h = await makeHarness({ start: ['2026-12-21', '10:00'] });
    await h.say('孙丽', '交办 发改委 编制专项债清单 12月23日');
    await h.say('孙丽', '交办 财政厅 测算资金 12月24日');
    await h.say('钱敏', '签收 D-0002');
    await h.say('钱敏', '办结 D-0002 已完成测算');
    await h.say('孙丽', '效能告诫 @王芳 逾期未办又不说明原因');
    await h.say('孙丽', '效能告诫 南岭市 推诿扯皮');
    const sent = await h.until('2027-01-05', '09:30');
    const annual = sent.filter((m) => m.reply.title.startsWith('年终考核'));
    expect(annual).toHaveLength(1);
    expect(annual[0]?.createdAt).toBe('2027-01-04T09:00:00.000+08:00');
    const text = h.render(annual[0]!);
    expect(text).toContain('年终考核（2026年，1月1日—12月31日）');
    expect(text).toContain('王芳（发改委）｜承办 1｜按期 0｜逾期 1｜效能告诫 1：当年考核不得评为称职以上');
    expect(text).toContain('效能告诫：南岭市政府（单位）1 次（G-0002），通报批评，取消领导班子当年评优评先资格');
    h.at('2027-01-05', '10:00');
    await h.say('孙丽', '效能告诫 @王芳 新年度再次推诿');
    // A 2027 warning does not change 2026.
    expect((await h.say('孙丽', '年终考核 2026年')).text).toContain('效能告诫 1：当年考核不得评为称职以上');
    expect((await h.say('孙丽', '年终考核')).text).toContain('年终考核（2026年');
    expect((await h.say('王芳', '年终考核 2026年')).text).toContain('仅限');
    expect((await h.say('孙丽', '年终考核 明年后年')).text).toContain('看不懂「明年后年」指哪一年');
    // In December, 年终考核 alone is the year about to close.
    h.at('2027-12-07', '10:00');
    expect((await h.say('孙丽', '年终考核')).text).toContain('年终考核（2027年');
  });

  it('scores units with weights from the settings file', async () => {
    h = await makeHarness({ start: ['2026-12-01', '10:00'], settings: { assessmentWeights: { 按期办结率: 1, 逾期: -10 } } });
    await h.say('孙丽', '交办 发改委 编制专项债清单 12月3日');
    await h.say('孙丽', '交办 财政厅 测算资金 12月4日');
    await h.say('钱敏', '签收 D-0002');
    await h.say('钱敏', '办结 D-0002 已完成测算');
    h.at('2026-12-10', '10:00');
    const r = await h.say('孙丽', '年终考核 今年');
    expect(r.text).toMatch(/1\. 财政厅｜.*得分 100/);
    expect(r.text).toMatch(/2\. 发改委｜.*得分 90/);
    expect(r.text).toContain('得分按设置文件中的权重计算：按期办结率 1、逾期 -10');
  });
});
