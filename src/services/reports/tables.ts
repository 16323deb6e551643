import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { UnitDirectory } from '../unit-directory.ts';
import { rankBy, type Ranked, type UnitCounts } from './ranking.ts';

export interface ScoreRow extends UnitCounts {
  submittedPoints: number;
  adoptedPoints: number;
  nationalAdoptedPoints: number;
  total: number;
}

/**
 * Counts and points per unit between two Shanghai dates, inclusive, from the ledger's daily rollup.
 * Every unit appears, zeros included.
 */
export async function unitFigures(db: Kysely<Database>, units: UnitDirectory, from: string, to: string): Promise<ScoreRow[]> {
  const rows = await db
    .selectFrom('score_daily')
    .select(['unit_code', 'kind', sql<number>`sum(entries)::int`.as('entries'), sql<number>`sum(points)::int`.as('points')])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy(['unit_code', 'kind'])
    .execute();
  const figures = new Map(units.list.map((u) => [u.code, emptyRow(u.code, u.name)]));
  for (const r of rows) {
    const row = figures.get(r.unit_code);
    if (!row) continue;
    if (r.kind === 'submitted') {
      row.submitted = r.entries;
      row.submittedPoints = r.points;
    } else if (r.kind === 'adopted') {
      row.adopted = r.entries;
      row.adoptedPoints = r.points;
    } else if (r.kind === 'national_adopted') {
      row.nationalAdopted = r.entries;
      row.nationalAdoptedPoints = r.points;
    }
  }
  for (const row of figures.values()) row.total = row.submittedPoints + row.adoptedPoints + row.nationalAdoptedPoints;
  return [...figures.values()];
}

function emptyRow(unitCode: string, unitName: string): ScoreRow {
  return { unitCode, unitName, submitted: 0, adopted: 0, nationalAdopted: 0, submittedPoints: 0, adoptedPoints: 0, nationalAdoptedPoints: 0, total: 0 };
}

export interface Totals {
  submitted: number;
  adopted: number;
  nationalAdopted: number;
}

export function totalsOf(rows: UnitCounts[]): Totals {
  return rows.reduce(
    (sum, r) => ({ submitted: sum.submitted + r.submitted, adopted: sum.adopted + r.adopted, nationalAdopted: sum.nationalAdopted + r.nationalAdopted }),
    { submitted: 0, adopted: 0, nationalAdopted: 0 },
  );
}

export interface PeriodReport {
  from: string;
  to: string;
  rows: Ranked<UnitCounts>[];
  totals: Totals;
}

/** 附件1: per unit, items submitted, adopted and adopted nationally in the period; ordered by submitted. */
export async function periodReport(db: Kysely<Database>, units: UnitDirectory, from: string, to: string): Promise<PeriodReport> {
  const figures = await unitFigures(db, units, from, to);
  const rows = rankBy(
    figures.map(({ unitCode, unitName, submitted, adopted, nationalAdopted }) => ({ unitCode, unitName, submitted, adopted, nationalAdopted })),
    (r) => r.submitted,
  );
  return { from, to, rows, totals: totalsOf(rows) };
}

export interface ScoreReport {
  year: number;
  through: string;
  rules: { submitted: number; adopted: number; nationalAdopted: number } | null;
  rows: Ranked<ScoreRow>[];
  totals: Totals & { total: number };
}

/** 附件2: from 1 January to `through`, counts and points per unit; ordered by total. */
export async function scoreReport(
  db: Kysely<Database>,
  units: UnitDirectory,
  year: number,
  through: string,
  rules: ScoreReport['rules'],
): Promise<ScoreReport> {
  const rows = rankBy(await unitFigures(db, units, `${year}-01-01`, through), (r) => r.total);
  return { year, through, rules, rows, totals: { ...totalsOf(rows), total: rows.reduce((s, r) => s + r.total, 0) } };
}
