import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  h.at('2026-12-07');
  await h.say('郑晓东', '请假 至 12月10日 外出学习');
  await h.say('李明', '请假 12月14日至12月15日 年休');
});
afterEach(() => h.close());

describe('请假 questions', () => {
  it('registers one named day, and asks for the end of a span', async () => {
    const one = await h.say('王芳', '请假 明天 看病');
    expect(one.text).toContain('已登记 王芳 缺位：12月8日（周二）\n');
    expect((await h.app.storage.transaction((r) => r.people.absencesOn('2026-12-08'))).map((a) => a.personId)).toContain('wang-fang');
    expect((await h.app.storage.transaction((r) => r.people.absencesOn('2026-12-09'))).map((a) => a.personId)).not.toContain('wang-fang');
    expect((await h.say('钱敏', '请假 3天')).text).toContain('请写明请假到哪一天');
  });

  it('lists who is away today, and only what was registered', async () => {
    const r = await h.say('周建国', '谁在请假');
    expect(r.text).toContain('全省 今天（12月7日（周一））请假人员：1 人');
    expect(r.text).toContain('郑晓东（省政府副秘书长）｜12月7日（周一）至12月10日（周四）｜外出学习');
    expect(r.text).not.toContain('李明');
    expect(r.text).toContain('仅含在机器人登记的请假');
  });

  it('answers for one person, a later day and a period', async () => {
    expect((await h.say('周建国', '郑晓东在不在')).text).toContain('郑晓东 今天（12月7日（周一））有请假登记');
    expect((await h.say('周建国', '李明请假了吗')).text).toContain('李明 今天（12月7日（周一））没有请假登记');
    const next = await h.say('周建国', '下周谁请假');
    expect(next.text).toContain('请假人员：1 人');
    expect(next.text).toContain('李明');
    expect(next.text).not.toContain('郑晓东');
    const unit = await h.say('周建国', '发改委下周谁请假');
    expect(unit.text).toContain('省发展改革委 下周');
    expect(unit.text).toContain('李明');
  });

  it('answers 我… for the speaker, never as a registration', async () => {
    const r = await h.say('李明', '我下周请假了吗');
    expect(r.text).toContain('李明 下周');
    expect(r.text).toContain('有请假登记');
    const before = await h.app.storage.transaction((r) => r.people.absencesOn('2026-12-08'));
    const said = await h.say('王芳', '我明天请假');
    expect(said.text).toContain('不会根据这句话代为登记');
    expect(await h.app.storage.transaction((r) => r.people.absencesOn('2026-12-08'))).toEqual(before);
  });

  it('keeps to what the asker may see', async () => {
    const own = await h.say('王芳', '下周谁请假');
    expect(own.text).toContain('省发展改革委 下周');
    expect(own.text).toContain('李明');
    const other = await h.say('王芳', '郑晓东请假了吗');
    expect(other.text).toContain('您可查询的范围是：省发展改革委');
    expect(other.text).not.toContain('外出学习');
  });
});
