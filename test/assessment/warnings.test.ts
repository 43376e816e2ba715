import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

describe('效能告诫 register (L四(五), L五(三))', () => {
  it('records a warning on a person with its linked item, assigns the unit a 限期整改 task and states the consequence', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    await h.say('孙丽', '交办 发改委 编制专项债清单 12月9日');
    const w = await h.say('孙丽', '效能告诫 @王芳 D-0001 逾期未办又不说明原因');
    expect(w.text).toContain('效能告诫 G-0001 已记入告诫台账');
    expect(w.text).toContain('王芳（省发展改革委）');
    expect(w.text).toContain('关联事项：D-0001 编制专项债清单');
    expect(w.text).toContain('2026年：第 1 次：当年考核不得评为称职以上');
    expect(w.text).toMatch(/限期整改：已交办 D-0002（@李明，12月21日（周一）前）/);
    const task = await h.app.storage.transaction((r) => r.tasks.findByCode('D-0002'));
    expect(task).toMatchObject({ leadUnitId: 'fgw', isKey: true, assignerId: 'sun-li', deadline: '2026-12-21' });
    // The 限期整改 is followed like any task.
    expect((await h.say('李明', '签收 D-0002')).text).toContain('D-0002 已签收');
    const second = await h.say('吴德明', '效能告诫 @王芳 再次推诿 截止:12月31日');
    expect(second.text).toContain('2026年：第 2 次：当年考核定为不称职');
    const unit = await h.say('周建国', '效能告诫 海州市 推诿扯皮，群众反映强烈');
    expect(unit.text).toContain('海州市政府（单位）');
    expect(unit.text).toContain('通报批评，取消领导班子当年评优评先资格');
    const register = await h.say('孙丽', '告诫台账');
    expect(register.text).toContain('G-0001 12月7日｜王芳（发改委）｜逾期未办又不说明原因｜告诫人 孙丽');
    expect(register.text).toContain('效能告诫：王芳（省发展改革委）2 次（G-0001、G-0002），当年考核定为不称职');
    expect(register.text).toContain('效能告诫：海州市政府（单位）1 次（G-0003），通报批评，取消领导班子当年评优评先资格');
    const audit = await h.app.storage.transaction((r) => r.audit.forSubject('warning:G-0001'));
    expect(audit.map((a) => a.action)).toEqual(['warning']);
  });

  it('withdraws a warning with a reason: kept on record, no longer counted', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    await h.say('孙丽', '效能告诫 @王芳 逾期未办又不说明原因');
    await h.say('孙丽', '效能告诫 @王芳 再次推诿');
    const w = await h.say('孙丽', '撤销告诫 G-0002 经核实系上级文件延迟下达所致');
    expect(w.text).toContain('效能告诫 G-0002 已撤销');
    expect(w.text).toContain('王芳 2026年有效告诫 1 次：当年考核不得评为称职以上。');
    // Its 限期整改 task is named, and left to people: the bot does not close it on its own.
    expect(w.text).toContain('随告诫交办的限期整改事项 D-0002 仍在办，未随告诫撤销。');
    expect((await h.app.storage.transaction((r) => r.tasks.findByCode('D-0002')))?.status).toBe('pending');
    const register = await h.say('孙丽', '告诫台账 发改委');
    expect(register.text).toMatch(/G-0002 12月7日｜王芳（发改委）｜再次推诿｜告诫人 孙丽｜已撤销（12月7日，经核实系上级文件延迟下达所致）/);
    expect(register.text).toContain('王芳（省发展改革委）1 次（G-0001），当年考核不得评为称职以上');
    expect((await h.say('孙丽', '撤销告诫 G-0002 再撤一次试试')).text).toContain('G-0002 已于 2026-12-07 撤销');
    const audit = await h.app.storage.transaction((r) => r.audit.forSubject('warning:G-0002'));
    expect(audit.map((a) => a.action)).toEqual(['warning', 'warning_withdraw']);
  });

  it('names a warned leader without @-mentioning him in the group (leaders are told by 专报)', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    const r = await h.say('孙丽', '效能告诫 @吴德明 督办事项长期未签收');
    expect(r.text).toContain('效能告诫 G-0001 已记入告诫台账');
    const wu = h.directory.findPerson('吴德明')!.id;
    for (const m of r.messages.filter((x) => x.targetKind === 'chat')) {
      expect(m.reply.mentions ?? []).not.toContain(wu);
      expect(h.render(m)).not.toContain('@吴德明');
    }
  });

  it('counts warnings per calendar year: one in December 2026 and one in January 2027 are one each', async () => {
    h = await makeHarness({ start: ['2026-12-28', '09:00'] });
    await h.say('孙丽', '效能告诫 @王芳 逾期未办又不说明原因');
    h.at('2027-01-05', '10:00');
    const w = await h.say('孙丽', '效能告诫 @王芳 新年度再次推诿');
    expect(w.text).toContain('2027年：第 1 次：当年考核不得评为称职以上');
    expect((await h.say('孙丽', '告诫台账 2026年')).text).toContain('王芳（省发展改革委）1 次（G-0001）');
    expect((await h.say('孙丽', '告诫台账 2027年')).text).toContain('王芳（省发展改革委）1 次（G-0002）');
  });

  it('shows the consequences in the tallies and the 考核台账', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    await h.say('孙丽', '效能告诫 海州市 推诿扯皮，群众反映强烈');
    const stats = await h.say('孙丽', '统计 本月');
    expect(stats.text).toContain('效能告诫：海州市政府（单位）1 次（G-0001），通报批评，取消领导班子当年评优评先资格');
    const ledger = await h.say('孙丽', '查询 考核台账 海州市 本月');
    expect(ledger.text).toContain('效能告诫：海州市政府（单位）1 次（G-0001）');
  });

  it('is for the 督查室, 秘书长 and 主要领导 only, and a malformed one gets the correct form', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    expect((await h.say('陈立群', '效能告诫 @王芳 逾期未办')).text).toContain('仅限督查室、秘书长、主要领导使用');
    const bad = await h.say('孙丽', '效能告诫 @王芳');
    expect(bad.text).toContain('须写明告诫事由');
    expect(bad.text).toContain('效能告诫 @某人 事由');
    expect((await h.say('孙丽', '效能告诫 张三 逾期未办')).text).toContain('通讯录中没有「张三」');
    expect((await h.say('孙丽', '撤销告诫 D-0001 理由充分的撤销')).text).toContain('不是告诫编号');
  });
});
