import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database.ts';
import { commissionRulesForYear } from '../commission-rules.ts';
import type { UnitDirectory } from '../unit-directory.ts';
import { chineseSpan } from './periods.ts';
import type { TableSpec } from './table-specs.ts';

/** One unit's commissions (约稿) issued in a period. */
export interface CommissionReportRow {
  unitCode: string;
  unitName: string;
  /** Assignments of the period's commissions, cancelled ones left out. */
  addressed: number;
  answeredOnTime: number;
  /** Answered after the due date: also counted in `missed` (the miss stays). */
  answeredLate: number;
  fulfilled: number;
  /** Declines the region accepted (excused). */
  declined: number;
  /** Still missed, plus those answered late. */
  missed: number;
  /** Ledger points of answers on time, less the year's penalty per miss. */
  points: number;
}

export interface CommissionReport {
  from: string;
  to: string;
  /** Commissions issued in the period, cancelled ones left out. */
  issued: number;
  rules: { answeredOnTime: number; missPenalty: number };
  rows: CommissionReportRow[];
}

interface CountsRow {
  unit_code: string;
  addressed: number;
  on_time: number;
  late: number;
  fulfilled: number;
  declined: number;
  missed: number;
  points: number;
}

/**
 * Per unit, the commissions issued (Shanghai date) from `from` to `to`. Every unit is listed,
 * ordered by misses ascending, then answers (on time and late) descending, then unit code.
 */
export async function commissionsReport(db: Kysely<Database>, units: UnitDirectory, from: string, to: string): Promise<CommissionReport> {
  const rules = (await commissionRulesForYear(db, Number(from.slice(0, 4)))) ?? { answeredOnTime: 0, missPenalty: 0 };
  const { rows } = await sql<CountsRow>`
    SELECT a.unit_code,
      count(*)::int AS addressed,
      count(*) FILTER (WHERE a.state IN ('answered', 'fulfilled') AND NOT a.late)::int AS on_time,
      count(*) FILTER (WHERE a.state IN ('answered', 'fulfilled') AND a.late)::int AS late,
      count(*) FILTER (WHERE a.state = 'fulfilled')::int AS fulfilled,
      count(*) FILTER (WHERE a.state = 'excused')::int AS declined,
      count(*) FILTER (WHERE a.state = 'missed' OR a.late)::int AS missed,
      coalesce(sum(e.points), 0)::int AS points
    FROM assignments a
    JOIN commissions c ON c.id = a.commission_id
    LEFT JOIN score_entries e ON e.item_id = a.item_id AND e.kind = 'commission_answered' AND e.unit_code = a.unit_code
    WHERE a.state <> 'cancelled'
      AND (c.created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date
    GROUP BY a.unit_code`.execute(db);
  const { rows: [counted] } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM commissions
    WHERE status <> 'cancelled' AND (created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date`.execute(db);
  const byUnit = new Map(rows.map((r) => [r.unit_code, r]));
  const report = units.list.map((unit): CommissionReportRow => {
    const r = byUnit.get(unit.code);
    const missed = r?.missed ?? 0;
    return {
      unitCode: unit.code,
      unitName: unit.name,
      addressed: r?.addressed ?? 0,
      answeredOnTime: r?.on_time ?? 0,
      answeredLate: r?.late ?? 0,
      fulfilled: r?.fulfilled ?? 0,
      declined: r?.declined ?? 0,
      missed,
      points: (r?.points ?? 0) - missed * rules.missPenalty,
    };
  });
  report.sort(
    (a, b) =>
      a.missed - b.missed ||
      b.answeredOnTime + b.answeredLate - (a.answeredOnTime + a.answeredLate) ||
      a.unitCode.localeCompare(b.unitCode),
  );
  return { from, to, issued: counted?.n ?? 0, rules: { answeredOnTime: rules.answeredOnTime, missPenalty: rules.missPenalty }, rows: report };
}

/** The report as a table to download (csv, xlsx). */
export function commissionsTableSpec(report: CommissionReport, title: string): TableSpec<CommissionReportRow> {
  return {
    label: null,
    sheetName: '约稿完成情况',
    title,
    subtitle: `（统计区间为${chineseSpan(report.from, report.to)}）`,
    columns: [
      { header: '单位', value: (r) => r.unitName },
      { header: '约稿数', value: (r) => r.addressed },
      { header: '按时回复', headerLines: ['按时', '回复'], value: (r) => r.answeredOnTime },
      { header: '逾期回复', headerLines: ['逾期', '回复'], value: (r) => r.answeredLate },
      { header: '采用', value: (r) => r.fulfilled },
      { header: '免于回复', headerLines: ['免于', '回复'], value: (r) => r.declined },
      { header: '未按期回复', headerLines: ['未按期', '回复'], value: (r) => r.missed },
      { header: '得分', value: (r) => r.points },
    ],
    rows: report.rows,
  };
}

/** What a bulletin's sentence on commissions needs (see commissionSentence in bulletin-text.ts). */
export function commissionTotals(report: CommissionReport) {
  const sum = (figure: (r: CommissionReportRow) => number) => report.rows.reduce((n, r) => n + figure(r), 0);
  return {
    issued: report.issued,
    addressed: sum((r) => r.addressed),
    answeredOnTime: sum((r) => r.answeredOnTime),
    answeredLate: sum((r) => r.answeredLate),
    missedBy: report.rows.filter((r) => r.missed > 0).map((r) => ({ unitName: r.unitName, missed: r.missed })),
  };
}
