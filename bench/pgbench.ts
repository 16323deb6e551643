import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMAND_SQL } from '../db/queries/item-commands.ts';
import { installed } from '../test/support/programs.ts';

/**
 * The commands baseline the issue names: pgbench running the service's own two statements (the
 * read, then the write CTE), same text, prepared, on as many connections as the service's pool.
 *
 * pgbench cannot make strings, so the values come from the database: every 16 transactions a client
 * looks up its next item by external id (one cheap extra statement per 64 commands), and the read's
 * columns (\gset) feed the write. A pgbench variable holding NULL reaches the server as the text
 * "NULL", and one cannot hold an empty string, so parameters that are null for these items are
 * written as NULL in the script, and the absent idempotency key as ''.
 */

export interface PgbenchOptions {
  databaseUrl: string;
  connections: number;
  seconds: number;
  items: number;
  reviewer: { id: string; name: string };
  /** One item's row as `SELECT * FROM items` returns it: which columns are null. */
  sample: Record<string, unknown>;
}

const LOOKUP_EVERY = 16;

function withPlaceholders(sql: string, values: Map<number, string>): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values.get(Number(n));
    if (value === undefined) throw new Error(`no value for $${n}`);
    return value;
  });
}

/** The write statement for a claim (claimedBy = the reviewer) or an unclaim (claimedBy = null). */
function writeStatement(claim: boolean, sample: Record<string, unknown>): string {
  const values = new Map<number, string>();
  COMMAND_SQL.changeColumns.forEach((column, i) => {
    if (column === 'claimed_by') values.set(i + 1, claim ? ':reviewer' : 'NULL');
    else values.set(i + 1, sample[column] === null ? 'NULL' : `:r_${column}`);
  });
  const p = COMMAND_SQL.placeholders;
  const set = (placeholder: string, value: string) => values.set(Number(placeholder.slice(1)), value);
  set(p.now, ':now');
  set(p.action, claim ? ':claim' : ':unclaim');
  set(p.fromState, ':r_state');
  set(p.actorId, ':reviewer');
  set(p.actorName, ':reviewer_name');
  set(p.actorRole, ':role');
  set(p.outbox, ':no_outbox');
  for (const nulled of [p.reason, p.signer, p.idemKey, p.idemHash, p.idemStatus, p.idemResponse]) set(nulled, 'NULL');
  set(p.id, ':item_id');
  set(p.versionOrUnit, ':r_version');
  return withPlaceholders(COMMAND_SQL.update, values);
}

export function pgbenchScript(sample: Record<string, unknown>): string {
  const read = withPlaceholders(COMMAND_SQL.read, new Map([[1, ':item_id'], [2, ':reviewer'], [3, "''"]]));
  const oneLine = (sql: string) => sql.replace(/--[^\n]*/g, '').replace(/\s+/g, ' ').trim();
  const command = (claim: boolean) => [`${oneLine(read)} \\gset r_`, `${oneLine(writeStatement(claim, sample))};`];
  return [
    '\\set step :step + 1',
    `\\if :step % ${LOOKUP_EVERY} = 1`,
    `\\set n :client_id + :clients * ((:step / ${LOOKUP_EVERY}) % (:items / :clients))`,
    "SELECT id AS item_id FROM items WHERE external_id = 'bench-' || :n \\gset",
    '\\endif',
    ...command(true),
    ...command(false),
    '',
  ].join('\n');
}

/**
 * Writes the script and returns a run of pgbench for `seconds` (two commands, a claim and its
 * unclaim, per pgbench transaction); undefined when pgbench is not installed.
 */
export function pgbenchRunner(options: PgbenchOptions): (() => Promise<{ rate: number; latencyMs: number; failures: number }>) | undefined {
  if (!installed('pgbench')) return undefined;
  const script = path.join(os.tmpdir(), `nmg-bench-commands-${process.pid}.sql`);
  writeFileSync(script, pgbenchScript(options.sample));
  const define = (name: string, value: string | number) => ['-D', `${name}=${value}`];
  const args = [
    '-n', '-M', 'prepared', '-c', String(options.connections), '-j', '2', '-T', String(options.seconds), '-f', script,
    ...define('step', 0), ...define('clients', options.connections), ...define('items', options.items),
    ...define('reviewer', options.reviewer.id), ...define('reviewer_name', options.reviewer.name), ...define('role', 'reviewer'),
    ...define('claim', 'claim'), ...define('unclaim', 'unclaim'), ...define('no_outbox', '[]'),
    ...define('now', new Date().toISOString()),
    options.databaseUrl,
  ];
  return () => new Promise((resolve, reject) => {
    execFile('pgbench', args, (error, stdout, stderr) => {
      if (error) return reject(new Error(`pgbench failed: ${stderr || error.message}`));
      const number = (pattern: RegExp) => Number(pattern.exec(stdout)?.[1] ?? NaN);
      resolve({
        rate: 2 * number(/tps = ([\d.]+)/),
        latencyMs: number(/latency average = ([\d.]+) ms/) / 2,
        failures: number(/number of failed transactions: (\d+)/) || 0,
      });
    });
  });
}
