import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  // Monday 2026-11-30: three tasks for 发改委 (one co), one for 海州.
  h.at('2026-11-30');
  await h.say('陈立群', '交办 发改委 编制专项债项目清单 12月2日'); // D-0001 → overdue by 12-07
  await h.say('陈立群', '交办 财政厅 发改委 测算资金缺口 12月4日'); // D-0002 → overdue, 发改委 co
  await h.say('陈立群', '交办 发改委 起草实施意见 12月11日'); // D-0003 → due this week
  await h.say('刘海燕', '交办 南岭市 排查危旧房屋 12月31日'); // D-0004
  await h.say('王芳', '签收 D-0001');
  h.at('2026-12-07');
  await h.say('孙丽', '交办 海州市 回复网民留言 5个工作日'); // D-0005, this week's assignment
});
afterEach(() => h.close());

describe('查询', () => {
  it('shows one task in full with its history', async () => {
    const r = await h.say('孙丽', '查询 D-0001');
    expect(r.text).toContain('D-0001 编制专项债项目清单');
    expect(r.text).toContain('状态：逾期 5 天（办理中）');
    expect(r.text).toContain('牵头：省发展改革委（王芳，11-30 09:00 已签收）');
    expect(r.text).toContain('办理记录（2 条）');
    expect(r.text).toContain('11-30 09:00 王芳 签收（省发展改革委）');
  });

  it('names who signed for a unit when it was not the responsible person', async () => {
    h.at('2026-12-07');
    await h.say('李明', '签收 D-0003'); // 发改委's 李明 signs for the unit; 王芳 is its responsible person
    const r = await h.say('孙丽', '查询 D-0003');
    expect(r.text).toContain('牵头：省发展改革委（王芳，12-07 09:00 由李明签收）');
    expect(r.text).not.toContain('王芳，12-07 09:00 已签收');
  });

  it('lists overdue, unacknowledged and due-this-week work', async () => {
    const overdue = await h.say('孙丽', '查询 逾期');
    expect(overdue.text).toContain('全省逾期事项：2 件');
    expect(overdue.text).toMatch(/D-0001[\s\S]*D-0002/);
    const unacked = await h.say('孙丽', '查询 未签收');
    expect(unacked.text).toContain('全省未签收事项：4 件');
    const due = await h.say('孙丽', '查询 本周到期');
    expect(due.text).toContain('全省本周到期事项：1 件');
    expect(due.text).toContain('D-0003');
    expect(due.text).not.toContain('D-0005'); // 5 working days from 12-07 is next Monday
  });

  it('lists by unit (lead and co) and by person, and 我的', async () => {
    const unit = await h.say('孙丽', '查询 发改委 逾期');
    expect(unit.text).toContain('省发展改革委逾期事项：2 件');
    expect(unit.text).toContain('其中牵头 1 件，配合 1 件');
    const person = await h.say('孙丽', '查询 @袁媛');
    expect(person.text).toContain('袁媛概况');
    expect(person.text).toContain('D-0004');
    const mine = await h.say('王芳', '查询 我的');
    expect(mine.text).toContain('我的概况');
    expect(mine.text).toContain('在办：3 件');
  });

  it('keeps a handler to their own unit, naming what they may query', async () => {
    const r = await h.say('袁媛', '查询 发改委');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('您可查询的范围是：南岭市政府');
    const t = await h.say('袁媛', '查询 D-0001');
    // Outside one's scope a code reads like an unknown one: nothing of the task is named.
    expect(t.text).toContain('没有编号为 D-0001 的督办事项，或该事项不在您可查看的范围内');
    expect(t.text).not.toMatch(/发展改革委|王芳|编制专项债/);
    // To one who sees everything, an unknown code is simply unknown.
    expect((await h.say('孙丽', '查询 D-0999')).text).toContain('没有编号为 D-0999 的督办事项，请核对编号');
  });

  it('answers an unknown query with what can be asked', async () => {
    const r = await h.say('孙丽', '查询 火星');
    expect(r.text).toContain('看不懂「火星」要查什么');
    expect(r.text).toContain('发改委还有几件逾期？');
  });
});

describe('plain-language questions from leaders', () => {
  it('发改委还有几件逾期？', async () => {
    const r = await h.say('周建国', '@督办助手 发改委还有几件逾期？');
    expect(r.text).toContain('省发展改革委逾期事项：2 件');
  });

  it('本周交办了多少件？', async () => {
    const r = await h.say('周建国', '本周交办了多少件？');
    expect(r.text).toContain('全省本周交办事项：1 件');
    expect(r.text).toContain('D-0005');
  });

  it('D-0003 怎么样了', async () => {
    const r = await h.say('周建国', 'D-0003 怎么样了');
    expect(r.text).toContain('D-0003 起草实施意见');
    expect(r.text).toContain('状态：待签收');
  });

  it('a question that starts with a command word is still answered: 进展怎么样了 D-0001？', async () => {
    const r = await h.say('周建国', '进展怎么样了 D-0001？');
    expect(r.result.outcome).toBe('handled');
    expect(r.text).toContain('D-0001 编制专项债项目清单');
  });

  it('a 分管领导 sees the units they cover and is told when a unit is outside them', async () => {
    const ok = await h.say('刘海燕', '南岭市有几件在办？');
    expect(ok.text).toContain('南岭市政府在办事项：1 件');
    const no = await h.say('刘海燕', '发改委还有几件逾期？');
    expect(no.text).toContain('您可查询的范围是：');
  });

  it('unknown phrasing gets a short list of what can be asked', async () => {
    const r = await h.say('周建国', '今天天气不错');
    expect(r.text).toContain('没有看懂「今天天气不错」');
    expect(r.text).toContain('可用命令：交办、签收、进展、部署、办结、查询、考核台账、告诫台账、回头看清单、周报、统计、年终考核、导出、帮助');
    expect(r.text).toContain('南岭还有几件没办完？'); // built from the directory in use
  });
});

describe('帮助', () => {
  it('lists every command, and shows one command with examples', async () => {
    const all = await h.say('王芳', '帮助');
    for (const name of ['交办', '签收', '进展', '办结', '查询', '帮助']) expect(all.text).toContain(`${name}：`);
    const one = await h.say('王芳', '/帮助 交办');
    expect(one.text).toContain('写法：交办 牵头单位');
    expect(one.text).toContain('交办 发改委 财政厅 制定营商环境优化提升实施方案 12月15日 重点');
    const alias = await h.say('王芳', 'help ack');
    expect(alias.text).toContain('签收：签收交办的事项');
    expect((await h.say('王芳', '帮助 飞行')).text).toContain('没有「飞行」这个命令');
  });
});

describe('a plain message asking the bot to act', () => {
  const audits = () => h.app.storage.transaction((r) => r.audit.forTask(1));

  it('says which command does it and does nothing, for 移交, 催办 and 办结 asked in words', async () => {
    const before = (await audits()).length;
    const moved = await h.say('周建国', '帮我把D-0001移交给财政厅');
    expect(moved.text).toContain('「转交或移交」须由有权限的人员按命令办理，机器人不会根据这句话代为操作');
    expect(moved.text).toContain('拟移交 事项编号 理由');
    expect(moved.text).not.toContain('办理记录');
    const chased = await h.say('孙丽', '催办 D-0001');
    expect(chased.text).toContain('催办由机器人按规则自动发出');
    expect(chased.text).toContain('每个工作日 9:00 自动催办');
    expect((await h.say('王芳', '请把D-0001办结')).text).toContain('办结 编号 办理结果');
    expect((await audits()).length).toBe(before);
    expect((await h.say('孙丽', '查询 D-0001')).text).toContain('状态：逾期 5 天（办理中）');
  });

  it('withdraws nothing when asked in plain words to 撤回 or 取消 a task, and shows the 撤销交办 command', async () => {
    const before = (await audits()).length;
    for (const text of ['请把D-0001撤回', '取消这个交办事项', '把D-0001作废']) {
      const r = await h.say('陈立群', text);
      expect(r.text).toContain('本条未撤销任何事项：撤销交办须由交办人或督查室按命令写明编号和理由');
      expect(r.text).toContain('撤销交办 事项编号 理由');
      expect(r.text).not.toContain('状态：');
    }
    expect((await audits()).length).toBe(before);
    expect((await h.say('王芳', '取消请假')).text).not.toContain('撤销');
  });

  it('approves nothing on a bare 同意 or 驳回 with a code, and lists the approval commands', async () => {
    await h.say('王芳', '延期 D-0003 至 12月18日 需征求各市意见');
    const before = (await h.app.storage.transaction((r) => r.audit.forTask(3))).length;
    for (const text of ['同意 D-0003', '驳回D-0003']) {
      const r = await h.say('陈立群', text);
      expect(r.text).toContain('本条未作任何审批：请写明同意或不同意的是哪一项');
      expect(r.text).toContain('批准延期 事项编号');
    }
    expect((await h.app.storage.transaction((r) => r.audit.forTask(3))).length).toBe(before);
    expect((await h.say('孙丽', '查询 D-0003')).text).toContain('待答复：延期申请');
  });

  it('does not act on a command written after the code, and shows the message to send', async () => {
    const before = (await h.app.storage.transaction((r) => r.audit.forTask(2))).length;
    const r = await h.say('钱敏', 'D-0002签收');
    expect(r.text).toContain('本条未办理「签收」：命令须写在编号前面');
    expect(r.text).toContain('请发：签收 D-0002');
    expect((await h.say('王芳', 'D-0001 进展 60% 初稿已完成')).text).toContain('请发：进展 D-0001 60% 初稿已完成');
    expect((await h.app.storage.transaction((x) => x.audit.forTask(2))).length).toBe(before);
    expect((await h.say('王芳', 'D-0001 进展如何')).text).toContain('D-0001 编制专项债项目清单');
  });

  it('reads a command word written in traditional characters, keeping its text as written', async () => {
    expect((await h.say('钱敏', '簽收 D-0002')).text).toContain('D-0002 已签收');
    const p = await h.say('王芳', '進展 D-0001 70% 已徵求意見');
    expect(p.text).toContain('已记录 D-0001 进展 70%');
    expect(p.text).toContain('已徵求意見');
  });

  it('answers leave said in words with the 请假 command, registering nothing; 帮助 催办 says chasing is automatic', async () => {
    const leave = await h.say('王芳', '我明天请假');
    expect(leave.text).toContain('请假须按命令登记，机器人不会根据这句话代为登记');
    expect(leave.text).toContain('请假 至 结束日期');
    expect(await h.app.storage.transaction((r) => r.people.absenceOn('wang-fang', '2026-12-08'))).toBeUndefined();
    const help = await h.say('王芳', '帮助 催办');
    expect(help.text).toContain('没有「催办」这个命令');
    expect(help.text).toContain('每个工作日 9:00 自动催办');
  });

  it('still answers questions that name such a word', async () => {
    expect((await h.say('周建国', '帮我查一下D-0001签收了没有')).text).toContain('D-0001 编制专项债项目清单');
    expect((await h.say('周建国', 'D-0003 办结了吗')).text).toContain('D-0003 起草实施意见');
    expect((await h.say('周建国', '本周交办了多少件？')).text).not.toContain('按命令办理');
  });
});

describe('questions by source (来源)', () => {
  const ask = async (who: string, q: string) => (await h.say(who, q)).text;
  it('answers about 紧急 work: only what was marked urgent on 交办', async () => {
    await h.say('孙丽', '交办 发改委 落实常务会议议定事项 来源:会议 12月9日 紧急'); // D-0006
    const t = await ask('周建国', '紧急的有哪些');
    expect(t).toContain('全省紧急事项：1 件');
    expect(t).toContain('D-0006 落实常务会议议定事项');
    expect(t).not.toContain('D-0001');
  });

  it('answers about extended work (延期了) and about extension requests still waiting (申请延期的), apart', async () => {
    await h.say('王芳', '延期 D-0003 至 12月18日 需征求各市意见'); // pending
    await h.say('王芳', '签收 D-0003');
    expect(await ask('周建国', '哪些事项延期了')).toContain('全省延期事项：0 件');
    const pending = await ask('周建国', '申请延期的有哪些');
    expect(pending).toContain('全省延期申请待审批事项：1 件');
    expect(pending).toContain('D-0003 起草实施意见');
    await h.say('陈立群', '批准延期 D-0003');
    const extended = await ask('周建国', '哪些事项延期了');
    expect(extended).toContain('全省延期事项：1 件');
    expect(extended).toContain('D-0003 起草实施意见｜牵头 发改委｜12-18 截止');
    expect(await ask('周建国', '申请延期的有哪些')).toContain('全省延期申请待审批事项：0 件');
  });

  it('answers by source (来源): the work of that source only, and names a second source asked', async () => {
    await h.say('孙丽', '交办 发改委 办理人大代表关于降低物流成本的建议 来源:人大建议'); // D-0006
    const t = await ask('周建国', '人大建议有几件');
    expect(t).toContain('全省人大建议事项：1 件');
    expect(t).toContain('D-0006');
    expect(t).not.toContain('D-0001');
    expect(await ask('周建国', '发改委的网民留言有哪些')).toContain('省发展改革委网民留言事项：0 件');
  });
});

describe('questions about coordination items', () => {
  it('lists the items not yet agreed that the asker may see, never tasks', async () => {
    await h.say('钱敏', '签收 D-0002');
    await h.say('钱敏', '协调 D-0002 发改委与我厅对资金缺口测算口径不一致');
    const all = (await h.say('孙丽', '还有哪些协调没办完')).text;
    expect(all).toContain('全省尚未协调一致的协调事项：1 件');
    expect(all).toMatch(/C-0001（D-0002 测算资金缺口）｜副秘书长协调：\S+｜待协调/);
    expect(all).not.toContain('未办结事项');
    expect((await h.say('孙丽', '南岭有几件协调')).text).toContain('南岭市政府尚未协调一致的协调事项：0 件');
    // A handler of another unit sees none of it.
    expect((await h.say('袁媛', '还有哪些协调没办完')).text).toContain('您可查看的尚未协调一致的协调事项：0 件');
  });
});

describe('被催办了几次', () => {
  it("answers with the unit's chases from the tally, and the task's from its card", async () => {
    await h.until('2026-12-08', '10:00'); // the 09:00 chase of D-0001 (发改委 leads) and D-0002
    const unit = (await h.say('孙丽', '发改委被催办了几次')).text;
    expect(unit).toMatch(/^省发展改革委本月被催办 [1-9]\d* 次，排名第 \d+/);
    expect(unit).toContain('催办');
    expect((await h.say('孙丽', 'D-0001 催办了几次')).text).not.toContain('未能理解');
    expect((await h.say('王芳', '发改委被催办了几次')).result.outcome).toBe('refused');
  });
});

describe('哪个单位最差 when nobody is behind', () => {
  it('says so and names no unit', async () => {
    const clean = await makeHarness();
    try {
      clean.at('2026-12-07');
      await clean.say('陈立群', '交办 交通厅 生态环境厅 推进沿江港口岸电设施建设 12月25日');
      await clean.say('许娜', '签收 D-0001');
      const t = (await clean.say('周建国', '哪个单位最差')).text;
      expect(t).toContain('本月各单位均无逾期、复核不实和催办，没有排名落后的单位');
      expect(t).not.toMatch(/\d\. 省/);
    } finally {
      await clean.close();
    }
  });
});
