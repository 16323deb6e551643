import type { Services } from '../services/index.ts';
import { shanghaiDate, yearOf } from '../time/shanghai.ts';
import type { ReadinessCheck } from './health.ts';

/**
 * The working-day calendar must cover this year and, from November (when the next year's schedule
 * is published), the next one. A gap is shown here and in the log, never silently filled.
 */
export function calendarReadiness(services: Services): ReadinessCheck {
  const logged = new Set<number>();
  return {
    name: 'calendar',
    check: async () => {
      const today = shanghaiDate(services.clock());
      const year = yearOf(today);
      const missing = services.calendar.missingYears(year, year + 1);
      // Probes call this often: log each missing year once per process.
      const fresh = missing.filter((y) => !logged.has(y));
      if (fresh.length > 0) {
        fresh.forEach((y) => logged.add(y));
        services.log.warn({ missingYears: fresh }, 'working-day calendar has no data for these years');
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
