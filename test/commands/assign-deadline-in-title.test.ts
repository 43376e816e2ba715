import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
  h.at('2026-12-07', '09:00');
});
afterAll(() => h.close());

const tasks = () => h.app.storage.transaction((r) => r.tasks.count({}));

describe('a deadline written inside the title of a 交办', () => {
  it('于12月20日前完成… is the deadline, the title stays as written, and the answer says where it came from', async () => {
    const r = await h.say('周建国', '交办 省发改委牵头，省财政厅、省自然资源厅配合，于12月20日前完成全省重大项目谋划');
    expect(r.text).toContain('事项：于12月20日前完成全省重大项目谋划');
    expect(r.text).toContain('时限：12月20日（周日）');
    expect(r.text).toContain('时限按事项中写明的「12月20日前」计。');
    expect(r.text).not.toContain('未写时限');
  });

  it('本周五前 and 年底前 inside the title are read the same way', async () => {
    expect((await h.say('周建国', '交办 @王芳 本周五前报送明年项目清单')).text).toContain('时限：12月11日（周五）');
    expect((await h.say('周建国', '交办 住建厅 年底前完成老旧小区改造')).text).toContain('时限：12月31日（周四）');
  });

  it('two days inside the title, or a time the bot cannot read, assign nothing', async () => {
    const before = await tasks();
    expect((await h.say('周建国', '交办 发改委 12月15日前报送材料，12月30日前完成方案')).text).toContain('事项中写了 2 个时限（12月15日、12月30日），本条未交办');
    expect((await h.say('周建国', '交办 发改委 春节前完成项目谋划')).text).toContain('时限「春节前」无法识别为具体日期，本条未交办');
    expect((await h.say('周建国', '交办 交通厅 1月中旬前完成规划')).text).toContain('时限「1月中旬前」无法识别为具体日期，本条未交办');
    expect(await tasks()).toBe(before);
  });

  it('a deadline given apart wins, and the answer names the other day written in the title', async () => {
    const r = await h.say('周建国', '交办 发改委 12月15日前报送材料 12月30日');
    expect(r.text).toContain('时限：12月30日（周三）');
    expect(r.text).toContain('事项中另写有「12月15日前」，时限按「12月30日」计；需分阶段办理的，请用「分解」。');
  });

  it('a date that is not a 前 phrase stays title text (研究12月15日会议材料)', async () => {
    const r = await h.say('周建国', '交办 发改委 研究12月15日会议材料 12月22日');
    expect(r.text).toContain('事项：研究12月15日会议材料');
    expect(r.text).toContain('时限：12月22日');
    expect(r.text).not.toContain('事项中另写有');
  });
});

describe('work given in plain words', () => {
  it('请发改委本周五前报送… assigns nothing and shows the 交办 form', async () => {
    const before = await tasks();
    for (const text of ['请发改委本周五前报送明年项目清单', '请财政厅牵头研究资金问题', '请住建厅报送老旧小区改造落实情况']) {
      const r = await h.say('周建国', text);
      expect(r.text, text).toContain('本条未交办任何事项：交办须按命令写明承办单位、事项和时限');
      expect(r.text).toContain('交办 牵头单位');
    }
    expect(await tasks()).toBe(before);
  });

  it('a question that starts with 请 is still answered as a question', async () => {
    expect((await h.say('周建国', '请问发改委有几件逾期')).text).toContain('省发展改革委逾期事项');
    expect((await h.say('周建国', '请住建厅报送的材料到了吗')).text).not.toContain('本条未交办');
  });
});
