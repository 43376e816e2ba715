import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

describe('免责 (容错, H14, Q三(二))', () => {
  it('the office proposes, the 秘书长 confirms: the lapse leaves the 台账 and the ranking, the climb stops, and the record shows why', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    await h.say('孙丽', '交办 发改委 编制专项债清单 12月8日');
    await h.say('王芳', '签收 D-0001');
    const chased = await h.until('2026-12-09', '09:30');
    expect(chased.map((m) => h.render(m)).join('\n')).toContain('第 1 次催办，予以督查室通报');
    h.at('2026-12-09', '10:00');
    expect((await h.say('孙丽', '统计 本月')).text).toContain('发改委｜交办 1｜当日签收 1/1｜按期办结 0/0｜逾期 1｜催办 1');

    const proposal = await h.say('孙丽', '免责 D-0001 临机处置突发汛情，抽调专班致方案延误');
    expect(proposal.text).toContain('D-0001 已提出免责，待秘书长确认');
    expect(proposal.messages.find((m) => m.reply.title === 'D-0001 拟予免责，请确认')?.targetKind).toBe('person');
    // Until the 秘书长 confirms, nothing changes.
    expect((await h.say('孙丽', '统计 本月')).text).toContain('逾期 1｜催办 1');
    expect((await h.say('孙丽', '确认免责 D-0001')).text).toContain('「确认免责」仅限秘书长使用');
    expect((await h.say('陈立群', '确认免责 D-0001')).text).toContain('仅限秘书长使用');

    const ok = await h.say('吴德明', '确认免责 D-0001 同意');
    expect(ok.text).toContain('D-0001 免责已确认（吴德明（省政府秘书长））');
    expect(ok.text).toContain('不计入日常考核工作台账和督查排名');
    const stats = await h.say('孙丽', '统计 本月');
    expect(stats.text).toContain('发改委｜交办 1｜当日签收 1/1｜按期办结 0/0｜逾期 0｜催办 0');
    expect(stats.text).not.toContain('逾期最久：D-0001');
    const ledger = await h.say('孙丽', '查询 考核台账 本月');
    expect(ledger.text).toContain('免责：D-0001｜临机处置突发汛情，抽调专班致方案延误｜经吴德明确认，不计入台账');
    expect(ledger.text).not.toContain('第 1 步');
    // The second chase does not climb to the 办公厅通报.
    const next = await h.until('2026-12-10', '09:30');
    const text = next.map((m) => h.render(m)).join('\n');
    expect(text).toContain('第 2 次催办');
    expect(text).not.toContain('办公厅通报');
    h.at('2026-12-10', '10:00');
    const history = await h.say('孙丽', '查询 D-0001');
    expect(history.text).toContain('提出免责（容错）：临机处置突发汛情');
    expect(history.text).toContain('吴德明 确认免责');
  });

  it('refuses: 不予免责 keeps the record; 免责 needs a lapse, a reason and the 督查室', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    await h.say('孙丽', '交办 发改委 编制专项债清单 12月8日');
    expect((await h.say('孙丽', '免责 D-0001 事出有因')).text).toContain('没有逾期、催办或复核不实的记录，无需免责');
    await h.until('2026-12-09', '09:30');
    h.at('2026-12-09', '10:00');
    expect((await h.say('吴德明', '免责 D-0001 事出有因的理由')).text).toContain('仅限督查室使用');
    const bad = await h.say('孙丽', '免责 D-0001');
    expect(bad.text).toContain('须写明免责理由');
    expect(bad.text).toContain('免责 事项编号 理由');
    await h.say('孙丽', '免责 D-0001 临机处置突发汛情');
    const no = await h.say('吴德明', '不予免责 D-0001 延误与汛情无直接关系');
    expect(no.text).toContain('D-0001 不予免责');
    expect((await h.say('孙丽', '统计 本月')).text).toContain('逾期 1｜催办 1');
    expect((await h.say('吴德明', '确认免责 D-0001')).text).toContain('D-0001 免责已不予确认');
  });
});
