import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { shanghaiDate } from '../time/shanghai.ts';
import { governingYearFirst } from './scoring-rules.ts';

/** Commission rules (约稿) per year: points for an answer on time, penalty per miss. */
export interface CommissionPoints {
  answeredOnTime: number;
  missPenalty: number;
}

export interface CommissionYearRules extends CommissionPoints {
  year: number;
  /** The year whose rules apply when this one has none of its own; null when they are its own. */
  inheritedFrom: number | null;
}

interface RulesRow {
  year: number;
  answered_on_time: number;
  miss_penalty: number;
}

/** The rules row governing a year, by the same rule as the scoring rules'. */
function governingRules(year: number | RawBuilder<number>) {
  return sql<RulesRow>`
    SELECT c.year, c.answered_on_time, c.miss_penalty
    FROM commission_rules c
    ${governingYearFirst('c.year', year)}`;
}

const NO_RULES: CommissionPoints = { answeredOnTime: 0, missPenalty: 0 };

/** The year's commission rules, or undefined when no year has any. */
export async function commissionRulesForYear(db: Kysely<Database>, year: number): Promise<CommissionYearRules | undefined> {
  const row = (await governingRules(year).execute(db)).rows[0];
  if (!row) return undefined;
  return { year, answeredOnTime: row.answered_on_time, missPenalty: row.miss_penalty, inheritedFrom: row.year === year ? null : row.year };
}

/** Sets a year's rules and re-prices, in the same transaction, the answers of every year they govern. */
export async function setCommissionRules(db: Kysely<Database>, year: number, points: CommissionPoints, actorId: string): Promise<CommissionYearRules> {
  const values = { answered_on_time: points.answeredOnTime, miss_penalty: points.missPenalty, updated_by: actorId };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('commission_rules')
      .values({ year, ...values })
      .onConflict((oc) => oc.column('year').doUpdateSet({ ...values, updated_at: sql`now()` }))
      .execute();
    await sql`
      UPDATE score_entries e SET points = r.answered_on_time
      FROM (SELECT DISTINCT extract(year FROM occurred_on)::int AS year FROM score_entries WHERE kind = 'commission_answered') y
      CROSS JOIN LATERAL (${governingRules(sql.ref<number>('y.year'))}) r
      WHERE r.year = ${year} AND e.kind = 'commission_answered'
        AND e.occurred_on >= make_date(y.year, 1, 1) AND e.occurred_on < make_date(y.year + 1, 1, 1)
        AND e.points <> r.answered_on_time`.execute(tx);
  });
  return { year, ...points, inheritedFrom: null };
}

/**
 * Enters an answer on time in the score ledger, priced by its year's rules, once: the ledger's key
 * (item, history seq, kind) holds the assignment's history seq, so a replay adds nothing. Entered
 * even at 0 points, so that a later change of rules re-prices it.
 */
export async function scoreAnswerOnTime(
  tx: Transaction<Database>,
  entry: { itemId: string; assignmentSeq: number; unitCode: string; at: number },
): Promise<void> {
  const occurredOn = shanghaiDate(entry.at);
  const row = (await governingRules(Number(occurredOn.slice(0, 4))).execute(tx)).rows[0];
  const points = row ? row.answered_on_time : NO_RULES.answeredOnTime;
  await tx
    .insertInto('score_entries')
    .values({
      item_id: entry.itemId,
      history_seq: entry.assignmentSeq,
      unit_code: entry.unitCode,
      kind: 'commission_answered',
      points,
      occurred_at: new Date(entry.at),
      occurred_on: occurredOn,
    })
    .onConflict((oc) => oc.columns(['item_id', 'history_seq', 'kind']).doNothing())
    .execute();
}
