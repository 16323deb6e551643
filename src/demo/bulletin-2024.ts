/**
 * The association's Q2 2024 bulletin and the Jan–Jun 2024 history that reproduces it: what
 * `npm run demo` loads, and what the bulletin test checks the reports against.
 */
import unitsFile from '../../db/units.json' with { type: 'json' };

/** Old-portal records (the import's format), with Shanghai times written out in full. */

export interface PortalRecord {
  externalId: string;
  unitCode: string;
  title: string;
  eventDate: string;
  submittedAt?: string;
  adoptedAt?: string;
  rejectedAt?: string;
  forwardedAt?: string;
  nationalAdoptedAt?: string;
  nationalDeclinedAt?: string;
}

export interface QuarterCounts {
  submitted: number;
  adopted: number;
  nationalAdopted: number;
  rejected?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Day `offset` (0-based) of a quarter as YYYY-MM-DD; quarters used here start on the 1st of Jan/Apr/Jul/Oct. */
function dayOfQuarter(year: number, quarter: number, offset: number): string {
  const start = Date.UTC(year, (quarter - 1) * 3, 1);
  const d = new Date(start + offset * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * Records for one unit and quarter: `submitted` items, the first `adopted` of them adopted, the first
 * `nationalAdopted` of those adopted nationally, the next `rejected` rejected. Every time falls in
 * the quarter, in Shanghai time (+08:00).
 */
export function quarterRecords(unitCode: string, year: number, quarter: number, counts: QuarterCounts, prefix = ''): PortalRecord[] {
  const records: PortalRecord[] = [];
  for (let i = 0; i < counts.submitted; i += 1) {
    const day = i % 80;
    const event = dayOfQuarter(year, quarter, day);
    const at = (plus: number, hour: string) => `${dayOfQuarter(year, quarter, day + plus)}T${hour}+08:00`;
    const record: PortalRecord = {
      externalId: `${prefix}${unitCode}-${year}Q${quarter}-${i}`,
      unitCode,
      title: `第${i + 1}条信息`,
      eventDate: event,
      submittedAt: at(1, '09:00:00'),
    };
    if (i < counts.adopted) record.adoptedAt = at(2, '10:00:00');
    else if (i < counts.adopted + (counts.rejected ?? 0)) record.rejectedAt = at(2, '11:00:00');
    if (i < counts.nationalAdopted) {
      record.forwardedAt = at(3, '10:00:00');
      record.nationalAdoptedAt = at(6, '15:00:00');
    }
    records.push(record);
  }
  return records;
}

/** The association's Q2 2024 bulletin: 附件1 (Q2) and 附件2 (year to 30 June), in its own order. */
export const BULLETIN_2024_Q2 = {
  period: [
    ['鄂尔多斯市', 95, 48, 2],
    ['包头市', 73, 46, 1],
    ['赤峰市', 69, 18, 4],
    ['呼和浩特市', 57, 20, 0],
    ['兴安盟', 47, 33, 3],
    ['巴彦淖尔市', 42, 25, 3],
    ['通辽市', 36, 25, 3],
    ['乌海市', 36, 14, 2],
    ['锡林郭勒盟', 35, 17, 1],
    ['满洲里市', 33, 15, 2],
    ['呼伦贝尔市', 27, 14, 2],
    ['乌兰察布市', 23, 14, 1],
    ['阿拉善盟', 8, 6, 1],
    ['二连浩特市', 5, 3, 0],
  ] as Array<[string, number, number, number]>,
  yearToDate: [
    ['鄂尔多斯市', 139, 417, 76, 456, 3, 30, 903],
    ['兴安盟', 118, 354, 75, 450, 8, 80, 884],
    ['呼和浩特市', 117, 351, 50, 300, 6, 60, 711],
    ['赤峰市', 129, 387, 36, 216, 5, 50, 653],
    ['锡林郭勒盟', 89, 267, 55, 330, 5, 50, 647],
    ['包头市', 95, 285, 48, 288, 2, 20, 593],
    ['巴彦淖尔市', 81, 243, 47, 282, 6, 60, 585],
    ['通辽市', 61, 183, 43, 258, 5, 50, 491],
    ['满洲里市', 46, 138, 23, 138, 2, 20, 296],
    ['乌海市', 50, 150, 20, 120, 2, 20, 290],
    ['乌兰察布市', 42, 126, 25, 150, 1, 10, 286],
    ['呼伦贝尔市', 39, 117, 22, 132, 3, 30, 279],
    ['阿拉善盟', 10, 30, 7, 42, 1, 10, 82],
    ['二连浩特市', 10, 30, 7, 42, 0, 0, 72],
  ] as Array<[string, number, number, number, number, number, number, number]>,
};

/**
 * The year's records rebuilt from the bulletin: Q2 from 附件1, Q1 as the year to date (附件2) less
 * Q2. 1,026 records for the 14 units; `prefix` starts every external id.
 */
export function bulletinRecords(prefix = ''): PortalRecord[] {
  const codeOf = new Map(unitsFile.units.map((u) => [u.name, u.code]));
  const records: PortalRecord[] = [];
  for (const [name, submitted, , adopted, , nationalAdopted] of BULLETIN_2024_Q2.yearToDate) {
    const q2 = BULLETIN_2024_Q2.period.find(([n]) => n === name)!;
    const unitCode = codeOf.get(name)!;
    records.push(...quarterRecords(unitCode, 2024, 2, { submitted: q2[1], adopted: q2[2], nationalAdopted: q2[3] }, prefix));
    records.push(
      ...quarterRecords(unitCode, 2024, 1, { submitted: submitted - q2[1], adopted: adopted - q2[2], nationalAdopted: nationalAdopted - q2[3] }, prefix),
    );
  }
  return records;
}
