import { afterEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../support/harness.js';

let h: Harness;
afterEach(() => h.close());

describe('表扬 in the tallies (B四(六), J七(一))', () => {
  it('names units with a perfect record for the period under 予以表扬; late, overdue, untrue or warned units are left out', async () => {
    h = await makeHarness({ start: ['2026-12-07', '09:00'] });
    await h.say('孙丽', '交办 财政厅 测算资金 12月9日');
    await h.say('孙丽', '交办 交通厅 整治路面 12月9日');
    await h.say('孙丽', '交办 发改委 编制清单 12月8日');
    await h.say('孙丽', '交办 住建厅 排查危房 12月9日 重点');
    await h.say('孙丽', '交办 海州市 报送数据 12月9日');
    await h.say('钱敏', '签收 D-0001');
    await h.say('许娜', '签收 D-0002');
    await h.say('杨帆', '签收 D-0004');
    await h.say('林雪', '签收 D-0005');
    h.at('2026-12-08', '10:00');
    await h.say('钱敏', '办结 D-0001 已完成测算');
    await h.say('许娜', '办结 D-0002 已完成整治');
    await h.say('杨帆', '办结 D-0004 已完成排查');
    await h.say('林雪', '办结 D-0005 已报送');
    await h.say('孙丽', '复核 D-0004 不实 有3处未排查');
    await h.say('孙丽', '效能告诫 海州市 数据弄虚作假');
    const weekly = await h.until('2026-12-14', '09:30');
    const text = h.render(weekly.find((m) => m.reply.title.startsWith('督办周通报'))!);
    expect(text).toContain('予以表扬：财政厅、交通厅（按期办结、无逾期、无复核不实）');
    expect(text).toContain('效能告诫：海州市政府（单位）1 次（G-0001），通报批评，取消领导班子当年评优评先资格');
  });
});
