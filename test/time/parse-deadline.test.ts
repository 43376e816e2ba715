import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/time/parse-deadline.js';
import { loadCalendar } from '../../src/calendar/load-calendar.js';
import { parseChineseNumber } from '../../src/time/chinese-number.js';
import { looksLikeUnreadDeadline, monthDotDay } from '../../src/time/unread-deadline.js';

const cal = loadCalendar();
const today = '2026-11-23'; // a Monday
const date = (text: string, t = today) => {
  const r = parseDeadline(text, t, cal);
  return r.kind === 'ok' ? r.deadline.date : r.kind;
};

describe('parseDeadline', () => {
  it('reads explicit dates in the common forms', () => {
    expect(date('2026-12-15')).toBe('2026-12-15');
    expect(date('2026/12/15')).toBe('2026-12-15');
    expect(date('2026年12月15日')).toBe('2026-12-15');
    expect(date('12月15日')).toBe('2026-12-15');
    expect(date('12月15号前')).toBe('2026-12-15');
    expect(date('十二月十五日')).toBe('2026-12-15');
    expect(date('截止12月15日')).toBe('2026-12-15');
    expect(date('12月15日前完成')).toBe('2026-12-15');
  });

  it('takes a month-day early next year as next year, but one just passed as an error', () => {
    expect(date('1月10日')).toBe('2027-01-10');
    const r = parseDeadline('11月20日', today, cal);
    expect(r.kind).toBe('invalid');
    if (r.kind === 'invalid') expect(r.reason).toContain('已过');
  });

  it('reads a month-day with its year named: 明年1月15日, 今年12月30日', () => {
    expect(date('明年1月15日')).toBe('2027-01-15');
    expect(date('明年八月一日前')).toBe('2027-08-01');
    expect(date('今年12月30日')).toBe('2026-12-30');
    expect(date('今年11月20日')).toBe('invalid');
    expect(date('明年2月30日')).toBe('invalid');
  });

  it('rejects impossible dates such as 2月30日 and 2026-13-01', () => {
    for (const t of ['2月30日', '2026-02-30', '2026-13-01', '4月31日']) {
      const r = parseDeadline(t, today, cal);
      expect(r.kind, t).toBe('invalid');
    }
  });

  it('rejects a day already past named in words (昨天, 上周五, 上月底), never taking it as text', () => {
    for (const past of ['昨天', '前天', '上周五', '上月底', '去年底']) expect(date(past)).toBe('invalid');
  });

  it('rejects urgency without a date (尽快, 抓紧, 立即): never a default months away, never text of the title', () => {
    for (const vague of ['尽快', '抓紧', '立即', '马上', '近期', '适时']) {
      const r = parseDeadline(vague, today, cal);
      expect(r.kind, vague).toBe('invalid');
      if (r.kind === 'invalid') expect(r.reason).toContain(`「${vague}」不是具体时限`);
    }
  });

  it('reads a time of day after the day as that day, and says which words were the time', () => {
    const cases: Array<[string, string, string | undefined]> = [
      ['今天下班前', '2026-11-23', '下班'],
      ['明天上午10:00前', '2026-11-24', '上午10:00'],
      ['12月10日下午五点半', '2026-12-10', '下午五点半'],
      ['本周五17时前', '2026-11-27', '17时'],
      ['5个工作日', '2026-11-30', undefined],
    ];
    for (const [text, day, time] of cases) {
      const r = parseDeadline(text, today, cal);
      expect(r.kind, text).toBe('ok');
      if (r.kind === 'ok') expect([r.deadline.date, r.deadline.timeOfDay], text).toEqual([day, time]);
    }
    // A time alone is no day.
    expect(date('下午')).toBe('none');
    expect(date('3点')).toBe('none');
  });

  it('rejects an explicit date in the past', () => {
    const r = parseDeadline('2026-11-01', today, cal);
    expect(r).toEqual({ kind: 'invalid', reason: expect.stringContaining('已过') });
  });

  it('counts N个工作日 on the official calendar', () => {
    expect(date('5个工作日')).toBe('2026-11-30');
    expect(date('五个工作日内')).toBe('2026-11-30');
    expect(date('10个工作日')).toBe('2026-12-07');
  });

  it('reads named days: 本周五, 下周三, 周五, 月底, 明天', () => {
    expect(date('本周五')).toBe('2026-11-27');
    expect(date('下周三')).toBe('2026-12-02');
    expect(date('周五')).toBe('2026-11-27');
    expect(date('明天')).toBe('2026-11-24');
    expect(date('月底')).toBe('2026-11-30');
    expect(date('年底')).toBe('2026-12-31');
    // 本周一 is today; on a Saturday, bare 周五 means next week's Friday.
    expect(date('周五', '2026-11-28')).toBe('2026-12-04');
  });

  it('reads N月底 as the last working day of the next such month', () => {
    expect(date('12月底')).toBe('2026-12-31');
    expect(date('11月底前')).toBe('2026-11-30');
    expect(date('十月底', '2026-11-23')).toBe('2027-10-29');
    expect(date('13月底')).toBe('invalid');
  });

  it('rolls a span that ends on a rest day forward to the next working day', () => {
    // 2026-11-23 + 5 days = Saturday 11-28 → Monday 11-30.
    expect(date('5天')).toBe('2026-11-30');
    // 3 months from 2026-07-04 is 2026-10-04, inside 国庆 → 10-09 (a 调休 Friday? no: 10-08 is the first working day).
    expect(date('3个月', '2026-07-04')).toBe('2026-10-08');
  });

  it('reads 15日前 as the 15th of this month, or of next month once it has passed', () => {
    expect(date('25日前')).toBe('2026-11-25');
    expect(date('15日前')).toBe('2026-12-15');
    expect(date('3日内')).toBe('2026-11-26');
  });

  it('returns none for text that is not a deadline', () => {
    for (const t of ['推进营商环境', '发改委', '重点', '', 'D-0001']) expect(parseDeadline(t, today, cal).kind, t).toBe('none');
  });
});

describe('parseChineseNumber', () => {
  it('reads Chinese and Arabic numerals', () => {
    expect(parseChineseNumber('三')).toBe(3);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('十五')).toBe(15);
    expect(parseChineseNumber('二十')).toBe(20);
    expect(parseChineseNumber('一百二十')).toBe(120);
    expect(parseChineseNumber('两')).toBe(2);
    expect(parseChineseNumber('１２')).toBe(12);
    expect(parseChineseNumber('abc')).toBeUndefined();
  });
});

describe('deadlines the bot does not read', () => {
  it('reads 12.30 as a month and day, and nothing else with a dot', () => {
    expect(monthDotDay('12.30')).toBe('12月30日');
    expect(monthDotDay('1.5前')).toBe('1月5日');
    for (const t of ['13.1', '12.32', '2.5亿', '0.5', '12.30.1']) expect(monthDotDay(t), t).toBeUndefined();
  });

  it('tells a time it cannot read from the last words of a title', () => {
    for (const t of ['春节前', '元旦前', '节前', '1月中旬', '下月初', '国庆节后', '三天之内']) expect(looksLikeUnreadDeadline(t), t).toBe(true);
    for (const t of ['报送材料', '院内', '安全检查', '开展汛期隐患排查整治工作前期准备', '研究']) expect(looksLikeUnreadDeadline(t), t).toBe(false);
  });
});
