import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCalendar, missingYearWarning } from '../../src/calendar/load-calendar.js';
import { CalendarFileError } from '../../src/calendar/holiday-data.js';
import { addDays, dayOfWeek, instantAt } from '../../src/time/shanghai.js';
import { WorkCalendar } from '../../src/calendar/work-calendar.js';

const cal = loadCalendar();

describe('WorkCalendar', () => {
  it('tabulates every day from 2000 to 2060 as the rule decides: a 调休 working day, else a holiday off, else Monday–Friday', () => {
    const holidays = new Map([
      ['2026-10-01', '国庆节'], // a Thursday off
      ['2000-01-01', '元旦'], // the table's first day (a Saturday)
      ['2060-12-31', '假'], // its last day (a Friday)
      ['2030-03-02', '两者'], // in both lists (a Saturday): working
      ['1999-12-31', '表外'], // outside the table
    ]);
    const workdays = new Map([
      ['2026-10-10', '调休'], // a Saturday
      ['2030-03-02', '两者'],
      ['2061-01-01', '表外'],
    ]);
    const c = new WorkCalendar({ holidays, workdays, years: new Set([2026]) });
    const rule = (d: string) => workdays.has(d) || (!holidays.has(d) && dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6);
    const wrong: string[] = [];
    for (let d = '2000-01-01'; d <= '2060-12-31'; d = addDays(d, 1)) if (c.isWorkingDay(d) !== rule(d)) wrong.push(d);
    expect(wrong).toEqual([]);
    expect([c.isWorkingDay('2026-10-01'), c.isWorkingDay('2026-10-10'), c.isWorkingDay('2030-03-02'), c.isWorkingDay('2060-12-31')]).toEqual([false, true, true, false]);
    // The prefix counts agree with a day-by-day count.
    expect(c.workingDaysBetween('2026-09-25', '2026-10-12')).toBe(
      ['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-10', '2026-10-12'].length,
    );
  });

  it('knows 国庆 2026 is off and the 调休 Saturday 2026-09-20 and 10-10 are working days', () => {
    for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // Sunday, 调休上班
    expect(cal.isWorkingDay('2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(cal.dayNote('2026-10-01')).toBe('国庆节');
  });

  it('counts working days across 国庆: 5 working days after 2026-09-29 is 2026-10-10 (a 调休 Saturday)', () => {
    // 09-30 (1), 10-01..07 off, 10-08 (2), 10-09 (3), 10-10 Sat 调休 (4), 10-12 (5)
    expect(cal.addWorkingDays('2026-09-29', 4)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-29', 5)).toBe('2026-10-12');
    expect(cal.workingDaysBetween('2026-09-29', '2026-10-12')).toBe(5);
  });

  it('counts working days across 春节 2026 (02-15 to 02-23 off, 02-14 and 02-28 make-up days)', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(true); // Saturday 调休
    expect(cal.isWorkingDay('2026-02-16')).toBe(false);
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
  });

  it('reports years without data as uncertain and uses the statutory days off provisionally', () => {
    expect(cal.isKnownYear(2026)).toBe(true);
    expect(cal.isKnownYear(2027)).toBe(false);
    expect(cal.isUncertain('2027-01-01')).toBe(true);
    expect(cal.isProvisional(2027)).toBe(true);
    // Without 2027 data New Year's Day (a Friday) is still off, by the statutory rule.
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.dayNote('2027-01-01')).toBe('元旦（暂按法定节假日计算）');
  });

  it('loads a missing year from an override file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cal-'));
    const file = join(dir, 'holidays.yaml');
    writeFileSync(file, '2027:\n  holidays:\n    2027-01-01: 元旦\n  workdays:\n    2027-02-06: 春节调休上班\n');
    const c = loadCalendar(file);
    expect(c.isKnownYear(2027)).toBe(true);
    expect(c.isWorkingDay('2027-01-01')).toBe(false);
    expect(c.isWorkingDay('2027-02-06')).toBe(true);
    expect(c.isWorkingDay('2026-10-01')).toBe(false); // packaged years still there
  });

  it('refuses an override file with a date outside its year or a bad date, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cal-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, '2027:\n  holidays:\n    2028-01-01: 元旦\n');
    expect(() => loadCalendar(file)).toThrow(CalendarFileError);
    expect(() => loadCalendar(file)).toThrow(/2028-01-01/);
    writeFileSync(file, '2027:\n  holidays:\n    2027-02-30: 元旦\n');
    expect(() => loadCalendar(file)).toThrow(/真实日期/);
  });

  it('warns about a missing next year from December on, and at start-up any time', () => {
    expect(missingYearWarning(cal, instantAt('2026-11-22', '10:00'))).toBeUndefined();
    expect(missingYearWarning(cal, instantAt('2026-11-22', '10:00'), true)).toContain('2027年');
    expect(missingYearWarning(cal, instantAt('2026-12-01', '10:00'))).toContain('2027年');
  });
});
