import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

const task = (code: string) => h.app.storage.transaction((r) => r.tasks.findByCode(code));

describe('复核', () => {
  it('draws every 重点 completion and at least the configured share of the others', async () => {
    h = await makeHarness(); // random() = 0.99: only the guaranteed share is drawn
    for (let i = 1; i <= 10; i++) await h.say('孙丽', `交办 发改委 事项${i} 12月31日${i === 5 ? ' 重点' : ''}`);
    const drawn: string[] = [];
    for (let i = 1; i <= 10; i++) {
      const code = `D-${String(i).padStart(4, '0')}`;
      const r = await h.say('王芳', `办结 ${code} 已按要求办理完毕`);
      if (r.text.includes('已列入复核')) drawn.push(code);
    }
    expect(drawn).toContain('D-0005');
    const stats = await h.app.storage.transaction((r) => r.verifications.sampleStats());
    expect(stats.completions).toBe(10);
    expect(stats.drawn / stats.completions).toBeGreaterThanOrEqual(0.3);
  });

  it('draws at random at the configured share when the random source says so', async () => {
    h = await makeHarness({ random: () => 0.1 });
    await h.say('孙丽', '交办 发改委 事项一 12月31日');
    await h.say('孙丽', '交办 发改委 事项二 12月31日');
    await h.say('王芳', '办结 D-0001 已办理完毕');
    const r = await h.say('王芳', '办结 D-0002 已办理完毕');
    expect(r.text).toContain('本件已列入复核（随机抽取复核），请督查室 @孙丽 核实');
    // The draw is the bot's, not the person's who completed the work.
    const history = (await h.say('孙丽', '查询 D-0002')).text;
    expect(history).toMatch(/ 系统 列入复核（随机抽取）/);
    expect(history).not.toContain('王芳 列入复核');
  });

  it('属实 closes the item as 已复核; 不实 reopens it, tells the unit and counts against it', async () => {
    h = await makeHarness();
    await h.say('陈立群', '交办 发改委 编制项目清单 12月18日 重点');
    await h.say('王芳', '签收 D-0001');
    await h.say('王芳', '办结 D-0001 清单已报送');
    expect((await h.say('王芳', '复核 D-0001 属实')).text).toContain('「复核」仅限督查室使用');
    const bad = await h.say('孙丽', '复核 D-0001 不实 清单缺南岭市项目 截止:12月25日');
    expect(bad.text).toContain('D-0001 复核不实，退回重办');
    expect(bad.text).toContain('请 @王芳、@李明 整改后重新报送办结');
    expect(bad.text).toContain('本次复核不实已计入 省发展改革委');
    const t = await task('D-0001');
    expect(t).toMatchObject({ status: 'active', verification: 'false', reopenCount: 1, deadline: '2026-12-25', originalDeadline: '2026-12-18' });
    expect(t?.completedAt).toBeUndefined();
    const vs = await h.app.storage.transaction((r) => r.verifications.forTask(t?.id ?? 0));
    expect(vs).toEqual([expect.objectContaining({ unitId: 'fgw', reason: 'key', result: 'false', verifiedBy: 'sun-li' })]);
    // Reported again: drawn again (重点), then found true.
    await h.say('王芳', '办结 D-0001 清单已补充南岭市项目并重新报送');
    const ok = await h.say('孙丽', '复核 D-0001 属实 已核对');
    expect(ok.text).toContain('D-0001 复核属实，予以销号');
    expect((await task('D-0001'))?.status).toBe('verified');
    expect((await h.say('孙丽', '复核 D-0001 属实')).text).toContain('已复核属实');
  });

  it('lets the office re-check a completion that was not drawn (回头看), and refuses an open task', async () => {
    h = await makeHarness();
    await h.say('孙丽', '交办 发改委 事项一 12月31日');
    await h.say('孙丽', '交办 发改委 事项二 12月31日');
    await h.say('王芳', '办结 D-0001 已办理完毕'); // drawn (guaranteed share)
    await h.say('王芳', '办结 D-0002 已办理完毕'); // not drawn
    const r = await h.say('孙丽', '回头看 D-0002 属实');
    expect(r.text).toContain('D-0002 复核属实');
    expect((await h.app.storage.transaction((x) => x.verifications.forTask(2)))[0]?.reason).toBe('manual');
    await h.say('孙丽', '交办 发改委 事项三 12月31日');
    expect((await h.say('孙丽', '复核 D-0003 属实')).text).toContain('尚未办结，无需复核');
  });
});

describe('分解 (阶段)', () => {
  it('splits a long task into stages tracked like tasks; the task completes when its stages do', async () => {
    h = await makeHarness();
    await h.say('陈立群', '交办 发改委 财政厅 编制十五五规划纲要 2027-03-31');
    await h.say('王芳', '签收 D-0001');
    const r = await h.say('王芳', '分解 D-0001 完成调研摸底 12月20日；形成纲要初稿 2027-01-29 @王芳；征求意见 2027-02-26 财政厅');
    expect(r.text).toContain('D-0001 已分解为 3 个阶段');
    expect(r.text).toContain('D-0001-1 完成调研摸底｜12月20日（周日）｜省发展改革委 @王芳');
    expect(r.text).toContain('D-0001-3 征求意见｜2027年2月26日（周五）｜省财政厅 @钱敏');
    expect(r.text).toContain('签收 D-0001-3');
    expect((await task('D-0001-1'))?.status).toBe('active'); // 发改委 already signed D-0001
    expect((await task('D-0001-3'))?.status).toBe('pending');
    const late = await h.say('孙丽', '分解 D-0001 阶段一 12月20日；阶段二 2027-06-30');
    expect(late.text).toContain('已分解过');

    expect((await h.say('王芳', '办结 D-0001 全部完成')).text).toContain('尚有 3 个阶段未办结（D-0001-1、D-0001-2、D-0001-3）');
    await h.say('王芳', '办结 D-0001-1 调研摸底已完成，形成调研报告');
    await h.say('王芳', '办结 D-0001-2 纲要初稿已形成');
    await h.say('钱敏', '签收 D-0001-3');
    const last = await h.say('钱敏', '办结 D-0001-3 已完成征求意见，共收到意见126条');
    expect(last.text).toContain('各阶段均已办结，D-0001 编制十五五规划纲要 随之办结');
    const parent = await task('D-0001');
    expect(parent?.status).toBe('completed');
    expect(parent?.result).toContain('各阶段均已办结');
    const detail = await h.say('孙丽', '查询 D-0001');
    expect(detail.text).toContain('阶段（3 个）');
    // The bot completed the task by rule: the history does not name 钱敏 as having completed it.
    expect(detail.text).toMatch(/ 系统 各阶段办结，事项随之办结/);
    expect(detail.text).not.toMatch(/钱敏 各阶段办结/);
  });

  it('refuses a stage later than the task, a single stage, and someone not entitled', async () => {
    h = await makeHarness();
    await h.say('陈立群', '交办 发改委 编制规划 12月31日');
    expect((await h.say('王芳', '分解 D-0001 阶段一 12月20日；阶段二 2027-01-15')).text).toContain('晚于事项时限');
    expect((await h.say('王芳', '分解 D-0001 阶段一 12月20日')).text).toContain('至少分解为两个阶段');
    expect((await h.say('钱敏', '分解 D-0001 阶段一 12月20日；阶段二 12月30日')).text).toContain('由交办人、督查室或牵头单位分解');
    expect((await h.say('王芳', '分解 D-0001 阶段一；阶段二 12月30日')).text).toContain('没有写时限');
  });

  it('counts only whole tasks when asked how many were assigned', async () => {
    h = await makeHarness();
    await h.say('陈立群', '交办 发改委 编制规划 12月31日');
    await h.say('王芳', '分解 D-0001 阶段一 12月20日；阶段二 12月30日');
    expect((await h.say('周建国', '本周交办了多少件？')).text).toContain('全省本周交办事项：1 件');
  });
});

describe('帮助 for the exceptions', () => {
  it('lists the new commands by group, and each has usage and examples', async () => {
    h = await makeHarness();
    const all = await h.say('王芳', '帮助');
    expect(all.text).toContain('【协调、延期等例外】');
    for (const name of ['协调', '协调意见', '表态', '升级', '难以执行', '答复', '恢复', '延期', '批准延期', '驳回延期', '分解', '复核', '转交', '请假', '销假', '代行']) {
      expect(all.text).toContain(`${name}：`);
      const one = await h.say('王芳', `帮助 ${name}`);
      expect(one.text, name).toContain('示例：');
    }
  });
});
