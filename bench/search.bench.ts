import { sql } from 'kysely';
import pg from 'pg';
import { connectDatabase } from '../db/connect.ts';
import { MACHINE_VERSION } from '../machines/submission.machine.ts';
import { createSubmission, persist } from '../machines/submission.runtime.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { UnitDirectory } from '../src/services/unit-directory.ts';
import { createUser } from '../src/services/users.ts';
import { withDatabase } from '../test/support/net.ts';
import { SENTENCES, SENTENCES_PER_BODY } from './news-text.ts';
import { fmt, freshDatabase, percentile, startServer } from './support.ts';

/**
 * `node bench/search.bench.ts`: `q` on GET /v1/submissions over a million items with Chinese titles
 * and bodies of a few hundred characters, through HTTP as a manager (all units) and as a unit's
 * editor. Settings: BENCH_DATABASE_URL / DATABASE_URL (a server to create the database on),
 * BENCH_ITEMS (default 1,000,000), BENCH_RUNS (queries per kind, default 40), BENCH_REUSE=1 (time the
 * database a previous run left, when it holds BENCH_ITEMS items, instead of generating it again).
 */
export interface SearchBenchOptions {
  adminUrl: string;
  items: number;
  runs: number;
  reuse?: boolean;
}

const DATABASE = 'nmg_bench_search';

/** The database a previous run left, with its callers, when it holds `items` generated items. */
async function previousRun(adminUrl: string, items: number) {
  const url = withDatabase(adminUrl, DATABASE);
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const count = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM items`);
    return count.rows[0]?.n === items ? url : null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

const VERBS = ['开展', '举办', '召开', '组织', '启动', '推进', '部署', '参加'];
const TOPICS = [
  '优生优育进家庭活动', '计生特殊家庭走访慰问', '青春健康教育讲座', '婚育新风宣传月活动', '生育关怀行动',
  '家庭健康促进行动', '人口监测培训会', '流动人口关怀关爱服务', '暖心家园建设观摩会', '幸福家庭创建工作会议',
  '母婴健康知识讲座', '老年健康服务进社区', '托育服务宣传活动', '防治艾滋病宣传', '会员之家建设推进会',
];
const PLACES = ['土默特左旗', '托克托县', '达拉特旗', '准格尔旗', '乌审旗', '杭锦旗', '伊金霍洛旗', '鄂托克前旗', '科尔沁左翼中旗', '扎鲁特旗', '阿荣旗', '莫力达瓦达斡尔族自治旗'];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = '芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏辉丹玲宁斌波'.split('');

/** A draft's persisted machine snapshot; each row gets its own deadlines in it. */
const DRAFT = persist(createSubmission({ unitCode: '150100', dueAt: 0, staleAt: 0 }).snapshot);

/** A pseudo-random pick in 0 … n-1 from a row's number, independent for each salt. */
const pick = (expression: string, salt: number, n: number) => `((hashint8((${expression}) * 16 + ${salt}) & 2147483647) % ${n})`;

const sqlArray = (values: string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;

/**
 * Drafts made with set-based SQL: a title of unit, verb and topic; a body of 22 sentences, a
 * place (1 in 12), a serial number (unique) and a contributor's name (about 1 in 1,000 each).
 * The search indexes (migrations 0011 and 0015) are dropped for the load and built again after it, as after an import.
 */
async function generate(pool: pg.Pool, items: number) {
  const started = performance.now();
  const client = await pool.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    // The search indexes as the migrations made them, to be built again after the load.
    const { rows: searchIndexes } = await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'items' AND indexname IN ('items_search_text_idx', 'items_search_chars_idx')`,
    );
    for (const index of searchIndexes) await client.query(`DROP INDEX ${index.name}`);
    await client.query(
      `
      INSERT INTO items (unit_code, title, body, event_date, state, state_entered_at, due_at, stale_at, snapshot, machine_version,
        created_at, updated_at)
      SELECT u.codes[1 + g.i % 14],
        u.names[1 + g.i % 14] || '计生协' || (${sqlArray(VERBS)})[1 + ${pick('g.i', 1, VERBS.length)}] || (${sqlArray(TOPICS)})[1 + ${pick('g.i', 2, TOPICS.length)}],
        (SELECT string_agg(s.sentences[1 + ${pick('g.i * 64 + p.k', 3, SENTENCES.length)}], '') FROM generate_series(1, ${SENTENCES_PER_BODY}) AS p(k)) ||
          CASE WHEN ${pick('g.i', 4, 12)} = 0 THEN '活动在' || (${sqlArray(PLACES)})[1 + ${pick('g.i', 5, PLACES.length)}] || '举行。' ELSE '' END ||
          '（信息编号' || lpad(g.i::text, 7, '0') || '；' || u.names[1 + g.i % 14] || '计生协 ' ||
          (${sqlArray(SURNAMES)})[1 + ${pick('g.i', 6, SURNAMES.length)}] || (${sqlArray(GIVEN)})[1 + ${pick('g.i', 7, GIVEN.length)}] || ' 供稿）',
        (g.t AT TIME ZONE 'Asia/Shanghai')::date, 'draft', g.t, g.t + interval '7 days', g.t + interval '14 days',
        jsonb_set(jsonb_set($2::jsonb, '{context,dueAt}', to_jsonb(extract(epoch FROM g.t + interval '7 days') * 1000)),
          '{context,staleAt}', to_jsonb(extract(epoch FROM g.t + interval '14 days') * 1000)),
        $3, g.t, g.t
      FROM (SELECT i, timestamptz '2017-01-01 08:00+08' + (i::float8 / $1) * interval '3650 days' AS t FROM generate_series(1, $1) AS i) AS g,
        (SELECT array_agg(code ORDER BY position) AS codes, array_agg(name ORDER BY position) AS names FROM units) AS u,
        (SELECT ${sqlArray(SENTENCES)} AS sentences) AS s`,
      [items, JSON.stringify(DRAFT), MACHINE_VERSION],
    );
    const loaded = performance.now();
    await client.query(`SET maintenance_work_mem = '512MB'`);
    for (const index of searchIndexes) await client.query(index.definition);
    const indexed = performance.now();
    await client.query('VACUUM ANALYZE items');
    const sizes = await client.query(`
      SELECT pg_size_pretty(pg_table_size('items')) AS heap, avg_len, (SELECT count(*)::int FROM items) AS items,
        pg_size_pretty(pg_relation_size('items_search_text_idx')) AS text_idx, pg_size_pretty(pg_relation_size('items_search_chars_idx')) AS chars_idx
      FROM (SELECT round(avg(char_length(body))) AS avg_len FROM items) AS a`);
    return { ...sizes.rows[0], loadS: (loaded - started) / 1000, indexS: (indexed - loaded) / 1000 };
  } finally {
    client.release();
  }
}

/** The kinds of query timed, each a list of terms drawn from in turn; how many items match each, roughly. */
function queryKinds(items: number): Record<string, string[]> {
  const serials = Array.from({ length: 50 }, (_, k) => `信息编号${String(1 + ((k * 7919) % items)).padStart(7, '0')}`);
  return {
    'unique serial (9 chars, 1 match)': serials,
    'place, 4-6 chars (1 in 144)': PLACES,
    'topic, 4-9 chars (1 in 15)': TOPICS,
    'two words (topic + place)': TOPICS.map((t, k) => `${t.slice(0, 4)} ${PLACES[k % PLACES.length]}`),
    'in every title: 计生协': ['计生协'],
    '3 chars, absent': ['鑫淼焱', '犇骉驫', '龘靐齉'],
    '2 chars, common (活动, 健康…)': ['活动', '健康', '会议', '社区', '家庭'],
    '2 chars, a name (1 in ~700)': SURNAMES.slice(0, 10).map((s, k) => s + GIVEN[k * 3]),
    '2 chars, absent': ['鑫淼', '犇骉', '龘靐'],
    '1 char, common': ['会', '家', '人'],
    '1 char, absent': ['鑫', '犇', '龘'],
    'Latin, any case: wechat': ['wechat', 'WECHAT'],
  };
}

async function timeRuns(runs: number, terms: string[], task: (term: string) => Promise<number>) {
  await task(terms[0]);
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    found += await task(terms[i % terms.length]);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), found: found / runs };
}

export async function benchSearch(options: SearchBenchOptions) {
  const reused = options.reuse ? await previousRun(options.adminUrl, options.items) : null;
  const url = reused ?? (await freshDatabase(options.adminUrl, DATABASE));
  const handle = connectDatabase(url, 4);
  await migrateToLatest(handle.db);
  const units = await UnitDirectory.load(handle.db);
  const manager = await createUser(handle.db, units, { name: 'bench manager', role: 'manager' });
  const editor = await createUser(handle.db, units, { name: 'bench editor', role: 'editor', unitCode: units.list[5].code });
  if (reused) {
    console.log(`\nSearch: the ${options.items.toLocaleString()} items of the previous run (BENCH_REUSE)`);
    await sql`ANALYZE items`.execute(handle.db);
  } else {
    console.log(`\nSearch: generating ${options.items.toLocaleString()} items …`);
    const made = await generate(handle.pool, options.items);
    console.log(
      `  ${made.items.toLocaleString()} items (bodies of ${made.avg_len} characters on average, heap ${made.heap}) in ${made.loadS.toFixed(0)} s; ` +
        `search indexes (title and body ${made.text_idx}, characters ${made.chars_idx}) built in ${made.indexS.toFixed(0)} s`,
    );
  }
  await handle.close();

  const server = await startServer(url);
  try {
    await measure(server.url, options, { manager: manager.token!, [`editor ${units.list[5].code}`]: editor.token! });
  } finally {
    await server.stop();
  }
}

async function measure(baseUrl: string, options: SearchBenchOptions, callers: Record<string, string>) {
  console.log(`\nGET /v1/submissions?q=…&limit=50 over HTTP (${options.runs} runs per kind, after one warm-up)`);
  console.log(`  ${'kind'.padEnd(36)} ${'caller'.padEnd(14)}  matches/page    p50 ms    p95 ms`);
  let slowest = 0;
  for (const [kind, terms] of Object.entries(queryKinds(options.items))) {
    for (const [who, token] of Object.entries(callers)) {
      const result = await timeRuns(options.runs, terms, async (term) => {
        const response = await fetch(`${baseUrl}/v1/submissions?limit=50&q=${encodeURIComponent(term)}`, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`${term}: ${response.status} ${await response.text()}`);
        return ((await response.json()) as { items: unknown[] }).items.length;
      });
      slowest = Math.max(slowest, result.p95);
      console.log(`  ${kind.padEnd(36)} ${who.padEnd(14)} ${result.found.toFixed(1).padStart(12)} ${fmt(result.p50, 1)} ${fmt(result.p95, 1)}`);
    }
  }
  console.log(`  slowest p95: ${slowest.toFixed(1)} ms (target: within 100 ms)`);
}

if (import.meta.main) {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('set BENCH_DATABASE_URL or DATABASE_URL to a Postgres server the bench may create a database on');
  await benchSearch({ adminUrl, items: Number(process.env.BENCH_ITEMS ?? 1_000_000), runs: Number(process.env.BENCH_RUNS ?? 40), reuse: process.env.BENCH_REUSE === '1' });
}
