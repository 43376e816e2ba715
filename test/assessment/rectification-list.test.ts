import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

describe('整改清单 (H1, H13, Q二(一)1)', () => {
  it('opens a list whose items are signed, reported and closed one by one; the list closes with the last item and is verified', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    const open = await h.say('孙丽', '整改 海州市 专项督查发现的问题；老旧小区改造进度滞后 12月18日；资金拨付不及时；台账资料不全 截止:12月31日');
    expect(open.text).toContain('已开具整改清单 D-0001（海州市政府，3 项）');
    expect(open.text).toContain('D-0001-1 老旧小区改造进度滞后｜12月18日（周五）');
    expect(open.text).toContain('D-0001-2 资金拨付不及时｜12月31日（周四）');
    expect(open.text).toContain('责任人：海州市政府 @邓强');
    const list = await h.app.storage.transaction((r) => r.rectifications.find(1));
    expect(list).toMatchObject({ unitId: 'hz', origin: 'manual', reason: '专项督查发现的问题' });

    expect((await h.say('邓强', '签收 D-0001 D-0001-1 D-0001-2 D-0001-3')).text).toContain('已签收 4 项');
    expect((await h.say('邓强', '进展 D-0001-1 50% 已开工20个小区')).text).toContain('D-0001-1');
    h.at('2026-12-15', '10:00');
    expect((await h.say('邓强', '办结 D-0001-1 改造进度已赶上计划')).text).toContain('D-0001-1 已办结（按期）');
    expect((await h.say('邓强', '办结 D-0001 全部整改完毕')).text).toContain('尚有 2 个阶段未办结（D-0001-2、D-0001-3）');
    await h.say('邓强', '办结 D-0001-2 资金已全部拨付到位');
    const last = await h.say('邓强', '办结 D-0001-3 台账资料已补齐归档');
    expect(last.text).toContain('各阶段均已办结，D-0001 整改清单：专项督查发现的问题 随之办结，已列入复核（重点事项全部复核）');
    const verified = await h.say('孙丽', '复核 D-0001 属实 实地核查整改到位');
    expect(verified.text).toContain('D-0001 复核属实，予以销号');
  });

  it('attaches a step-two 说明 整改落实措施 as a list the unit head has taken on', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    await h.say('陈立群', '交办 发改委 编制专项债项目清单 12月8日');
    h.at('2026-12-10', '10:00');
    const e = await h.say('李明', '说明 D-0001 需与财政厅逐一核对额度；整改措施：抽调3人专班；12月15日前报送初稿');
    expect(e.text).toContain('整改落实措施已列入整改清单 D-0002（D-0002-1、D-0002-2，12月24日（周四）前），逐项办结、督查室跟踪落实。');
    const items = await h.app.storage.transaction((r) => r.tasks.stages(2));
    expect(items.map((t) => [t.title, t.status])).toEqual([
      ['抽调3人专班', 'active'],
      ['12月15日前报送初稿', 'active'],
    ]);
    expect(await h.app.storage.transaction((r) => r.rectifications.find(2))).toMatchObject({ origin: 'explanation', sourceTaskId: 1 });
  });

  it('is opened by leaders and the office only; malformed lists get the correct form', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    expect((await h.say('王芳', '整改 海州市 问题；问题一')).text).toContain('「整改」仅限');
    const none = await h.say('孙丽', '整改 海州市 专项督查发现的问题');
    expect(none.text).toContain('至少列出一项问题，问题之间用「；」分隔');
    expect(none.text).toContain('整改 单位 事由；问题1；问题2… [截止:日期]');
    expect((await h.say('孙丽', '整改 东山县 问题；问题一')).text).toContain('通讯录中没有「东山县」这个单位');
    expect((await h.say('孙丽', '整改 海州市 问题清单；问题一 2027-03-01 截止:12月31日')).text).toContain('晚于清单截止日期');
  });
});
