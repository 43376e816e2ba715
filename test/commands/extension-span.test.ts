import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-12-07', '09:00');
  await h.say('孙丽', '交办 住建厅 排查燃气管网隐患 12月18日'); // D-0001
  await h.say('杨帆', '签收 D-0001');
});
afterAll(() => h.close());

describe('延期 by a span', () => {
  it('延期 D-0001 10个工作日 asks for 10 working days past the deadline in force, not from today', async () => {
    const r = await h.say('杨帆', '延期 D-0001 10个工作日 等待资金下达');
    expect(r.text).toContain('申请延至：2027年1月4日（周一）（现时限顺延 10个工作日）');
    expect(r.text).not.toContain('新时限须晚于现时限');
  });

  it('批准延期 D-0001 5个工作日 approves that much past the deadline, not the date asked for', async () => {
    const r = await h.say('孙丽', '批准延期 D-0001 5个工作日');
    expect(r.text).toContain('D-0001 延期至 12月25日（周五）');
  });

  it('两周 counts from the new deadline; a written date still works as before', async () => {
    expect((await h.say('杨帆', '延期 D-0001 两周 资金仍未下达')).text).toContain('申请延至：2027年1月8日（周五）（现时限顺延 两周）');
    await h.say('孙丽', '驳回延期 D-0001 须按期完成');
    expect((await h.say('杨帆', '延期 D-0001 至 12月30日 资金仍未下达')).text).toContain('申请延至：12月30日（周三）');
  });
});
