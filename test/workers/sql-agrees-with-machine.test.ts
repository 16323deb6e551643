import { describe, expect, it } from 'vitest';
import { statesTagged } from '../../machines/submission.runtime.ts';
import { STATES, type StateTag } from '../../machines/submission.types.ts';
import { SWEPT_STATES } from '../../workers/sweeper.ts';
import { testDatabaseClient } from '../support/database.ts';

/**
 * The lists of states that SQL keeps (partial indexes, the generated `queue_deadline` column, the
 * rollup triggers) read from the migrated database's catalog and compared with the machine's tags:
 * a change to either that the other does not follow fails here.
 */
const database = testDatabaseClient();

/** The states a SQL condition names: `state = ANY (ARRAY['a'::text, …])` or `state = 'a'::text`. */
function statesIn(condition: string): string[] {
  const list = /state = ANY \(ARRAY\[([^\]]*)\]\)/.exec(condition);
  const single = /state = '([a-z_]+)'::text/.exec(condition);
  const names = list ? [...list[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]) : single ? [single[1]] : [];
  return [...names].sort();
}

const sorted = (states: readonly string[]) => [...states].sort();
const union = (...tags: StateTag[]) => sorted([...new Set(tags.flatMap((tag) => statesTagged(tag)))]);

/** Each partial index on items that names states, with the tags its list must equal. */
const INDEX_TAGS: Record<string, StateTag[]> = {
  items_due_idx: ['late_able'],
  items_stale_idx: ['expirable'],
  items_waiting_idx: ['queue:approver', 'queue:reviewer'],
};

async function partialIndexes(): Promise<Map<string, string>> {
  const { rows } = await database().query<{ name: string; predicate: string }>(`
    SELECT c.relname AS name, pg_get_expr(i.indpred, i.indrelid) AS predicate
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = 'items'::regclass AND i.indpred IS NOT NULL`);
  return new Map(rows.map((r) => [r.name, r.predicate]));
}

describe('SQL and the machine agree on lists of states', () => {
  it('gives every partial index on items that names states the states of its tags', async () => {
    const indexes = await partialIndexes();
    const naming = [...indexes].filter(([, predicate]) => statesIn(predicate).length > 0).map(([name]) => name);
    // A new index with a list of states must be added to INDEX_TAGS (and so compared) here.
    expect(sorted(naming)).toEqual(sorted(Object.keys(INDEX_TAGS)));
    for (const [name, tags] of Object.entries(INDEX_TAGS)) {
      expect(statesIn(indexes.get(name) ?? ''), name).toEqual(union(...tags));
    }
  });

  it('orders task queues by the due date while an item can be late, by the stale date while it can expire', async () => {
    const { rows } = await database().query<{ expression: string }>(`
      SELECT pg_get_expr(d.adbin, d.adrelid) AS expression
      FROM pg_attrdef d JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
      WHERE d.adrelid = 'items'::regclass AND a.attname = 'queue_deadline'`);
    const branches = [...rows[0].expression.matchAll(/WHEN (.*?) THEN (\w+)/g)].map((m) => ({ states: statesIn(m[1]), column: m[2] }));
    expect(branches).toEqual([
      { states: union('late_able'), column: 'due_at' },
      { states: sorted(statesTagged('expirable').filter((state) => !statesTagged('late_able').includes(state))), column: 'stale_at' },
    ]);
  });

  it('has the sweeper look for exactly the states its indexes cover', async () => {
    const indexes = await partialIndexes();
    expect(sorted(SWEPT_STATES.late)).toEqual(statesIn(indexes.get('items_due_idx') ?? ''));
    expect(sorted(SWEPT_STATES.stale)).toEqual(statesIn(indexes.get('items_stale_idx') ?? ''));
    expect(SWEPT_STATES.staleSoon).toEqual(['submitted']);
    expect(SWEPT_STATES.signoffWaiting).toEqual(['awaiting_signoff']);
  });

  it('keeps no list of states in the rollup triggers or any other function: they follow the history rows', async () => {
    const { rows } = await database().query<{ name: string; source: string }>(`
      SELECT p.proname AS name, p.prosrc AS source FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public'`);
    expect(rows.map((r) => r.name)).toContain('item_history_apply');
    for (const { name, source } of rows) {
      const named = STATES.filter((state) => source.includes(`'${state}'`));
      expect(named, name).toEqual([]);
    }
  });

  it('reads the lists it compares (a parser that found nothing would prove nothing)', () => {
    expect(statesIn(`(state = ANY (ARRAY['draft'::text, 'submitted'::text]))`)).toEqual(['draft', 'submitted']);
    expect(statesIn(`(state = 'submitted'::text)`)).toEqual(['submitted']);
  });
});
