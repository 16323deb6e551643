import pg from 'pg';
import { connectDatabase } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { UnitDirectory } from '../src/services/unit-directory.ts';
import { createUser } from '../src/services/users.ts';
import { fmt, freshDatabase, percentile, startServer } from './support.ts';

export interface ReportBenchOptions {
  adminUrl: string;
  items: number;
  runs: number;
}

/**
 * A million items over ten years (2017–2026) with five history rows each and their ledger, made
 * with set-based SQL; the rollups are built once from those rows, as the triggers would have.
 */
async function generate(pool: pg.Pool, items: number) {
  const started = performance.now();
  await pool.query(`
    ALTER TABLE item_history DISABLE TRIGGER item_history_rollup;
    ALTER TABLE score_entries DISABLE TRIGGER USER;
    CREATE TEMP TABLE IF NOT EXISTS unit_list AS SELECT array_agg(code ORDER BY position) AS codes FROM units;
  `);
  const client = await pool.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    await client.query(
      `
      INSERT INTO items (unit_code, title, body, event_date, major, kind, state, state_entered_at, late, due_at, stale_at,
        first_submitted_at, submitted_at, adopted_at, decided_at, national_adopted_at, snapshot, machine_version, version,
        created_at, updated_at)
      SELECT u.codes[1 + g.i % 14], '鄂尔多斯市计生协开展活动', '', (g.t AT TIME ZONE 'Asia/Shanghai')::date, false, 'news',
        o.state, g.t + interval '27 hours', false, g.t + interval '7 days', g.t + interval '14 days',
        g.t + interval '3 hours', g.t + interval '3 hours',
        CASE WHEN o.adopted THEN g.t + interval '27 hours' END,
        CASE WHEN o.decided THEN g.t + interval '27 hours' END,
        CASE WHEN o.state = 'national_adopted' THEN g.t + interval '5 days' END,
        '{"value":"adopted","context":{}}', 1, 5, g.t, g.t + interval '27 hours'
      FROM (SELECT i, timestamptz '2017-01-01 08:00+08' + (i::float8 / $1) * interval '3650 days' AS t FROM generate_series(1, $1) AS i) AS g,
        (SELECT codes FROM unit_list) AS u,
        LATERAL (SELECT CASE
          WHEN g.i > $1 * 0.998 THEN (ARRAY['awaiting_signoff', 'submitted', 'forwarded_national'])[1 + g.i % 3]
          WHEN g.i % 20 = 0 THEN 'national_adopted'
          WHEN g.i % 20 = 1 THEN 'national_declined'
          WHEN g.i % 20 < 10 THEN 'adopted'
          WHEN g.i % 20 < 16 THEN 'rejected'
          WHEN g.i % 20 = 16 THEN 'withdrawn'
          ELSE 'expired' END AS state) AS s,
        LATERAL (SELECT s.state,
          s.state IN ('adopted', 'national_adopted', 'national_declined', 'forwarded_national') AS adopted,
          s.state IN ('adopted', 'national_adopted', 'national_declined', 'forwarded_national', 'rejected') AS decided) AS o`,
      [items],
    );
    await client.query(`
      INSERT INTO item_history (item_id, unit_code, seq, action, from_state, to_state, actor_id, actor_name, actor_role, at, stay_seconds)
      SELECT i.id, i.unit_code, h.seq, h.action, h.from_state, h.to_state, '00000000-0000-0000-0000-000000000001', 'bench', 'admin',
        i.created_at + h.after, h.stay
      FROM items i,
        LATERAL (VALUES
          (1, 'create', NULL, 'draft', interval '0', NULL::float8),
          (2, 'request_signoff', 'draft', 'awaiting_signoff', interval '1 hour', 3600),
          (3, 'sign_off', 'awaiting_signoff', 'submitted', interval '3 hours', 7200),
          (4, 'claim', 'submitted', 'submitted', interval '20 hours', NULL),
          (5, CASE WHEN i.adopted_at IS NOT NULL THEN 'adopt' ELSE 'reject' END, 'submitted',
             CASE WHEN i.adopted_at IS NOT NULL THEN 'adopted' ELSE 'rejected' END, interval '27 hours', 86400)
        ) AS h(seq, action, from_state, to_state, after, stay)`);
    await client.query(`
      INSERT INTO score_entries (item_id, history_seq, unit_code, kind, points, occurred_at, occurred_on)
      SELECT id, 3, unit_code, 'submitted', 3, first_submitted_at, (first_submitted_at AT TIME ZONE 'Asia/Shanghai')::date FROM items
      UNION ALL
      SELECT id, 5, unit_code, 'adopted', 6, adopted_at, (adopted_at AT TIME ZONE 'Asia/Shanghai')::date FROM items WHERE adopted_at IS NOT NULL
      UNION ALL
      SELECT id, 7, unit_code, 'national_adopted', 10, national_adopted_at, (national_adopted_at AT TIME ZONE 'Asia/Shanghai')::date
      FROM items WHERE national_adopted_at IS NOT NULL`);
    await client.query(`
      INSERT INTO score_daily (day, unit_code, kind, entries, points)
      SELECT occurred_on, unit_code, kind, count(*), sum(points) FROM score_entries GROUP BY 1, 2, 3;
      INSERT INTO transition_daily (day, unit_code, action, n)
      SELECT (at AT TIME ZONE 'Asia/Shanghai')::date, unit_code, action, count(*) FROM item_history GROUP BY 1, 2, 3;
      INSERT INTO state_counts (unit_code, state, n) SELECT unit_code, state, count(*) FROM items GROUP BY 1, 2;
      INSERT INTO state_time_daily (day, state, unit_code, stays, seconds)
      SELECT (at AT TIME ZONE 'Asia/Shanghai')::date, from_state, unit_code, count(*), sum(stay_seconds)
      FROM item_history WHERE stay_seconds IS NOT NULL GROUP BY 1, 2, 3;
      ALTER TABLE item_history ENABLE TRIGGER item_history_rollup;
      ALTER TABLE score_entries ENABLE TRIGGER USER;`);
    await client.query('VACUUM ANALYZE');
  } finally {
    client.release();
  }
  const counts = await pool.query(
    `SELECT (SELECT count(*) FROM items)::int AS items, (SELECT count(*) FROM item_history)::int AS history, (SELECT count(*) FROM score_entries)::int AS ledger`,
  );
  return { ...counts.rows[0], seconds: (performance.now() - started) / 1000 };
}

/** The plain SQL each report runs at its core, timed on its own. */
const PLAIN_SQL: Record<string, string> = {
  period: `SELECT unit_code, kind, sum(entries), sum(points) FROM score_daily WHERE day BETWEEN '2024-04-01' AND '2024-06-30' GROUP BY 1, 2`,
  scores: `SELECT unit_code, kind, sum(entries), sum(points) FROM score_daily WHERE day BETWEEN '2024-01-01' AND '2024-06-30' GROUP BY 1, 2`,
  bulletin: `SELECT unit_code, kind, sum(entries), sum(points) FROM score_daily WHERE day BETWEEN '2024-01-01' AND '2024-06-30' GROUP BY 1, 2`,
  pipeline: `SELECT state, count(*), min(state_entered_at), count(*) FILTER (WHERE late) FROM items
             WHERE state IN ('awaiting_signoff', 'submitted', 'forwarded_national') GROUP BY 1`,
  flow: `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at)),
                percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM decided_at - submitted_at)), count(*)
         FROM items WHERE decided_at BETWEEN '2024-03-31 16:00Z' AND '2024-06-30 16:00Z'`,
  'count(*) per state and unit (no rollup)': `SELECT state, unit_code, count(*) FROM items GROUP BY 1, 2`,
};

const ENDPOINTS: Record<string, string> = {
  period: '/v1/reports/period?from=2024-04-01&to=2024-06-30',
  scores: '/v1/reports/scores?year=2024&through=2024-06-30',
  bulletin: '/v1/reports/bulletin?year=2024&quarter=2',
  pipeline: '/v1/pipeline',
  flow: '/v1/pipeline/flow?from=2024-04-01&to=2024-06-30',
};

async function timeRuns(runs: number, task: () => Promise<void>) {
  await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    await task();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

export async function benchReports(options: ReportBenchOptions) {
  const url = await freshDatabase(options.adminUrl, 'nmg_bench_reports');
  const handle = connectDatabase(url, 4);
  await migrateToLatest(handle.db);
  const units = await UnitDirectory.load(handle.db);
  const manager = await createUser(handle.db, units, { name: 'bench manager', role: 'manager' });
  console.log(`\nReports: generating ${options.items.toLocaleString()} items …`);
  const made = await generate(handle.pool, options.items);
  console.log(`  ${made.items.toLocaleString()} items, ${made.history.toLocaleString()} history rows, ${made.ledger.toLocaleString()} ledger entries in ${made.seconds.toFixed(0)} s`);

  const plain: Record<string, { p50: number; p95: number }> = {};
  for (const [name, text] of Object.entries(PLAIN_SQL)) plain[name] = await timeRuns(options.runs, async () => void (await handle.pool.query(text)));
  await handle.close();

  const server = await startServer(url);
  const headers = { authorization: `Bearer ${manager.token}` };
  console.log(`\nReports over HTTP (${options.runs} runs each, after one warm-up) beside the plain SQL at their core`);
  console.log('                                          HTTP p50  HTTP p95   SQL p50   SQL p95');
  const results: Record<string, { p50: number; p95: number }> = {};
  for (const [name, path] of Object.entries(ENDPOINTS)) {
    results[name] = await timeRuns(options.runs, async () => {
      const response = await fetch(`${server.url}${path}`, { headers });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.arrayBuffer();
    });
    const sqlTime = plain[name];
    console.log(`  ${name.padEnd(38)} ${fmt(results[name].p50, 2)} ${fmt(results[name].p95, 2)} ${fmt(sqlTime.p50, 2)} ${fmt(sqlTime.p95, 2)}`);
  }
  const unrolled = plain['count(*) per state and unit (no rollup)'];
  console.log(`  ${'(baseline) count(*) per state and unit'.padEnd(38)} ${' '.repeat(19)} ${fmt(unrolled.p50, 2)} ${fmt(unrolled.p95, 2)}`);
  const slowest = Math.max(...Object.values(results).map((r) => r.p95));
  console.log(`  slowest report p95: ${slowest.toFixed(1)} ms (target: within 100 ms)`);
  await server.stop();
  return results;
}
