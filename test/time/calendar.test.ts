import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../../src/time/deadlines.ts';
import { endOfDay, isValidDate, shanghaiDate } from '../../src/time/shanghai.ts';
import { WorkCalendar } from '../../src/time/work-calendar.ts';

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
