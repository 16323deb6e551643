import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMAND_SQL, RECORD_COLUMNS } from '../db/queries/item-commands.ts';
import { installed } from '../test/support/programs.ts';

/**
 * The commands baseline the issue names: pgbench running the service's own two statements (the
 * read, then the write CTE), same text, prepared, on as many connections as the service's pool.
 *
 * pgbench cannot make strings, so the values come from the database. One script run is a batch:
 * one statement looks up the client's next ITEMS_PER_RUN items by external id (\gset), then each
 * is claimed and, after the whole batch, unclaimed, so that consecutive commands touch different
 * items, as the service's load does (one item claimed again and again would be served from hot
 * cache lines, flattering the baseline). Each command's read feeds its write (\gset r_). A pgbench
 * variable holding NULL reaches the server as the text "NULL", and one cannot hold an empty string,
 * so parameters that are null for these items are written as NULL in the script, and the absent
 * idempotency key as ''. The columns that the service takes from the snapshot rather than from the
 * read (the machine's mirrored fields) are the same for every bench item: they come from the sample.
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

/** Items per script run: two commands each, and one lookup statement for all of them. */
const ITEMS_PER_RUN = 16;
const COMMANDS_PER_RUN = 2 * ITEMS_PER_RUN;

function withPlaceholders(sql: string, values: Map<number, string>): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = values.get(Number(n));
    if (value === undefined) throw new Error(`no value for $${n}`);
    return value;
  });
}

const readColumns = new Set<string>(RECORD_COLUMNS);

/** pgbench variables for the written columns that the read does not return, from the sample item. */
function sampleDefinitions(sample: Record<string, unknown>): string[] {
  return Object.keys(COMMAND_SQL.columns)
    .filter((column) => !readColumns.has(column) && column !== 'claimed_by' && sample[column] !== null)
    .flatMap((column) => {
      const value = sample[column];
      return ['-D', `s_${column}=${value instanceof Date ? value.toISOString() : String(value)}`];
    });
}

/** The write statement for a claim (claimedBy = the reviewer) or an unclaim (claimedBy = null). */
function writeStatement(claim: boolean, item: string, sample: Record<string, unknown>): string {
  const values = new Map<number, string>();
  const set = (placeholder: string, value: string) => values.set(Number(placeholder.slice(1)), value);
  for (const [column, placeholder] of Object.entries(COMMAND_SQL.columns)) {
    if (column === 'claimed_by') set(placeholder, claim ? ':reviewer' : 'NULL');
    else if (sample[column] === null) set(placeholder, 'NULL');
    else set(placeholder, readColumns.has(column) ? `:r_${column}` : `:s_${column}`);
  }
  const p = COMMAND_SQL.placeholders;
  set(p.now, ':now');
  set(p.action, claim ? ':claim' : ':unclaim');
  set(p.fromState, ':r_state');
  set(p.actorId, ':reviewer');
  set(p.actorName, ':reviewer_name');
  set(p.actorRole, ':role');
  set(p.outbox, ':no_outbox');
  for (const nulled of [p.reason, p.signer, p.idemKey, p.idemHash, p.idemStatus, p.idemResponse, p.details]) set(nulled, 'NULL');
  set(p.id, item);
  set(p.versionOrUnit, ':r_version');
  return withPlaceholders(COMMAND_SQL.update, values);
}

const oneLine = (sql: string) => sql.replace(/--[^\n]*/g, '').replace(/\s+/g, ' ').trim();

export function pgbenchScript(sample: Record<string, unknown>): string {
  const items = Array.from({ length: ITEMS_PER_RUN }, (_, j) => `:item_${j}`);
  const lookups = items.map((item, j) =>
    `(SELECT id FROM items WHERE external_id = 'bench-' || (:client_id + :clients * ((:first + ${j}) % :per))) AS ${item.slice(1)}`);
  const command = (claim: boolean) => (item: string) => [
    `${oneLine(withPlaceholders(COMMAND_SQL.read, new Map([[1, item], [2, ':reviewer'], [3, "''"]])))} \\gset r_`,
    `${oneLine(writeStatement(claim, item, sample))};`,
  ];
  return [
    `\\set first (:run * ${ITEMS_PER_RUN}) % :per`,
    '\\set run :run + 1',
    `SELECT ${lookups.join(', ')} \\gset`,
    ...items.flatMap(command(true)),
    ...items.flatMap(command(false)),
    '',
  ].join('\n');
}

/**
 * The latency variant: one command per transaction (a claim or an unclaim), so that pgbench's
 * per-transaction latency is a per-command latency. Each client walks its own share of the items,
 * claiming all of them, then unclaiming all of them, as the service's load does. The lookup of the
 * client's next item by external id is folded into the read as a subquery (the read returns the id
 * the write needs), so that a command is two statements, as in the service, not three.
 */
export function pgbenchLatencyScript(sample: Record<string, unknown>): string {
  const item = "(SELECT id FROM items WHERE external_id = 'bench-' || :item_number)";
  return [
    '\\set item_number :client_id + :clients * (:run % :per)',
    '\\set claiming ((:run / :per) % 2) = 0',
    '\\set run :run + 1',
    `${oneLine(withPlaceholders(COMMAND_SQL.read, new Map([[1, item], [2, ':reviewer'], [3, "''"]])))} \\gset r_`,
    '\\if :claiming',
    `${oneLine(writeStatement(true, ':r_id', sample))};`,
    '\\else',
    `${oneLine(writeStatement(false, ':r_id', sample))};`,
    '\\endif',
    '',
  ].join('\n');
}

/** pgbench's arguments for a script over the bench items, less the duration and the database. */
function pgbenchArgs(options: PgbenchOptions, script: string): string[] {
  const define = (name: string, value: string | number) => ['-D', `${name}=${value}`];
  return [
    '-n', '-M', 'prepared', '-c', String(options.connections), '-j', '2', '-f', script,
    ...define('run', 0), ...define('clients', options.connections), ...define('per', Math.floor(options.items / options.connections)),
    ...define('reviewer', options.reviewer.id), ...define('reviewer_name', options.reviewer.name), ...define('role', 'reviewer'),
    ...define('claim', 'claim'), ...define('unclaim', 'unclaim'), ...define('no_outbox', '[]'),
    ...define('now', new Date().toISOString()), ...sampleDefinitions(options.sample),
  ];
}

function runPgbench(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('pgbench', args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`pgbench failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

const failedTransactions = (stdout: string) => Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);

/**
 * Writes the script and returns a run of pgbench for `seconds` (a claim and an unclaim of
 * ITEMS_PER_RUN items per script run); undefined when pgbench is not installed.
 */
export function pgbenchRunner(options: PgbenchOptions): (() => Promise<{ rate: number; latencyMs: number; failures: number }>) | undefined {
  if (!installed('pgbench')) return undefined;
  const script = path.join(os.tmpdir(), `nmg-bench-commands-${process.pid}.sql`);
  writeFileSync(script, pgbenchScript(options.sample));
  const args = [...pgbenchArgs(options, script), '-T', String(options.seconds), options.databaseUrl];
  return async () => {
    const stdout = await runPgbench(args);
    const number = (pattern: RegExp) => Number(pattern.exec(stdout)?.[1] ?? NaN);
    return {
      rate: COMMANDS_PER_RUN * number(/tps = ([\d.]+)/),
      latencyMs: number(/latency average = ([\d.]+) ms/) / COMMANDS_PER_RUN,
      failures: failedTransactions(stdout),
    };
  };
}

/**
 * A run of the latency script at a constant `rate` (commands, so transactions, per second) for
 * `seconds`, with a log line per transaction. With --rate pgbench schedules each transaction
 * (a Poisson process) and logs its latency from the scheduled start, so a transaction that
 * waits for a free connection counts its wait. Returns every command's latency in ms, sorted.
 * Undefined when pgbench is not installed.
 */
export function pgbenchAtRate(options: PgbenchOptions): ((rate: number) => Promise<{ latencies: number[]; failures: number }>) | undefined {
  if (!installed('pgbench')) return undefined;
  const directory = mkdtempSync(path.join(os.tmpdir(), 'nmg-bench-latency-'));
  const script = path.join(directory, 'latency.sql');
  writeFileSync(script, pgbenchLatencyScript(options.sample));
  return async (rate) => {
    const prefix = path.join(directory, 'log');
    const stdout = await runPgbench([
      ...pgbenchArgs(options, script), '-T', String(options.seconds), '--rate', String(rate), '-l', '--log-prefix', prefix, options.databaseUrl,
    ]);
    // Each line: client, transaction, latency in µs (from the scheduled start), script, epoch s, µs, schedule lag µs.
    const latencies: number[] = [];
    for (const log of readdirSync(directory).filter((file) => file.startsWith('log')).map((file) => path.join(directory, file))) {
      for (const line of readFileSync(log, 'utf8').split('\n')) {
        const fields = line.split(' ');
        if (fields.length >= 7 && fields[2] !== 'failed' && fields[2] !== 'skipped') latencies.push(Number(fields[2]) / 1000);
      }
      rmSync(log);
    }
    latencies.sort((a, b) => a - b);
    return { latencies, failures: failedTransactions(stdout) };
  };
}
