import { sql, type Kysely } from 'kysely';
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

/** The year's rules; a year without its own takes the nearest earlier year's (then the nearest later). */
export async function rulesForYear(db: Kysely<Database>, year: number): Promise<YearRules | undefined> {
  const row = await db
    .selectFrom('scoring_rules')
    .select(['year', 'submitted', 'adopted', 'national_adopted'])
    .orderBy(sql`year > ${year}`)
    .orderBy(sql`abs(year - ${year})`)
    .limit(1)
    .executeTakeFirst();
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

/** Sets a year's rules and re-prices that year's ledger in the same transaction. */
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
    await tx
      .updateTable('score_entries')
      .set({
        points: sql`CASE kind WHEN 'submitted' THEN ${submitted}::int WHEN 'adopted' THEN ${adopted}::int ELSE ${nationalAdopted}::int END`,
      })
      .where('occurred_on', '>=', `${year}-01-01`)
      .where('occurred_on', '<=', `${year}-12-31`)
      .execute();
  });
  return { year, ...points, inheritedFrom: null };
}
