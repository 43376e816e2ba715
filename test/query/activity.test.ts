import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  h.at('2026-12-07');
  await h.say('周建国', '交办 发改委 财政厅 制定明年经济工作要点 12月25日 重点'); // D-0001
  await h.say('孙丽', '交办 海州市 排查燃气隐患 12月18日'); // D-0002
  await h.say('王芳', '签收 D-0001');
  await h.say('林雪', '签收 D-0002');
  await h.say('王芳', '进展 D-0001 10% 已启动'); // 12-07: not today below
  h.at('2026-12-08', '10:00');
  await h.say('王芳', '进展 D-0001 30% 已形成初稿');
  await h.say('钱敏', '进展 D-0001 资金测算完成');
  await h.say('林雪', '办结 D-0002 已排查燃气管道120公里，整改隐患15处');
  h.at('2026-12-08', '16:00');
});
afterEach(() => h.close());

describe('新进展 questions', () => {
  it('lists the day’s reports as written, and never answers with the day’s assignments', async () => {
    const r = await h.say('周建国', '今天有什么新进展');
    expect(r.text).toContain('全省 今天（12月8日（周二））报送进展 2 条、办结 1 件');
    expect(r.text).toContain('12-08 10:00 D-0001 制定明年经济工作要点｜王芳（省发展改革委）：30% 已形成初稿');
    expect(r.text).toContain('D-0002 排查燃气隐患｜林雪（海州市政府）：办结：已排查燃气管道120公里');
    expect(r.text).not.toContain('已启动');
    expect(r.text).not.toContain('交办事项');
  });

  it('takes the last 7 days when no time is named, and one unit or the asker’s own assignments', async () => {
    const unit = await h.say('周建国', '发改委有什么新进展');
    expect(unit.text).toContain('省发展改革委 最近7天（12月2日（周三）至12月8日（周二））报送进展 2 条、办结 0 件');
    expect(unit.text).toContain('已启动');
    expect(unit.text).not.toContain('钱敏');
    const mine = await h.say('周建国', '我交办的事有什么新进展');
    expect(mine.text).toContain('我交办或报送的事项');
    expect(mine.text).not.toContain('D-0002');
    expect((await h.say('周建国', '昨天有什么新进展')).text).toContain('全省 昨天（12月7日（周一））报送进展 1 条');
  });

  it('keeps to what the asker may see', async () => {
    const r = await h.say('林雪', '今天有什么新进展');
    expect(r.text).toContain('您可查询的事项 今天（12月8日（周二））报送进展 0 条、办结 1 件');
    expect(r.text).not.toContain('制定明年经济工作要点');
  });
});
