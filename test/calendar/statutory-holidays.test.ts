import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCalendar, missingYearWarning } from '../../src/calendar/load-calendar.js';
import { statutoryHolidays } from '../../src/calendar/statutory-holidays.js';
import { loadPackagedHolidays } from '../../src/calendar/holiday-data.js';
import { instantAt } from '../../src/time/shanghai.js';

const cal = loadCalendar();

describe('statutory days off for a year without an arrangement (《全国年节及纪念日放假办法》, 2024)', () => {
  it('computes 2027 from the lunar calendar and the solar terms, with 补假 for days on a weekend', () => {
    expect(Object.fromEntries(statutoryHolidays(2027))).toEqual({
      '2027-01-01': '元旦',
      // 除夕 02-05 (Friday) to 初三 02-08; Saturday 02-06 and Sunday 02-07 are made up on 02-09, 02-10.
      '2027-02-05': '春节',
      '2027-02-06': '春节',
      '2027-02-07': '春节',
      '2027-02-08': '春节',
      '2027-02-09': '春节补假',
      '2027-02-10': '春节补假',
      '2027-04-05': '清明节',
      '2027-05-01': '劳动节',
      '2027-05-02': '劳动节',
      '2027-05-03': '劳动节补假',
      '2027-05-04': '劳动节补假',
      '2027-06-09': '端午节',
      '2027-09-15': '中秋节',
      '2027-10-01': '国庆节',
      '2027-10-02': '国庆节',
      '2027-10-03': '国庆节',
      '2027-10-04': '国庆节补假',
      '2027-10-05': '国庆节补假',
    });
  });

  it('agrees with the official 2026 arrangement on every statutory day (the rule, checked on a known year)', () => {
    const official = loadPackagedHolidays().holidays;
    for (const [date, name] of statutoryHolidays(2026)) {
      if (name.endsWith('补假')) continue;
      expect(official.has(date), `${date} ${name}`).toBe(true);
    }
  });

  it('makes the bot count 2027 working days around the provisional 元旦 and 春节, marked as such', () => {
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(cal.isWorkingDay('2027-02-05')).toBe(false);
    expect(cal.addWorkingDays('2027-02-04', 1)).toBe('2027-02-11');
    expect(cal.dayNote('2027-02-05')).toBe('春节（暂按法定节假日计算）');
    // 调休 is not invented: a weekend stays a rest day until the arrangement is loaded.
    expect(cal.isWorkingDay('2027-02-20')).toBe(false);
  });

  it('keeps warning until the year is loaded, and a loaded year replaces the provisional days', () => {
    const warning = missingYearWarning(cal, instantAt('2026-12-01', '09:00'));
    expect(warning).toContain('2027年节假日安排尚未载入');
    expect(warning).toContain('暂按法定节假日计算');
    expect(missingYearWarning(cal, instantAt('2027-01-04', '09:00'))).toContain('2027年节假日安排尚未载入，工作日暂按法定节假日计算');
    const dir = mkdtempSync(join(tmpdir(), 'cal-'));
    const file = join(dir, 'holidays.yaml');
    writeFileSync(file, '2027:\n  holidays:\n    2027-01-01: 元旦\n  workdays:\n    2027-02-20: 春节调休上班\n');
    const loaded = loadCalendar(file);
    expect(loaded.isProvisional(2027)).toBe(false);
    expect(loaded.isWorkingDay('2027-02-05')).toBe(true); // the file is the whole arrangement for its year
    expect(loaded.isWorkingDay('2027-02-20')).toBe(true);
    expect(loaded.isProvisional(2028)).toBe(true);
    expect(missingYearWarning(loaded, instantAt('2027-01-04', '09:00'))).toBeUndefined();
  });
});
