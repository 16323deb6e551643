import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { BOOTSTRAP_ADMIN } from '../machines/actors.ts';
import { loadCalendar } from '../src/calendar-store.ts';
import { importSubmissions } from '../src/services/historical-import.ts';
import { UnitDirectory } from '../src/services/unit-directory.ts';
import { freshDatabase } from './support.ts';

/**
 * The historical import, in process: items per second for a file of old-portal records of every
 * kind (adopted and forwarded, rejected, never decided, never sent), then the same file again.
 *   node bench/import.bench.ts   (BENCH_DATABASE_URL / DATABASE_URL; BENCH_IMPORT_ITEMS, default 50,000)
 */
export async function benchImport(options: { adminUrl: string; items: number }) {
  const url = await freshDatabase(options.adminUrl, 'nmg_bench_import');
  const handle = connectDatabase(url, 4);
  await migrateToLatest(handle.db);
  const units = await UnitDirectory.load(handle.db);
  const calendar = await loadCalendar(handle.db);
  const deps = { db: handle.db, units, calendar, rules: { dueWorkdays: 5, dueWorkdaysMajor: 3, staleDays: 14 }, clock: () => Date.parse('2025-12-31T12:00:00+08:00') };
  const day = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const rows = Array.from({ length: options.items }, (_, i) => {
    const unit = units.list[i % units.list.length];
    const event = day(i % 330);
    const at = (plus: number, time: string) => `${day((i % 330) + plus)}T${time}+08:00`;
    const kind = i % 5;
    return {
      externalId: `bench-${i}`,
      unitCode: unit.code,
      title: `${unit.name}计生协开展活动（${i}）`,
      body: '活动内容。'.repeat(40),
      eventDate: event,
      ...(kind === 4 ? {} : { submittedAt: at(1, '09:00:00') }),
      ...(kind <= 1 ? { adoptedAt: at(2, '10:00:00') } : {}),
      ...(kind === 0 ? { forwardedAt: at(3, '10:00:00'), nationalAdoptedAt: at(6, '15:00:00') } : {}),
      ...(kind === 2 ? { rejectedAt: at(2, '11:00:00') } : {}),
    };
  });
  for (const round of ['first import', 'the same file again']) {
    const started = performance.now();
    const result = await importSubmissions(deps, BOOTSTRAP_ADMIN, rows);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `import, ${round}: ${options.items.toLocaleString('en')} rows in ${seconds.toFixed(2)} s = ${Math.round(options.items / seconds).toLocaleString('en')} items/s ` +
        `(created ${result.created.toLocaleString('en')}, unchanged ${result.unchanged.toLocaleString('en')}, errors ${result.errors.length})`,
    );
  }
  await handle.close();
}

if (import.meta.main) {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('set BENCH_DATABASE_URL or DATABASE_URL');
  await benchImport({ adminUrl, items: Number(process.env.BENCH_IMPORT_ITEMS ?? 50_000) });
}
