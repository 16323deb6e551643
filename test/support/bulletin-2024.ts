import unitsFile from '../../db/units.json' with { type: 'json' };
import { BULLETIN_2024_Q2, quarterRecords, type PortalRecord } from './portal-records.ts';

const codeOf = new Map(unitsFile.units.map((u) => [u.name, u.code]));

/** The year's records rebuilt from the Q2 2024 bulletin: Q2 from 附件1, Q1 as the year to date (附件2) less Q2. */
export function bulletinRecords(): PortalRecord[] {
  const records: PortalRecord[] = [];
  for (const [name, submitted, , adopted, , nationalAdopted] of BULLETIN_2024_Q2.yearToDate) {
    const q2 = BULLETIN_2024_Q2.period.find(([n]) => n === name)!;
    const unitCode = codeOf.get(name)!;
    records.push(...quarterRecords(unitCode, 2024, 2, { submitted: q2[1], adopted: q2[2], nationalAdopted: q2[3] }));
    records.push(
      ...quarterRecords(unitCode, 2024, 1, { submitted: submitted - q2[1], adopted: adopted - q2[2], nationalAdopted: nationalAdopted - q2[3] }),
    );
  }
  return records;
}
