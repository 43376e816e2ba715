import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import type { OutgoingMessage } from '../../src/outbox/outgoing.js';
import { sqliteOf } from '../support/raw-sql.js';

let h: Harness;
afterEach(() => h.close());

const urgentChases = (sent: OutgoingMessage[]) => sent.filter((m) => m.reply.title.startsWith('紧急事项催签收'));

describe('紧急 on 交办 (J五(一) 即收即办)', () => {
  it('chases 签收 every 2 working hours the same day until signed', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    const a = await h.say('周建国', '交办 海州市 核查暴雨受灾情况并报送 今天 紧急');
    expect(a.text).toContain('已交办 D-0001【紧急】');
    expect(a.text).toContain('每 2 个工作小时催办一次');
    expect(await h.app.storage.transaction((r) => r.marks.get(1))).toMatchObject({ urgent: true });
    // 10:30 is less than 2 hours after it came in; 12:30 and 14:30 chase.
    const morning = urgentChases(await h.until('2026-12-07', '11:00'));
    expect(morning).toEqual([]);
    const noon = urgentChases(await h.until('2026-12-07', '13:00'));
    expect(noon).toHaveLength(1);
    expect(noon[0]?.createdAt).toBe('2026-12-07T12:30:00.000+08:00');
    expect(h.render(noon[0]!)).toContain('D-0001【紧急】核查暴雨受灾情况并报送｜12-07 09:00交办');
    expect(noon[0]?.reply.mentions).toEqual(['lin-xue']);
    expect(urgentChases(await h.until('2026-12-07', '15:00'))).toHaveLength(1);
    h.at('2026-12-07', '15:10');
    await h.say('林雪', '签收 D-0001');
    expect(urgentChases(await h.until('2026-12-07', '18:00'))).toEqual([]);
  });

  it('follows DUBAN_URGENT_CHASE_HOURS and leaves ordinary work to the afternoon chase', async () => {
    h = await makeHarness({ start: ['2026-12-07', '08:40'] });
    h.app.jobs.schedule.urgentChaseHours = 1;
    await h.say('周建国', '交办 海州市 核查暴雨受灾情况并报送 明天 紧急');
    await h.say('周建国', '交办 江城市 报送防汛物资清单 12月10日');
    // Slots at 09:30, 10:30, 11:30 …; at 09:30 the item has waited less than an hour.
    const sent = urgentChases(await h.until('2026-12-07', '12:00'));
    expect(sent.map((m) => m.createdAt.slice(11, 16))).toEqual(['10:30', '11:30']);
    expect(sent.every((m) => !h.render(m).includes('D-0002'))).toBe(true);
  });

  it('at the afternoon 催签收 sends one message, marked 【紧急】, and records one chase', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:30'] });
    await h.say('孙丽', '交办 发改委 落实常务会议议定事项 来源:会议 12月9日 紧急');
    const sent = (await h.until('2026-12-07', '17:00')).filter((m) => m.reply.mentions?.includes('wang-fang'));
    const at1630 = sent.filter((m) => m.createdAt.slice(11, 16) === '16:30');
    expect(at1630).toHaveLength(1);
    expect(h.render(at1630[0]!)).toContain('D-0001【紧急】落实常务会议议定事项（省发展改革委）');
    expect(urgentChases(sent).map((m) => m.createdAt.slice(11, 16))).toEqual(['12:30', '14:30']);
    // 12:30, 14:30 and the afternoon 催签收: three chases of the unit, not four.
    expect(sqliteOf(h.app).prepare("SELECT job_period FROM chase_log WHERE task_id = 1 AND kind = 'unacked' ORDER BY id").all()).toEqual([
      { job_period: '2026-12-07#2' },
      { job_period: '2026-12-07#3' },
      { job_period: '2026-12-07' },
    ]);
  });

  it('requires a deadline on 紧急 work', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    const r = await h.say('周建国', '交办 海州市 核查暴雨受灾情况 紧急');
    expect(r.text).toContain('紧急事项即收即办、限时办结，须写明时限');
    expect(r.text).toContain('交办 牵头单位');
  });
});
