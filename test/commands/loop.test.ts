import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  await h.say('陈立群', '交办 发改委 财政厅 制定营商环境优化提升实施方案 12月15日');
});
afterEach(() => h.close());

const task = (code = 'D-0001') => h.app.storage.transaction((r) => r.tasks.findByCode(code));
const history = async (code = 'D-0001') => {
  const t = await task(code);
  return h.app.storage.transaction((r) => r.audit.forTask(t?.id ?? 0));
};

describe('签收', () => {
  it('acknowledges for the responsible person’s unit and moves the task to 办理中 when the lead signs', async () => {
    h.at('2026-12-07', '09:12');
    const r = await h.say('王芳', '签收 D-0001');
    expect(r.text).toContain('D-0001 已签收（省发展改革委 王芳 12-07 09:12）');
    const t = await task();
    expect(t?.status).toBe('active');
    expect(t?.units[0]).toMatchObject({ ackedBy: 'wang-fang', ackedAt: '2026-12-07T09:12:00.000+08:00' });
    expect(t?.units[1]?.ackedAt).toBeUndefined();
  });

  it('lets the unit head sign, and infers the code when the person has exactly one pending task', async () => {
    await h.say('赵刚', '签收 D-0001');
    expect((await task())?.units[1]?.ackedBy).toBe('zhao-gang');
    await h.say('孙丽', '交办 @何静 整理清单 5个工作日');
    const r = await h.say('何静', '签收');
    expect(r.text).toContain('D-0002 已签收');
  });

  it('does not sign twice', async () => {
    await h.say('王芳', '签收 D-0001');
    const r = await h.say('李明', 'ack D-0001');
    expect(r.text).toContain('已于 12-07 09:00 由 王芳 签收，无需重复签收');
    expect((await history()).filter((a) => a.action === 'acknowledge')).toHaveLength(1);
  });

  it('refuses someone who is not responsible, naming who can', async () => {
    const r = await h.say('林雪', '签收 D-0001');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('D-0001 只能由承办单位的责任人或单位主要负责人签收：省发展改革委：王芳、李明；省财政厅：钱敏、赵刚');
  });

  it('signs the codes it may of several and names the one it may not (nothing signed when none may be)', async () => {
    await h.say('孙丽', '交办 @何静 整理清单 5个工作日');
    const r = await h.say('钱敏', '签收D-0001、D-0002');
    expect(r.text).toContain('已签收 1 项，1 项未签收');
    expect(r.text).toContain('D-0001 已签收（省财政厅 钱敏');
    expect(r.text).toContain('D-0002 未签收：D-0002 只能由承办单位的责任人或单位主要负责人签收：省自然资源厅');
    expect((await task())?.units[1]?.ackedBy).toBe('qian-min');
    expect((await task('D-0002'))?.units[0]?.ackedAt).toBeUndefined();
    const none = await h.say('林雪', '签收 D-0001 D-0002');
    expect(none.result.outcome).toBe('refused');
    expect(none.text).toContain('本条消息中的事项均未签收');
    expect((await history()).filter((a) => a.action === 'acknowledge')).toHaveLength(1);
  });

  it('reads a code typed in full-width characters', async () => {
    const r = await h.say('王芳', '签收 Ｄ－０００１');
    expect(r.text).toContain('D-0001 已签收（省发展改革委 王芳');
  });

  it('answers an unknown id and a malformed argument', async () => {
    expect((await h.say('王芳', '签收 D-0099')).text).toContain('没有编号为 D-0099 的督办事项');
    const r = await h.say('王芳', '签收 明天再说');
    expect(r.text).toContain('不是事项编号');
    expect(r.text).toContain('正确写法：签收 编号');
  });

  it('says a 收到 with other words after it signs nothing', async () => {
    const r = await h.say('王芳', '收到，马上落实');
    expect(r.text).toContain('本条未签收任何事项：「收到」后面的「马上落实」不是事项编号');
    expect((await history()).filter((a) => a.action === 'acknowledge')).toHaveLength(0);
  });
});

describe('进展', () => {
  it('refuses a negative percentage and records nothing', async () => {
    const r = await h.say('王芳', '进展 D-0001 -5% 倒退');
    expect(r.text).toContain('完成百分比不能为负数');
    expect((await history()).filter((a) => a.action === 'progress')).toHaveLength(0);
  });

  it('records a lower figure as reported and says so; a bare percentage leaves no empty text in the record', async () => {
    await h.say('王芳', '进展 D-0001 50%');
    const r = await h.say('王芳', '进展 D-0001 40% 根据意见修改');
    expect(r.text).toContain('（较上次报送的 50% 为低，已按本次报送记录）');
    expect((await task())?.progress).toBe(40);
    const card = await h.say('周建国', '@督办助手 D-0001 怎么样了');
    expect(card.text).toMatch(/王芳 报送进展 50%\n/);
    expect(card.text).toContain('王芳 报送进展 40%：根据意见修改');
  });

  it('records a percentage and text, signs implicitly when not yet signed', async () => {
    const r = await h.say('王芳', '进展 D-0001 60% 方案初稿已完成，正在征求财政厅意见');
    expect(r.text).toContain('已记录 D-0001 进展 60%');
    expect(r.text).toContain('已视同签收');
    const t = await task();
    expect(t?.progress).toBe(60);
    expect(t?.status).toBe('active');
    const reports = await h.app.storage.transaction((x) => x.tasks.reports(t?.id ?? 0));
    expect(reports).toEqual([expect.objectContaining({ percent: 60, text: '方案初稿已完成，正在征求财政厅意见', personId: 'wang-fang' })]);
    expect((await history()).map((a) => a.action)).toEqual(['assign', 'acknowledge', 'progress']);
  });

  it('accepts text without a percentage, and a co-unit report does not change the lead’s percentage', async () => {
    await h.say('王芳', '进展 D-0001 50% 初稿');
    await h.say('钱敏', '进展 D-0001 80% 资金测算已完成');
    expect((await task())?.progress).toBe(50);
    const r = await h.say('王芳', '进展 D-0001 已召开专题会');
    expect(r.text).toContain('已记录 D-0001 进展');
  });

  it('reads a percentage written in words: 百分之六十', async () => {
    const r = await h.say('王芳', '进展 D-0001 百分之六十 初稿已完成');
    expect(r.text).toContain('已记录 D-0001 进展 60%');
    expect(r.text).not.toContain('百分之六十');
    expect((await task())?.progress).toBe(60);
    expect((await h.say('王芳', '进展 D-0001 百分之一百二十 超额')).text).toContain('超过 100%');
    const mixed = await h.say('王芳', '进展 D-0001 七十% 已征求意见');
    expect(mixed.text).toContain('已记录 D-0001 进展 70%');
    expect(mixed.text).not.toContain('七十%');
  });

  it('answers an empty report, a percentage over 100 and a missing code with the correct form', async () => {
    expect((await h.say('王芳', '进展 D-0001')).text).toContain('请写明进展情况或完成百分比');
    expect((await h.say('王芳', '进展 D-0001 150% 超额')).text).toContain('超过 100%');
    const r = await h.say('王芳', '进展 方案写好了');
    expect(r.text).toContain('请写明事项编号');
    expect(r.text).toContain('正确写法：进展 编号');
  });

  it('refuses a person outside the task', async () => {
    const r = await h.say('何静', '进展 D-0001 30% 看看');
    expect(r.text).toContain('只能由承办单位的责任人或单位主要负责人报送进展');
  });
});

describe('办结', () => {
  it('completes with a result, on time, and tells the assigner', async () => {
    await h.say('王芳', '签收 D-0001');
    h.at('2026-12-10', '16:00');
    const r = await h.say('王芳', '办结 D-0001 实施方案已经省政府常务会议审议通过，于12月10日印发');
    expect(r.text).toContain('D-0001 已办结（按期）');
    expect(r.text).toContain('办结情况将在督办专报中报交办人 陈立群（常务副省长） 阅知。');
    expect(r.text).not.toContain('@陈立群');
    expect(r.text).toContain('配合单位未签收：省财政厅');
    const t = await task();
    expect(t).toMatchObject({ status: 'completed', completedDate: '2026-12-10', result: '实施方案已经省政府常务会议审议通过，于12月10日印发', progress: 100 });
  });

  it('marks a late completion as late', async () => {
    h.at('2026-12-18');
    const r = await h.say('王芳', '办结 D-0001 实施方案已印发执行');
    expect(r.text).toContain('逾期 3 天');
  });

  it('requires a result', async () => {
    const r = await h.say('王芳', '办结 D-0001');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('办结须写明办理结果');
    expect(r.text).toContain('正确写法：办结 编号 办理结果');
    expect((await task())?.status).toBe('pending');
  });

  it('is for the lead unit only: a co-unit is refused with the names of who can', async () => {
    const r = await h.say('钱敏', '办结 D-0001 资金已落实');
    expect(r.text).toContain('报送办结（由牵头单位报送）：省发展改革委：王芳、李明');
  });

  it('cannot complete, sign or report on a completed task', async () => {
    await h.say('王芳', '办结 D-0001 实施方案已印发执行');
    expect((await h.say('王芳', '办结 D-0001 再办结一次')).text).toContain('D-0001 已办结，不能再办结');
    expect((await h.say('钱敏', '签收 D-0001')).text).toContain('不能再签收');
    expect((await h.say('王芳', '进展 D-0001 10% 补充')).text).toContain('已办结，不能再报送进展');
  });
});
