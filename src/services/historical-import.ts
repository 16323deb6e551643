import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { initialContext, MACHINE_VERSION } from '../../machines/submission.machine.ts';
import type { PersistedSubmission } from '../../machines/submission.runtime.ts';
import type { Actor, ScoreKind, SubmissionState } from '../../machines/submission.types.ts';
import { pointsFor, rulesForYear, type Points } from './scoring-rules.ts';
import { computeDeadlines, type DeadlineRules } from '../time/deadlines.ts';
import { isValidDate, shanghaiDate, startOfDay, yearOf } from '../time/shanghai.ts';
import type { WorkCalendar } from '../time/work-calendar.ts';
import type { UnitDirectory } from './unit-directory.ts';

const instant = z.iso.datetime({ offset: true });
const optionalInstant = z.preprocess((v) => (v === '' || v === null ? undefined : v), instant.optional());
const flag = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const text = v.trim().toLowerCase();
  if (text === '') return undefined;
  return ['true', '1', 'yes', '是'].includes(text) ? true : ['false', '0', 'no', '否'].includes(text) ? false : v;
}, z.boolean().optional());

/** One record of the old portal. Times are ISO 8601 with an offset. */
export const importRow = z.object({
  externalId: z.coerce.string().trim().min(1).max(200),
  unitCode: z.coerce.string().trim().min(1),
  title: z.string().trim().min(1).max(500),
  body: z.string().max(50_000).optional().default(''),
  eventDate: z.string().refine(isValidDate, 'must be a calendar date YYYY-MM-DD'),
  major: flag,
  kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['news', 'case']).optional()),
  submittedAt: optionalInstant,
  adoptedAt: optionalInstant,
  rejectedAt: optionalInstant,
  forwardedAt: optionalInstant,
  nationalAdoptedAt: optionalInstant,
  nationalDeclinedAt: optionalInstant,
});
export type ImportRow = z.infer<typeof importRow>;

export interface ImportError {
  index: number;
  code: string;
  message: string;
}

export interface ImportResult {
  created: number;
  unchanged: number;
  errors: ImportError[];
}

interface Step {
  action: string;
  from: SubmissionState | null;
  to: SubmissionState;
  at: number;
  award?: ScoreKind;
}

/** The steps an item went through, from its times; or why the times cannot be. */
export function stepsOf(row: ImportRow): { steps: Step[] } | { error: Omit<ImportError, 'index'> } {
  const t = (value: string | undefined) => (value === undefined ? undefined : Date.parse(value));
  const submitted = t(row.submittedAt);
  const adopted = t(row.adoptedAt);
  const rejected = t(row.rejectedAt);
  const forwarded = t(row.forwardedAt);
  const nationalAdopted = t(row.nationalAdoptedAt);
  const nationalDeclined = t(row.nationalDeclinedAt);
  const fail = (code: string, message: string) => ({ error: { code, message } });

  if (adopted !== undefined && rejected !== undefined) return fail('conflicting_outcome', 'adopted and rejected');
  if (nationalAdopted !== undefined && nationalDeclined !== undefined) {
    return fail('conflicting_outcome', 'adopted and declined by the national association');
  }
  if ((adopted !== undefined || rejected !== undefined) && submitted === undefined) {
    return fail('missing_time', 'a decision without submittedAt');
  }
  const national = nationalAdopted ?? nationalDeclined;
  if ((forwarded !== undefined || national !== undefined) && adopted === undefined) {
    return fail('missing_time', 'forwarded or national outcome without adoptedAt');
  }
  const order: Array<[string, number | undefined]> = [
    ['submittedAt', submitted],
    ['adoptedAt', adopted ?? rejected],
    ['forwardedAt', forwarded],
    ['nationalAt', national],
  ];
  let previous: [string, number] | null = null;
  for (const [name, value] of order) {
    if (value === undefined) continue;
    if (previous && value < previous[1]) return fail('inconsistent_times', `${name} is before ${previous[0]}`);
    previous = [name, value];
  }
  if (submitted !== undefined && submitted < startOfDay(row.eventDate)) {
    return fail('inconsistent_times', 'submittedAt is before the event date');
  }

  const steps: Step[] = [];
  if (submitted === undefined) return { steps };
  steps.push({ action: 'sign_off', from: 'draft', to: 'submitted', at: submitted, award: 'submitted' });
  if (rejected !== undefined) steps.push({ action: 'reject', from: 'submitted', to: 'rejected', at: rejected });
  if (adopted !== undefined) steps.push({ action: 'adopt', from: 'submitted', to: 'adopted', at: adopted, award: 'adopted' });
  if (forwarded !== undefined || national !== undefined) {
    // The old portal may not know when an item was forwarded: then it was at the latest when the answer came.
    steps.push({ action: 'forward_national', from: 'adopted', to: 'forwarded_national', at: forwarded ?? (national as number) });
  }
  if (nationalAdopted !== undefined) {
    steps.push({ action: 'record_national_adoption', from: 'forwarded_national', to: 'national_adopted', at: nationalAdopted, award: 'national_adopted' });
  }
  if (nationalDeclined !== undefined) {
    steps.push({ action: 'record_national_decline', from: 'forwarded_national', to: 'national_declined', at: nationalDeclined });
  }
  return { steps };
}

export interface ImportDeps {
  db: Kysely<Database>;
  units: UnitDirectory;
  calendar: WorkCalendar;
  rules: DeadlineRules;
}

const BATCH = 1_000;

/**
 * Imports the old portal's items with their history and ledger entries dated at their own times.
 * The same `externalId` again changes nothing; a bad row is reported by index and the rest go in.
 * Each batch is one transaction of three set-based inserts, so tens of thousands of rows are fine.
 */
export async function importSubmissions(deps: ImportDeps, actor: Actor, rows: unknown[]): Promise<ImportResult> {
  const errors: ImportError[] = [];
  const valid: Array<{ index: number; row: ImportRow; steps: Step[] }> = [];
  const seen = new Set<string>();
  rows.forEach((raw, index) => {
    const parsed = importRow.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      errors.push({ index, code: 'invalid_row', message: `${issue.path.join('.') || 'row'}: ${issue.message}` });
      return;
    }
    const row = parsed.data;
    if (!deps.units.get(row.unitCode)) {
      errors.push({ index, code: 'unknown_unit', message: `no unit ${row.unitCode}` });
      return;
    }
    if (seen.has(row.externalId)) {
      errors.push({ index, code: 'duplicate_external_id', message: `externalId ${row.externalId} appears twice in this request` });
      return;
    }
    const result = stepsOf(row);
    if ('error' in result) {
      errors.push({ index, ...result.error });
      return;
    }
    seen.add(row.externalId);
    valid.push({ index, row, steps: result.steps });
  });

  let created = 0;
  const rulesCache = new Map<number, Points | undefined>();
  const rulesOfYear = async (year: number) => {
    if (!rulesCache.has(year)) rulesCache.set(year, await rulesForYear(deps.db, year));
    return rulesCache.get(year);
  };
  for (let start = 0; start < valid.length; start += BATCH) {
    created += await importBatch(deps, actor, valid.slice(start, start + BATCH), rulesOfYear);
  }
  return { created, unchanged: valid.length - created, errors: errors.sort((a, b) => a.index - b.index) };
}

async function importBatch(
  deps: ImportDeps,
  actor: Actor,
  batch: Array<{ row: ImportRow; steps: Step[] }>,
  rulesOfYear: (year: number) => Promise<Points | undefined>,
): Promise<number> {
  // Rows imported before change nothing: do not even prepare them.
  const existing = new Set(
    (await deps.db.selectFrom('items').select('external_id').where('external_id', 'in', batch.map((b) => b.row.externalId)).execute()).map(
      (r) => r.external_id,
    ),
  );
  const fresh = batch.filter(({ row }) => !existing.has(row.externalId));
  if (fresh.length === 0) return 0;
  const prepared = await Promise.all(fresh.map(async ({ row, steps }) => prepareItem(deps, row, steps, rulesOfYear)));
  return deps.db.transaction().execute(async (tx) => {
    const { rows: inserted } = await sql<{ id: string }>`
      INSERT INTO items (id, unit_code, external_id, title, body, event_date, major, kind, wechat_url, state, state_entered_at,
        late, due_at, stale_at, deadline_provisional, first_submitted_at, submitted_at, adopted_at, decided_at,
        national_adopted_at, snapshot, machine_version, version, created_by, created_at, updated_at)
      SELECT id, unit_code, external_id, title, body, event_date, major, kind, NULL, state, state_entered_at,
        late, due_at, stale_at, deadline_provisional, first_submitted_at, submitted_at, adopted_at, decided_at,
        national_adopted_at, snapshot, ${MACHINE_VERSION}, version, ${actor.id}::uuid, created_at, updated_at
      FROM jsonb_to_recordset(${JSON.stringify(prepared.map((p) => p.item))}::jsonb) AS r(
        id uuid, unit_code text, external_id text, title text, body text, event_date date, major boolean, kind text,
        state text, state_entered_at timestamptz, late boolean, due_at timestamptz, stale_at timestamptz,
        deadline_provisional boolean, first_submitted_at timestamptz, submitted_at timestamptz, adopted_at timestamptz,
        decided_at timestamptz, national_adopted_at timestamptz, snapshot jsonb, version int, created_at timestamptz,
        updated_at timestamptz)
      ON CONFLICT (external_id) DO NOTHING
      RETURNING id`.execute(tx);
    if (inserted.length === 0) return 0;
    const createdIds = new Set(inserted.map((r) => r.id));
    const mine = prepared.filter((p) => createdIds.has(p.item.id));
    await sql`
      INSERT INTO item_history (item_id, unit_code, seq, action, from_state, to_state, actor_id, actor_name, actor_role, reason, signer,
        at, stay_seconds)
      SELECT item_id, unit_code, seq, action, from_state, to_state, ${actor.id}::uuid, ${actor.name}, ${actor.role}, reason, NULL,
        at, stay_seconds
      FROM jsonb_to_recordset(${JSON.stringify(mine.flatMap((p) => p.history))}::jsonb) AS r(
        item_id uuid, unit_code text, seq int, action text, from_state text, to_state text, reason text, at timestamptz,
        stay_seconds double precision)`.execute(tx);
    const ledger = mine.flatMap((p) => p.ledger);
    if (ledger.length > 0) {
      await sql`
        INSERT INTO score_entries (item_id, history_seq, unit_code, kind, points, occurred_at, occurred_on)
        SELECT item_id, history_seq, unit_code, kind, points, occurred_at, occurred_on
        FROM jsonb_to_recordset(${JSON.stringify(ledger)}::jsonb) AS r(
          item_id uuid, history_seq int, unit_code text, kind text, points int, occurred_at timestamptz, occurred_on date)
        ON CONFLICT DO NOTHING`.execute(tx);
    }
    return inserted.length;
  });
}

async function prepareItem(
  deps: ImportDeps,
  row: ImportRow,
  steps: Step[],
  rulesOfYear: (year: number) => Promise<Points | undefined>,
) {
  const id = randomUUID();
  const deadlines = computeDeadlines(row.eventDate, row.major ?? false, deps.calendar, deps.rules);
  const createdAt = steps[0]?.at ?? startOfDay(row.eventDate);
  const last = steps.at(-1);
  const state: SubmissionState = last?.to ?? 'draft';
  const at = (kind: string) => steps.find((s) => s.action === kind)?.at ?? null;
  const submittedAt = at('sign_off');
  const adoptedAt = at('adopt');
  const decidedAt = adoptedAt ?? at('reject');
  const nationalAdoptedAt = at('record_national_adoption');
  // The snapshot the machine would hold after these steps (stored as its persisted form).
  const snapshot: PersistedSubmission = {
    value: state,
    context: {
      ...initialContext({ unitCode: row.unitCode, dueAt: deadlines.dueAt, staleAt: deadlines.staleAt }),
      late: submittedAt !== null && submittedAt > deadlines.dueAt,
      firstSubmittedAt: submittedAt,
      submittedAt,
      adoptedAt,
      decidedAt,
      nationalAdoptedAt,
    },
  };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const history = [
    { item_id: id, unit_code: row.unitCode, seq: 1, action: 'import', from_state: null, to_state: 'draft', reason: `imported ${row.externalId}`, at: iso(createdAt) },
    ...steps.map((step, i) => ({
      item_id: id,
      unit_code: row.unitCode,
      seq: i + 2,
      action: step.action,
      from_state: step.from,
      to_state: step.to,
      reason: null,
      at: iso(step.at),
      // The old portal knows no time in draft; after that, each stay lasted until the next step.
      stay_seconds: i === 0 ? null : (step.at - steps[i - 1].at) / 1000,
    })),
  ];
  const ledger = [];
  for (const [i, step] of steps.entries()) {
    if (!step.award) continue;
    const day = shanghaiDate(step.at);
    const rules = await rulesOfYear(yearOf(day));
    if (!rules) throw new Error('no scoring rules defined');
    ledger.push({
      item_id: id,
      history_seq: i + 2,
      unit_code: row.unitCode,
      kind: step.award,
      points: pointsFor(rules, step.award),
      occurred_at: iso(step.at),
      occurred_on: day,
    });
  }
  return {
    item: {
      id,
      unit_code: row.unitCode,
      external_id: row.externalId,
      title: row.title,
      body: row.body,
      event_date: row.eventDate,
      major: row.major ?? false,
      kind: row.kind ?? 'news',
      state,
      state_entered_at: iso(last?.at ?? createdAt),
      late: snapshot.context.late,
      due_at: iso(deadlines.dueAt),
      stale_at: iso(deadlines.staleAt),
      deadline_provisional: deadlines.provisional,
      first_submitted_at: iso(submittedAt),
      submitted_at: iso(submittedAt),
      adopted_at: iso(adoptedAt),
      decided_at: iso(decidedAt),
      national_adopted_at: iso(nationalAdoptedAt),
      snapshot,
      version: history.length,
      created_at: iso(createdAt),
      updated_at: iso(last?.at ?? createdAt),
    },
    history,
    ledger,
  };
}
