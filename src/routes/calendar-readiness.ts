import type { Services } from '../services/index.ts';
import { shanghaiDate, yearOf } from '../time/shanghai.ts';
import type { ReadinessCheck } from './health.ts';

/**
 * The working-day calendar must cover this year and, from November (when the next year's schedule
 * is published), the next one. A gap is shown here and in the log, never silently filled.
 */
export function calendarReadiness(services: Services): ReadinessCheck {
  return {
    name: 'calendar',
    check: async () => {
      const today = shanghaiDate(services.clock());
      const year = yearOf(today);
      const missing = services.calendar.missingYears(year, year + 1);
      if (missing.length > 0) {
        services.log.warn({ missingYears: missing }, 'working-day calendar has no data for these years');
      }
      return {
        ok: true,
        details: {
          missingYears: missing,
          warning: missing.length > 0 ? `工作日历缺少 ${missing.join('、')} 年数据，请管理员补充` : undefined,
        },
      };
    },
  };
}
