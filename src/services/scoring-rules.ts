import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';

/** Points per scoring event, as the API shows them. */
export interface Points {
  submitted: number;
  adopted: number;
  nationalAdopted: number;
}

export interface YearRules extends Points {
  year: number;
  /** The year whose rules apply when this one has none of its own; null when they are its own. */
  inheritedFrom: number | null;
}

/**
 * Which year's rules govern `year`, for a table of rules per year (`column` its year): its own, else
 * the nearest earlier year's, else the nearest later one's. The one statement of that rule, for the
 * scoring rules and the commission rules alike.
 */
export function governingYearFirst(column: string, year: number | RawBuilder<number>) {
  const ruleYear = sql.ref<number>(column);
  return sql`ORDER BY ${ruleYear} > ${year}, abs(${ruleYear} - ${year}) LIMIT 1`;
}

/**
 * The rules row that applies to a year. One SQL expression, used both to read a year's rules and to
 * re-price the ledger, so the two can never disagree about which rules a year inherits.
 */
function governingRules(year: number | RawBuilder<number>) {
  return sql<RulesRow>`
    SELECT s.year, s.submitted, s.adopted, s.national_adopted
    FROM scoring_rules s
    ${governingYearFirst('s.year', year)}`;
}

interface RulesRow {
  year: number;
  submitted: number;
  adopted: number;
  national_adopted: number;
}

/** The year's rules; a year without its own takes the nearest earlier year's (then the nearest later). */
export async function rulesForYear(db: Kysely<Database>, year: number): Promise<YearRules | undefined> {
  const row = (await governingRules(year).execute(db)).rows[0];
  if (!row) return undefined;
  return {
    year,
    submitted: row.submitted,
    adopted: row.adopted,
    nationalAdopted: row.national_adopted,
    inheritedFrom: row.year === year ? null : row.year,
  };
}

/** The points of one kind of ledger entry. */
export function pointsFor(rules: Points, kind: 'submitted' | 'adopted' | 'national_adopted'): number {
  return kind === 'national_adopted' ? rules.nationalAdopted : rules[kind];
}

/**
 * Sets a year's rules and, in the same transaction, re-prices every year of the ledger that these
 * rules now govern: the year itself and each year that inherits them (a year without rules of its
 * own). So a report's totals always equal the rules it prints.
 */
export async function setRules(db: Kysely<Database>, year: number, points: Points, actorId: string): Promise<YearRules> {
  const { submitted, adopted, nationalAdopted } = points;
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('scoring_rules')
      .values({ year, submitted, adopted, national_adopted: nationalAdopted, updated_by: actorId })
      .onConflict((oc) =>
        oc.column('year').doUpdateSet({ submitted, adopted, national_adopted: nationalAdopted, updated_by: actorId, updated_at: sql`now()` }),
      )
      .execute();
    await repriceYearsGovernedBy(tx, year);
  });
  return { year, ...points, inheritedFrom: null };
}

/** Re-prices the ledger of every year whose governing rules are `ruleYear`'s; rows already right are left alone. */
async function repriceYearsGovernedBy(tx: Transaction<Database>, ruleYear: number): Promise<void> {
  const ledgerYear = sql.ref<number>('ledger.year');
  await sql`
    WITH bounds AS (
      SELECT extract(year FROM min(occurred_on))::int AS first, extract(year FROM max(occurred_on))::int AS last
      FROM score_entries
    ),
    governed AS (
      SELECT ledger.year, r.submitted, r.adopted, r.national_adopted
      FROM bounds, generate_series(bounds.first, bounds.last) AS ledger(year)
      CROSS JOIN LATERAL (${governingRules(ledgerYear)}) r
      WHERE r.year = ${ruleYear}
    ),
    priced AS (
      SELECT e.id,
        CASE e.kind WHEN 'submitted' THEN g.submitted WHEN 'adopted' THEN g.adopted WHEN 'national_adopted' THEN g.national_adopted ELSE e.points END AS points
      FROM governed g
      JOIN score_entries e ON e.occurred_on >= make_date(g.year, 1, 1) AND e.occurred_on < make_date(g.year + 1, 1, 1)
    )
    UPDATE score_entries e SET points = p.points
    FROM priced p
    WHERE e.id = p.id AND e.points <> p.points`.execute(tx);
}
