import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';
import type { OutgoingMessage } from '../../src/outbox/outgoing.js';

let h: Harness;
afterEach(() => h.close());

const toPerson = (ms: OutgoingMessage[], name: string) => ms.filter((m) => m.targetKind === 'person' && m.targetId === name);

describe('the second step: 整改要求 and 说明 are recorded, shown and delivered (B五(一))', () => {
  it('the 主要领导 hears the explanation on his own 批示; an acting head may give it; 查询 shows both', async () => {
    h = await makeHarness({ start: ['2026-12-03', '10:00'] });
    await h.say('周建国', '交办 交通厅 报送国省道改造进度 12月4日 来源:批示');
    await h.say('许娜', '签收 D-0001');
    await h.until('2026-12-08', '10:00');
    const demand = await h.say('孙丽', '整改要求 D-0001 两日内报送改造进度表 截止:12月10日');
    expect(demand.text).toContain('D-0001 整改要求已记录');
    expect(demand.text).toContain('提出：孙丽（省政府督查室主任）');
    await h.say('朱鹏', '代行 @许娜 至 12月18日');
    const e = await h.say('许娜', '说明 D-0001 进度数据需各市汇总；整改措施：12月10日前报送');
    expect(e.text).toContain('D-0001 说明已记录（省交通运输厅 许娜 12-08 10:00）');
    expect(e.text).toContain('说明对象：周建国（省长）');
    const wed = await h.until('2026-12-09', '09:30');
    expect(h.render(toPerson(wed, '周建国')[0]!)).toContain('【单位说明】\nD-0001 报送国省道改造进度｜省交通运输厅 许娜：进度数据需各市汇总；整改措施：12月10日前报送');
    expect(
      toPerson(wed, '刘海燕')
        .map((m) => h.render(m))
        .join('\n'),
    ).not.toContain('单位说明');
    h.at('2026-12-09', '10:00');
    const q = (await h.say('孙丽', '查询 D-0001')).text;
    expect(q).toContain('孙丽 提出整改要求：两日内报送改造进度表（截止 2026-12-10）');
    expect(q).toContain('许娜 向 周建国 作出说明：进度数据需各市汇总；整改措施：12月10日前报送');
  });

  it('the 说明 a 督查室 accepts before any 专报 still reaches the leader, once, marked as accepted', async () => {
    h = await makeHarness({ start: ['2026-12-03', '10:00'] });
    await h.say('孙丽', '交办 生态环境厅 报送水质监测报告 12月4日');
    await h.say('吕婷', '签收 D-0001');
    await h.until('2026-12-08', '10:00');
    await h.say('秦峰', '说明 D-0001 数据须经国家站复核；整改措施：12月11日前报送');
    await h.say('孙丽', '说明属实 D-0001');
    const wed = await h.until('2026-12-09', '09:30');
    expect(h.render(toPerson(wed, '刘海燕')[0]!)).toContain('整改措施：12月11日前报送（督查室已认定属实）');
    expect(
      toPerson(wed, '孙丽')
        .map((m) => h.render(m))
        .join('\n'),
    ).not.toContain('待认定的说明');
    const thu = await h.until('2026-12-10', '09:30');
    expect(toPerson(thu, '刘海燕')).toEqual([]);
  });

  it('has no 说明不实: it says how an explanation not accepted is dealt with, and records nothing', async () => {
    h = await makeHarness({ start: ['2026-12-03', '10:00'] });
    await h.say('孙丽', '交办 生态环境厅 报送水质监测报告 12月4日');
    await h.until('2026-12-08', '10:00');
    await h.say('秦峰', '说明 D-0001 数据须经国家站复核；整改措施：12月11日前报送');
    const before = await h.app.storage.transaction((r) => r.audit.forTask(1));
    const r = await h.say('孙丽', '说明不实 D-0001 理由不充分');
    expect(r.result.outcome).toBe('refused');
    expect(r.text).toContain('没有「说明不实」命令');
    expect(r.text).toContain('拟移交 事项编号 理由');
    expect(await h.app.storage.transaction((x) => x.audit.forTask(1))).toHaveLength(before.length);
  });
});
