import { describe, expect, it } from 'vitest';
import { testDatabaseClient } from '../support/database.ts';

/**
 * Every command rewrites its item's `snapshot`, `version` and `updated_at`. Postgres keeps a new row
 * version out of the indexes (a heap-only update) only when no indexed column changed, so an index
 * that reads one of these columns, even inside an expression or a predicate, makes every command
 * write an entry into each of the table's indexes, the trigram ones included (migration 0018).
 */
const REWRITTEN_BY_EVERY_COMMAND = ['snapshot', 'version', 'updated_at'];

describe('the items table', () => {
  const database = testDatabaseClient();

  it('has no index that reads a column every command rewrites', async () => {
    // The columns each index reads: its key columns, and those its expressions and predicate name.
    const { rows } = await database().query<{ index: string; columns: string[] }>(`
      SELECT i.indexrelid::regclass::text AS index,
        array(SELECT a.attname FROM pg_attribute a
              WHERE a.attrelid = i.indrelid AND a.attnum > 0 AND NOT a.attisdropped
                AND (a.attnum = ANY (i.indkey)
                  OR pg_get_expr(i.indexprs, i.indrelid) ~ ('\\m' || a.attname || '\\M')
                  OR pg_get_expr(i.indpred, i.indrelid) ~ ('\\m' || a.attname || '\\M')))::text[] AS columns
      FROM pg_index i WHERE i.indrelid = 'items'::regclass`);
    expect(rows.length).toBeGreaterThan(10);
    const offending = rows.filter((r) => r.columns.some((c) => REWRITTEN_BY_EVERY_COMMAND.includes(c)));
    expect(offending).toEqual([]);
    // The check sees expression columns (the search index reads title and body through one).
    expect(rows.find((r) => r.index === 'items_search_text_idx')?.columns).toEqual(expect.arrayContaining(['title', 'body', 'created_at']));
  });

  it('leaves room on each page for a row’s next version', async () => {
    const { rows } = await database().query<{ options: string[] | null }>(`SELECT reloptions AS options FROM pg_class WHERE oid = 'items'::regclass`);
    expect(rows[0].options).toContain('fillfactor=70');
  });

  it('takes a rewrite of the machine state as a heap-only update', async () => {
    // Within one transaction, so that its own statistics tell (pg_stat_get_xact_*): no flush to wait for.
    await database().query('BEGIN');
    try {
      const { rows } = await database().query<{ id: string }>(`
        INSERT INTO items (unit_code, title, body, event_date, state, state_entered_at, due_at, stale_at, snapshot,
          machine_version, created_at, updated_at)
        SELECT code, '标题', repeat('正文内容。', 80), current_date, 'submitted', now(), now(), now(),
          '{"value": "submitted", "context": {"claimedBy": null}}', 1, now(), now()
        FROM units ORDER BY code LIMIT 1
        RETURNING id`);
      expect(rows).toHaveLength(1);
      await database().query(
        `UPDATE items SET snapshot = '{"value": "submitted", "context": {"claimedBy": "someone"}}', version = version + 1, updated_at = now()
         WHERE id = $1`,
        [rows[0].id],
      );
      const counts = await database().query<{ updated: string; hot: string }>(`
        SELECT pg_stat_get_xact_tuples_updated('items'::regclass) AS updated, pg_stat_get_xact_tuples_hot_updated('items'::regclass) AS hot`);
      expect(counts.rows[0]).toEqual({ updated: '1', hot: '1' });
    } finally {
      await database().query('ROLLBACK');
    }
  });
});
