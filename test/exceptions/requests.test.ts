import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

const task = (code = 'D-0001') => h.app.storage.transaction((r) => r.tasks.findByCode(code));

describe('难以执行', () => {
  it('is accepted within 5 working days of 签收, counted across 国庆 2026', async () => {
    h = await makeHarness({ start: ['2026-09-29', '10:00'] });
    await h.say('孙丽', '交办 自然资源厅 调整重大项目用地布局 12月31日');
    await h.say('何静', '签收 D-0001');
    // 09-30 (1), 10-01..07 holiday, 10-08 (2), 10-09 (3), 10-10 Saturday 调休 (4), 10-12 (5)
    h.at('2026-10-12', '16:00');
    const r = await h.say('何静', '难以执行 D-0001 涉及生态红线调整，需国家审批');
    expect(r.result.outcome).toBe('handled');
    // Answer within 3 working days: 10-13, 10-14, 10-15.
    expect(r.text).toContain('答复时限：10月15日（周四）前（3 个工作日）');
    expect(r.text).toContain('@孙丽');
  });

  it('is refused on the 6th working day with a pointer to 延期 and 协调', async () => {
    h = await makeHarness({ start: ['2026-09-29', '10:00'] });
    await h.say('孙丽', '交办 自然资源厅 调整重大项目用地布局 12月31日');
    await h.say('何静', '签收 D-0001');
    h.at('2026-10-13');
    const r = await h.say('何静', '难以执行 D-0001 涉及生态红线调整');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('超过 5 个工作日，不能再反馈难以执行');
    expect(r.text).toContain('延期 D-0001 至 日期 理由');
    expect(r.text).toContain('协调 D-0001 问题');
  });

  it('is answered by the assigner or 督查室 with exactly one of the three decisions; others are refused by name', async () => {
    h = await makeHarness();
    await h.say('陈立群', '交办 自然资源厅 调整用地布局 12月31日');
    await h.say('何静', '难以执行 D-0001 需国家审批');
    expect((await task())?.status).toBe('active'); // raising it counts as signing
    const who = await h.say('冯涛', '答复 D-0001 继续执行');
    expect(who.text).toContain('D-0001 的难以执行答复由交办人 陈立群 或督查室（孙丽）办理');
    const vague = await h.say('孙丽', '答复 D-0001 再研究');
    expect(vague.text).toContain('答复须为以下三者之一：继续执行、暂缓执行、按新的办法执行');
    const two = await h.say('孙丽', '答复 D-0001 继续执行 暂缓执行');
    expect(two.text).toContain('只能选择一种答复');
    const ok = await h.say('陈立群', '答复 D-0001 继续执行 请克服困难');
    expect(ok.text).toContain('D-0001 答复：继续执行');
    expect((await h.say('孙丽', '答复 D-0001 继续执行')).text).toContain('没有待答复的难以执行反馈');
  });

  it('暂缓执行 stops the clock; 恢复 moves the deadline by the working days paused', async () => {
    h = await makeHarness();
    await h.say('孙丽', '交办 自然资源厅 调整用地布局 12月18日');
    await h.say('何静', '难以执行 D-0001 需国家审批');
    await h.say('孙丽', '答复 D-0001 暂缓执行 待国家批复');
    expect((await task())?.status).toBe('paused');
    expect((await h.say('何静', '办结 D-0001 用地布局已调整完毕')).text).toContain('正暂缓执行');
    // Paused Monday 12-07, resumed Monday 12-14: 5 working days.
    h.at('2026-12-14');
    const r = await h.say('孙丽', '恢复 D-0001 国家已批复');
    expect(r.text).toContain('计 5 个工作日');
    const t = await task();
    expect(t).toMatchObject({ status: 'active', deadline: '2026-12-25', originalDeadline: '2026-12-25' });
  });

  it('按新的办法执行 records the new instruction and deadline', async () => {
    h = await makeHarness();
    await h.say('孙丽', '交办 自然资源厅 调整用地布局 12月18日');
    await h.say('何静', '难以执行 D-0001 需国家审批');
    const missing = await h.say('孙丽', '答复 D-0001 按新的办法执行 先做红线外地块');
    expect(missing.text).toContain('须写明新的时限');
    const r = await h.say('孙丽', '答复 D-0001 按新的办法执行 先做红线外地块 截止:2027-01-29');
    expect(r.text).toContain('新时限：2027年1月29日（周五）');
    const t = await task();
    expect(t?.deadline).toBe('2027-01-29');
    const history = await h.app.storage.transaction((x) => x.audit.forTask(t?.id ?? 0));
    expect(history.at(-1)?.details).toMatchObject({ decision: '按新的办法执行', note: '先做红线外地块', newDeadline: '2027-01-29' });
  });
});

describe('延期', () => {
  it('keeps the original deadline, flags the second extension, and only before the deadline', async () => {
    h = await makeHarness();
    await h.say('陈立群', '交办 发改委 编制十五五规划纲要 12月15日');
    await h.say('王芳', '签收 D-0001');
    const noReason = await h.say('王芳', '延期 D-0001 至 12月30日');
    expect(noReason.text).toContain('须写明延期原因和目前进展');
    const first = await h.say('王芳', '延期 D-0001 至 12月30日 需提交省政府常务会议审议，目前已完成征求意见');
    expect(first.text).toContain('D-0001 申请延期');
    expect(first.text).toContain('请 陈立群、@孙丽 审批');
    expect((await h.say('王芳', '延期 D-0001 至 12月31日 会期可能再推迟')).text).toContain('已有待审批的延期申请');
    expect((await h.say('何静', '批准延期 D-0001')).text).toContain('由交办人 陈立群 或督查室（孙丽）办理');
    await h.say('陈立群', '批准延期 D-0001');
    expect(await task()).toMatchObject({ deadline: '2026-12-30', originalDeadline: '2026-12-15', extensionCount: 1 });

    h.at('2026-12-28');
    const second = await h.say('王芳', '延期 D-0001 至 2027-01-15 常务会议推迟');
    expect(second.text).toContain('申请延期（第 2 次）');
    expect(second.text).toContain('该事项已延期 1 次，本次为再次延期，请从严审核');
    const ok = await h.say('孙丽', '批准延期 D-0001 至 2027-01-08 不再延期');
    expect(ok.text).toContain('第 2 次延期，已标注');
    expect(await task()).toMatchObject({ deadline: '2027-01-08', originalDeadline: '2026-12-15', extensionCount: 2 });
    const detail = await h.say('孙丽', '查询 D-0001');
    expect(detail.text).toContain('延期：2 次（多次延期）');
    expect(detail.text).toContain('原定时限：12月15日（周二）');

    h.at('2027-01-11');
    const late = await h.say('王芳', '延期 D-0001 至 2027-01-20 会议材料尚未完成');
    expect(late.text).toContain('已于 1月8日（周五）到期，延期须在到期前申请');
  });

  it('is for the lead unit; a refusal is recorded with its reason', async () => {
    h = await makeHarness();
    await h.say('陈立群', '交办 发改委 财政厅 编制规划 12月15日');
    expect((await h.say('钱敏', '延期 D-0001 至 12月30日 资金测算未完')).text).toContain('申请延期（由牵头单位申请）：省发展改革委：王芳、李明');
    await h.say('王芳', '延期 D-0001 至 12月30日 需提交常务会议');
    expect((await h.say('孙丽', '驳回延期 D-0001')).text).toContain('驳回须写明理由');
    const r = await h.say('孙丽', '驳回延期 D-0001 年度重点任务须按期完成');
    expect(r.text).toContain('D-0001 延期申请未获批准');
    expect(r.text).toContain('请 @王芳 按现时限 12月15日（周二）办结');
    expect((await task())?.deadline).toBe('2026-12-15');
  });

  it('caps a 人大建议 extension at six months from assignment', async () => {
    h = await makeHarness();
    await h.say('孙丽', '交办 海州市 办理加装电梯建议 来源:人大建议');
    const r = await h.say('林雪', '延期 D-0001 至 2027-07-01 需协调多个部门');
    expect(r.text).toContain('最长不超过6个月（B三(六)），不能延至 2027年6月7日（周一）之后');
  });
});
