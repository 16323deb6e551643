import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../src/time/deadlines.ts';
import { addDays, DateRangeError, datesOfYear, endOfDay, eventDateError, isValidDate, shanghaiDate } from '../../src/time/shanghai.ts';
import { MAX_DAYS_SCANNED, WorkCalendar } from '../../src/time/work-calendar.ts';

const rules = { dueWorkdays: 5, dueWorkdaysMajor: 3, staleDays: 14 };

describe('working days on the official calendar', () => {
  const calendar = new WorkCalendar();

  it('skips the May Day holiday and counts the make-up Saturday', () => {
    expect(calendar.isWorkday('2024-05-01')).toBe(false);
    expect(calendar.isWorkday('2024-05-11')).toBe(true); // Saturday, 调休
    // Mon 2024-04-29: Tue 30, then 05-06, 07, 08, 09.
    expect(calendar.addWorkdays('2024-04-29', 5)).toEqual({ date: '2024-05-09', provisional: false, missingYears: [] });
    // Wed 2024-05-08: Thu 9, Fri 10, Sat 11 (make-up day).
    expect(calendar.addWorkdays('2024-05-08', 3).date).toBe('2024-05-11');
  });

  it('ends deadlines at 23:59:59.999 in Shanghai', () => {
    const d = computeDeadlines('2024-05-18', false, calendar, rules);
    expect(new Date(d.dueAt).toISOString()).toBe('2024-05-24T15:59:59.999Z');
    expect(new Date(d.staleAt).toISOString()).toBe('2024-06-01T15:59:59.999Z');
    expect(shanghaiDate(endOfDay('2024-06-30'))).toBe('2024-06-30');
    expect(shanghaiDate(endOfDay('2024-06-30') + 1)).toBe('2024-07-01');
    const major = computeDeadlines('2024-05-18', true, calendar, rules);
    expect(new Date(major.dueAt).toISOString()).toBe('2024-05-22T15:59:59.999Z');
  });

  it('never silently counts Monday–Friday in a year it has no data for', () => {
    const result = calendar.addWorkdays('2026-12-28', 5);
    expect(result.provisional).toBe(true);
    expect(result.missingYears).toEqual([2027]);
    expect(calendar.missingYears(2026, 2027)).toEqual([2027]);
  });

  it('takes the admins’ corrections and declared years', () => {
    const corrected = new WorkCalendar([['2027-01-01', false], ['2027-01-04', false]], [2027]);
    expect(corrected.isWorkday('2027-01-04')).toBe(false);
    expect(corrected.addWorkdays('2026-12-31', 1)).toEqual({ date: '2027-01-05', provisional: false, missingYears: [] });
    expect(corrected.missingYears(2026, 2027)).toEqual([]);
  });

  it('validates calendar dates', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2024-5-1')).toBe(false);
  });
});

/**
 * A loop over days that ran away would hang the event loop (no test timer could fire), so these
 * call the calendar directly and expect a typed error at once.
 */
describe('extreme dates', () => {
  const calendar = new WorkCalendar();
  const outOfRange = { code: 'date_out_of_range', status: 400 };

  it('refuses to count from a date outside 2000–2100 or not in the calendar', () => {
    for (const date of ['9999-12-27', '9999-12-31', '0000-01-01', '2024-02-30', '1999-12-31', '+010000-01', '']) {
      expect(() => calendar.addWorkdays(date, 5), date).toThrow(DateRangeError);
      expect(() => computeDeadlines(date, false, calendar, rules), date).toThrow(DateRangeError);
    }
    expect(() => calendar.addWorkdays('2024-05-20', -1)).toThrow(DateRangeError);
    expect(() => calendar.addWorkdays('2024-05-20', 1.5)).toThrow(DateRangeError);
    try {
      calendar.addWorkdays('9999-12-27', 5);
    } catch (error) {
      expect(error).toMatchObject(outOfRange);
    }
  });

  it('counts to the end of the range and stops scanning after a bounded number of days', () => {
    expect(calendar.addWorkdays('2100-12-31', 5).date).toBe('2101-01-07');
    expect(() => calendar.addWorkdays('2024-05-20', MAX_DAYS_SCANNED)).toThrow(DateRangeError);
    const noWorkdays = new (class extends WorkCalendar {
      override isWorkday() {
        return false;
      }
    })();
    expect(() => noWorkdays.addWorkdays('2024-05-20', 1)).toThrow(/1000 天内找不到/);
  });

  it('never leaves the YYYY-MM-DD form when adding days', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(() => addDays('9999-12-31', 1)).toThrow(DateRangeError);
    expect(() => addDays('0000-01-01', -1)).toThrow(DateRangeError);
    expect(() => addDays('2024-05-20', Number.MAX_SAFE_INTEGER)).toThrow(DateRangeError);
    expect(() => addDays('2024-02-30x', 1)).toThrow(DateRangeError);
  });

  it('bounds year ranges', () => {
    expect(() => calendar.missingYears(0, 9999)).toThrow(DateRangeError);
    expect(() => calendar.missingYears(2024, Number.POSITIVE_INFINITY)).toThrow(DateRangeError);
    expect(() => calendar.missingYears(2024.5, 2025)).toThrow(DateRangeError);
    expect(datesOfYear(2024)).toHaveLength(366);
    expect(datesOfYear(2100)).toHaveLength(365);
    expect(datesOfYear(2027).at(-1)).toBe('2027-12-31');
    expect(() => datesOfYear(9999)).toThrow(DateRangeError);
  });

  it('keeps dates to 2000-01-01 … 2100-12-31, and event dates to today in Shanghai', () => {
    expect(isValidDate('2000-01-01')).toBe(true);
    expect(isValidDate('2100-12-31')).toBe(true);
    for (const date of ['1999-12-31', '2101-01-01', '0000-01-01', '9999-12-31']) expect(isValidDate(date), date).toBe(false);
    // 2024-05-20 00:30 in Shanghai is still 2024-05-19 in UTC.
    const now = Date.parse('2024-05-20T00:30:00+08:00');
    expect(eventDateError('2024-05-20', now)).toBeNull();
    expect(eventDateError('2024-05-21', now)).toMatchObject({ status: 422, code: 'event_date_in_future' });
    expect(eventDateError('2024-05-21', now)?.message).toContain('2024-05-20');
    expect(eventDateError('1999-12-31', now)).toMatchObject(outOfRange);
  });
});
