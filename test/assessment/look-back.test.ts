import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

describe('回头看 清单 and 再督查 (B四(五))', () => {
  it('lists completed 重点 items not yet looked back at, and 再督查 opens a linked follow-up task', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    await h.say('孙丽', '交办 住建厅 排查危房 12月18日 重点');
    await h.say('孙丽', '交办 交通厅 整治国道路面 12月18日 重点');
    await h.say('孙丽', '交办 住建厅 报送月度统计 12月18日');
    await h.say('杨帆', '签收 D-0001 D-0003');
    await h.say('许娜', '签收 D-0002');
    h.at('2026-12-10', '10:00');
    await h.say('杨帆', '办结 D-0001 危房排查已完成');
    await h.say('许娜', '办结 D-0002 路面整治已完成');
    await h.say('杨帆', '办结 D-0003 已报送');
    await h.say('孙丽', '复核 D-0001 属实 已核查');
    const list = await h.say('孙丽', '回头看 清单');
    expect(list.text).toContain('回头看清单（2026年，2 件）');
    expect(list.text).toContain('D-0001 排查危房｜住建厅｜12月10日办结｜已复核');
    expect(list.text).toContain('D-0002 整治国道路面｜交通厅｜12月10日办结｜未复核');
    expect(list.text).not.toContain('D-0003');
    await h.say('孙丽', '回头看 D-0001 属实 实地回访无反弹');
    const after = await h.say('孙丽', '回头看 清单 住建厅 本月');
    expect(after.text).toContain('回头看清单（省住房城乡建设厅，本月，0 件）');

    const follow = await h.say('孙丽', '再督查 D-0001 对排查出的危房逐户落实整改措施 截止:12月31日');
    expect(follow.text).toContain('已交办再督查 D-0004（关联 D-0001）');
    expect(follow.text).toContain('承办：省住房城乡建设厅（@杨帆）');
    const task = await h.app.storage.transaction((r) => r.tasks.findByCode('D-0004'));
    expect(task).toMatchObject({ title: '再督查D-0001：对排查出的危房逐户落实整改措施', leadUnitId: 'zjt', isKey: true, deadline: '2026-12-31', status: 'pending' });
    expect(await h.app.storage.transaction((r) => r.marks.get(task!.id))).toMatchObject({ followUpOf: 1 });
    expect((await h.say('孙丽', '查询 D-0001')).text).toContain('再督查 D-0001：对排查出的危房逐户落实整改措施');
    expect((await h.say('杨帆', '签收 D-0004')).text).toContain('D-0004 已签收');
  });

  it('再督查 needs completed work, a demand and an office or leader; 回头看 清单 reads unit and period', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    await h.say('孙丽', '交办 住建厅 排查危房 12月18日 重点');
    expect((await h.say('孙丽', '再督查 D-0001 继续督查危房整改')).text).toContain('D-0001 尚未办结，仍在督办中');
    expect((await h.say('杨帆', '再督查 D-0001 继续督查危房整改')).text).toContain('「再督查」仅限');
    const bad = await h.say('孙丽', '再督查 D-0001');
    expect(bad.text).toContain('须写明再督查的要求');
    expect(bad.text).toContain('再督查 事项编号 要求 [截止:日期]');
    expect((await h.say('孙丽', '回头看 清单 随便')).text).toContain('看不懂「随便」');
  });
});
