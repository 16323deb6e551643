import type { HealthStatus } from '../dependencies.ts';
import type { Services } from '../services/index.ts';
import { shanghaiDate, yearOf } from '../time/shanghai.ts';

export interface CalendarReadiness {
  status: HealthStatus;
  details: { missingYears: number[]; warning?: string };
}

/**
 * The working-day calendar must cover this year and, from November (when the next year's schedule
 * is published), the next one. A gap makes the service degraded (deadlines are provisional): it is
 * shown here and in the log, never silently filled.
 */
export function calendarReadiness(services: Services): () => CalendarReadiness {
  const logged = new Set<number>();
  return () => {
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
      status: missing.length > 0 ? 'degraded' : 'ok',
      details: {
        missingYears: missing,
        warning: missing.length > 0 ? `工作日历缺少 ${missing.join('、')} 年数据，请管理员补充` : undefined,
      },
    };
  };
}
