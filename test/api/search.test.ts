import { Kysely, PostgresDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { BOOTSTRAP_ADMIN } from '../../machines/actors.ts';
import type { Actor } from '../../machines/submission.types.ts';
import type { SearchStep } from '../../src/services/search.ts';
import { SubmissionQueries } from '../../src/services/submission-queries.ts';
import { BOOTSTRAP_TOKEN, callerFor, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

let t: TestApp;
let admin: Caller;
let ordosEditor: Caller;
const ids: Record<string, string> = {};

const ITEMS = {
  homeVisits: { unit: '150600', title: '鄂尔多斯市计生协开展优生优育进家庭活动', body: '活动在康巴什区举行，WeChat 同步直播。' },
  meeting: { unit: '150600', title: '鄂尔多斯市计生协召开工作会议', body: '会议提出全年目标 100% 完成。' },
  lecture: { unit: '150100', title: '呼和浩特市计生协举办优生优育讲座', body: '讲座由市妇幼保健院专家主讲。' },
};

beforeAll(async () => {
  t = await startTestApp({ now: '2024-05-20T10:00:00+08:00' });
  admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  ordosEditor = await createUser(t.app, 'editor', '150600');
  const editors: Record<string, Caller> = { '150600': ordosEditor, '150100': await createUser(t.app, 'editor', '150100') };
  for (const [name, item] of Object.entries(ITEMS)) {
    t.clock.now += 60_000; // one after the other, so that "newest first" has one answer
    const created = await editors[item.unit].post('/v1/submissions', { title: item.title, body: item.body, eventDate: '2024-05-18' });
    expect(created.statusCode, created.body).toBe(201);
    ids[name] = created.json().id;
  }
});
afterAll(async () => {
  await t?.close();
});

const search = async (caller: Caller, query: string) => {
  const response = await caller.get(`/v1/submissions?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Array<{ id: string }>; nextCursor: string | null };
};
const found = async (q: string, caller = admin) =>
  (await search(caller, `q=${encodeURIComponent(q)}`)).items.map((i) => Object.entries(ids).find(([, id]) => id === i.id)?.[0]).sort();

/** `q` on GET /v1/submissions: substring search in Chinese titles and bodies, however short the words. */
describe('search', () => {
  it('finds a Chinese word in titles, across units for those who see them all', async () => {
    expect(await found('优生优育')).toEqual(['homeVisits', 'lecture']);
  });

  it('finds a word that only the body holds', async () => {
    expect(await found('康巴什')).toEqual(['homeVisits']);
    expect(await found('妇幼保健院')).toEqual(['lecture']);
  });

  it('finds one- and two-character words, which have no trigram of their own', async () => {
    expect(await found('会')).toEqual(['meeting']);
    expect(await found('讲座')).toEqual(['lecture']);
    expect(await found('优育')).toEqual(['homeVisits', 'lecture']);
    expect(await found('鹿')).toEqual([]);
  });

  it('ignores the case of Latin letters', async () => {
    expect(await found('wechat')).toEqual(['homeVisits']);
    expect(await found('WECHAT')).toEqual(['homeVisits']);
  });

  it('takes % and _ as themselves, not as patterns', async () => {
    expect(await found('100%')).toEqual(['meeting']);
    expect(await found('%')).toEqual(['meeting']);
    expect(await found('_')).toEqual([]);
  });

  it('wants every word, separated by ordinary or ideographic spaces', async () => {
    expect(await found('优生优育 讲座')).toEqual(['lecture']);
    expect(await found('优生优育\u3000康巴什')).toEqual(['homeVisits']);
    expect(await found('讲座 康巴什')).toEqual([]);
  });

  it('stays within what the caller may see, and with the other filters', async () => {
    expect(await found('优生优育', ordosEditor)).toEqual(['homeVisits']);
    expect((await search(admin, `q=${encodeURIComponent('优生优育')}&unitCode=150100`)).items.map((i) => i.id)).toEqual([ids.lecture]);
    expect((await search(admin, `q=${encodeURIComponent('优生优育')}&state=submitted`)).items).toEqual([]);
  });

  it('pages through the matches, newest first', async () => {
    const first = await search(admin, `q=${encodeURIComponent('优生优育')}&limit=1`);
    expect(first.items.map((i) => i.id)).toEqual([ids.lecture]);
    const second = await search(admin, `q=${encodeURIComponent('优生优育')}&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.id)).toEqual([ids.homeVisits]);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses an empty or over-long query with the usual 400', async () => {
    for (const q of ['', '%20%20', encodeURIComponent('字'.repeat(101))]) {
      const response = await admin.get(`/v1/submissions?q=${q}`);
      expect(response.statusCode, q).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation_failed', details: [{ path: 'querystring.q' }] });
    }
  });

  it('gives the same answers when the newest items do not fill a page and the indexes are asked (small window)', async () => {
    const queries = new SubmissionQueries(t.services.db, t.services.pool, t.services.units, t.clock.read, { search: { window: 1 } });
    const actor = { id: BOOTSTRAP_ADMIN.id, name: 'admin', role: 'admin' as const, unitCode: null };
    const ask = async (q: string) => (await queries.list(actor, { q, limit: 50 })).items.map((i) => i.id).sort();
    expect(await ask('优生优育')).toEqual([ids.homeVisits, ids.lecture].sort());
    expect(await ask('康巴什')).toEqual([ids.homeVisits]);
    expect(await ask('讲座')).toEqual([ids.lecture]);
    expect(await ask('会')).toEqual([ids.meeting]);
    expect(await ask('WECHAT')).toEqual([ids.homeVisits]);
    expect(await ask('优生优育 讲座')).toEqual([ids.lecture]);
    const first = await queries.list(actor, { q: '优生优育', limit: 1 });
    expect(first.items.map((i) => i.id)).toEqual([ids.lecture]);
    const second = await queries.list(actor, { q: '优生优育', limit: 1, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.id)).toEqual([ids.homeVisits]);
  });

  it('has trigram indexes that serve substring search in titles and bodies, short words, several words at once (migration 0011), one unit’s items (0015), periods of time (0016) and characters (0017)', async () => {
    const client = await t.services.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plan = async (where: string) => (await client.query(`EXPLAIN SELECT id FROM items WHERE ${where}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
      // Two words in one scan of the joined text's index, not one word's index and a filter.
      const twoWords = await plan(`(title || E'\\n' || body) LIKE '%优生优育%' AND (title || E'\\n' || body) ILIKE '%wechat%'`);
      expect(twoWords).toContain('Bitmap Index Scan on items_search_text_idx');
      expect(twoWords).not.toMatch(/^\s+Filter:/m);
      // One- and two-character words: the item's characters, lower-cased, through their own index (migration 0017).
      const chars = (await client.query(`SELECT item_search_chars('王芳W', '会议') AS chars`)).rows[0].chars;
      expect(chars).toEqual(['王', '芳', 'w', '\n', '会', '议']);
      const shortWord = await plan(`(item_search_chars(title, body) COLLATE "C") @> regexp_split_to_array(lower('讲座'), '')`);
      expect(shortWord).toMatch(/Bitmap Index Scan on items_search_chars_idx/);
      expect(shortWord).toMatch(/Index Cond: .*@> '\{讲,座\}'/s);
      // Within one unit, the unit is a condition of the same index scan (migration 0015), not a filter on the rows
      // it found: both indexes lead with it. (Which index a plan takes depends on the table's size: the 1M-item
      // search benchmark is where that is measured.)
      const definitions = await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('items_search_text_idx', 'items_search_chars_idx')`);
      expect(definitions.rows).toHaveLength(2);
      for (const row of definitions.rows) expect(row.indexdef).toMatch(/USING gin \(unit_code, item_search_period\(created_at\), /);
      // A read back through time names its 30-day periods, each an exact entry of the same indexes (migration 0016;
      // the function is inlined, so the plan shows its body).
      expect(await plan(`item_search_period(created_at) = 654`)).toMatch(/Bitmap Index Scan on items_search_(chars|text)_idx[^\n]*\n\s+Index Cond: .*2592000.* = 654\)$/m);
      const [{ period }] = (await client.query(`SELECT item_search_period('2024-05-20T10:00:00+08:00') AS period`)).rows;
      expect(period).toBe(Math.floor(Date.parse('2024-05-20T10:00:00+08:00') / (30 * 86_400_000)));
    } finally {
      client.release();
    }
  });

  it('finds the words of an edited title and body, and no longer those it replaced', async () => {
    const created = await ordosEditor.post('/v1/submissions', { title: '鄂尔多斯市计生协走访', body: '看望了失独家庭。', eventDate: '2024-05-18' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    await t.services.db.updateTable('items').set({ title: '鄂尔多斯市计生协慰问', body: '送去了米面油。' }).where('id', '=', id).execute();
    const queries = new SubmissionQueries(t.services.db, t.services.pool, t.services.units, t.clock.read, { search: { window: 1 } });
    const actor = { id: BOOTSTRAP_ADMIN.id, name: 'admin', role: 'admin' as const, unitCode: null };
    const ask = async (q: string) => (await queries.list(actor, { q, limit: 50 })).items.map((i) => i.id);
    expect(await ask('米面')).toEqual([id]);
    expect(await ask('慰问')).toEqual([id]);
    expect(await ask('失独')).toEqual([]);
  });
});

/**
 * A word of middling frequency: the newest items hold a few matches, not a page, so the search
 * reads slices of time going back through the indexes (the steps of `searchItems`). Every way
 * through must give the rows and order of a plain scan, page after page.
 */
describe('search in slices of time', () => {
  const NADAAM = 40;
  let editor: Actor;

  beforeAll(async () => {
    const editors = { '150200': await createUser(t.app, 'editor', '150200'), '150300': await createUser(t.app, 'editor', '150300') };
    editor = { id: editors['150200'].id, name: 'editor', role: 'editor', unitCode: '150200' };
    for (let i = 0; i < NADAAM; i += 1) {
      // Uneven steps of up to 20 days (about ten of the search indexes' 30-day periods in all), and items created at the same instant.
      t.clock.now += i % 4 === 1 ? 0 : ((i * 7919) % 90_001) * 20_000;
      const title = i % 3 === 0 ? `第${i}届那达慕大会开幕` : `第${i}次草原健康行`;
      const body = i % 4 === 0 ? '牧民骑马参加赛马比赛。' : '牧民参加义诊。';
      const eventDate = new Date(t.clock.now + 8 * 3_600_000).toISOString().slice(0, 10); // the day of creation in Shanghai
      const created = await (i % 2 === 0 ? editors['150200'] : editors['150300']).post('/v1/submissions', { title, body, eventDate });
      expect(created.statusCode, created.body).toBe(201);
    }
  });

  const admin: Actor = { id: BOOTSTRAP_ADMIN.id, name: 'admin', role: 'admin', unitCode: null };

  /** Every page of `q` for `actor`, as ids in order, with the steps each search took. */
  async function allPages(queries: SubmissionQueries, actor: Actor, q: string, limit: number) {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queries.list(actor, { q, limit, cursor });
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  it('gives the rows and order of a plain scan, for long, short and several words, for all units and one', async () => {
    const steps = new Set<SearchStep>();
    const plain = new SubmissionQueries(t.services.db, t.services.pool, t.services.units, t.clock.read, { search: { window: 10_000 } });
    const sliced = new SubmissionQueries(t.services.db, t.services.pool, t.services.units, t.clock.read, {
      search: { window: 3, margin: 1, slices: 3 },
      onSearch: (taken) => taken.forEach((step) => steps.add(step)),
    });
    // 马那 and 届马: both characters in one item, never side by side (the characters index finds them, the check drops them).
    for (const q of ['那达慕', '马', '赛马', '那达慕 马', '草原', '开幕 第1', '那达慕 开幕 赛马', '草原健康 义诊', '鹿', '慕大会 鹿', '马那', '届马', '届 马']) {
      for (const actor of [admin, editor]) {
        for (const limit of [1, 2, 5]) {
          const expected = await allPages(plain, actor, q, limit);
          expect(await allPages(sliced, actor, q, limit), `${q} ${actor.role} ${limit}`).toEqual(expected);
        }
      }
    }
    expect((await allPages(plain, admin, '那达慕', 5)).length).toBe(14);
    expect((await allPages(plain, editor, '马', 5)).length).toBe(10);
    // Each step was taken: the window alone, slices of time, and the rest at once.
    expect([...steps].sort()).toEqual(['rest', 'slice', 'window']);
  });

  it('reads no slices where the indexes lack the period (a server without btree_gin), and gives the same answers', async () => {
    const { pool } = t.services;
    const definitions = (await pool.query(`SELECT indexdef FROM pg_indexes WHERE indexname IN ('items_search_text_idx', 'items_search_chars_idx')`)).rows;
    // Migration 0011's layout: the words alone.
    await pool.query(`
      DROP INDEX items_search_text_idx; DROP INDEX items_search_chars_idx;
      CREATE INDEX items_search_text_idx ON items USING gin ((title || E'\\n' || body) gin_trgm_ops);
      CREATE INDEX items_search_chars_idx ON items USING gin ((item_search_chars(title, body) COLLATE "C"))`);
    // A database handle of its own: which indexes there are is remembered per handle.
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    try {
      const steps = new Set<SearchStep>();
      const plain = new SubmissionQueries(db, pool, t.services.units, t.clock.read, { search: { window: 10_000 } });
      const sliced = new SubmissionQueries(db, pool, t.services.units, t.clock.read, {
        search: { window: 3, margin: 1, slices: 3 },
        onSearch: (taken) => taken.forEach((step) => steps.add(step)),
      });
      for (const q of ['那达慕', '马', '赛马 第1', '马那']) {
        for (const actor of [admin, editor]) expect(await allPages(sliced, actor, q, 2), `${q} ${actor.role}`).toEqual(await allPages(plain, actor, q, 2));
      }
      expect([...steps].sort()).toEqual(['rest', 'window']);
    } finally {
      await pool.query(`DROP INDEX items_search_text_idx; DROP INDEX items_search_chars_idx; ${definitions.map((row) => row.indexdef).join('; ')}`);
    }
  });
});
