import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date and time people read is Shanghai's, whatever the browser's zone. */
export const SHANGHAI = 'Asia/Shanghai';

export const shanghai = (at: string | number | Date = Date.now()) => dayjs(at).tz(SHANGHAI);
export const dateOf = (at: string | null | undefined) => (at ? shanghai(at).format('YYYY-MM-DD') : '—');
export const dateTimeOf = (at: string | null | undefined) => (at ? shanghai(at).format('YYYY-MM-DD HH:mm') : '—');

/** The working days of a year from the service's calendar (official data plus the admins' corrections). */
export function useWorkdays(year: number) {
  return useQuery({
    queryKey: ['calendar', year],
    queryFn: () => unwrap(api.GET('/v1/calendar', { params: { query: { year } } })),
    staleTime: 60 * 60_000,
    select: (calendar) => ({ covered: calendar.covered, workdays: new Set(calendar.days.filter((d) => d.workday).map((d) => d.date)) }),
  });
}

/** Working days from today through the due date (today counts while it lasts), or null while the calendar loads. */
export function workdaysLeft(workdays: Set<string> | undefined, dueAt: string): number | null {
  if (!workdays) return null;
  const due = shanghai(dueAt).format('YYYY-MM-DD');
  let day = shanghai().startOf('day');
  let count = 0;
  for (let i = 0; i < 60 && day.format('YYYY-MM-DD') <= due; i++, day = day.add(1, 'day')) {
    if (workdays.has(day.format('YYYY-MM-DD'))) count++;
  }
  return count;
}
