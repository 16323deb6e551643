import { eventually, type TestApp } from './app.ts';
import type { PortalRecord } from '../../src/demo/bulletin-2024.ts';

// The records and the bulletin's figures live with the demo (src/demo), which loads them too.
export { BULLETIN_2024_Q2, bulletinRecords, quarterRecords, type PortalRecord, type QuarterCounts } from '../../src/demo/bulletin-2024.ts';

/** The ledger entries the records imply: one per submission, adoption and national adoption. */
export function ledgerEntriesOf(records: PortalRecord[]): number {
  return records.reduce(
    (n, r) => n + Number(r.submittedAt !== undefined) + Number(r.adoptedAt !== undefined) + Number(r.nationalAdoptedAt !== undefined),
    0,
  );
}

/** Waits until the ledger holds `expected` entries: imported points arrive through the score worker, as live ones do. */
export async function ledgerReaches(t: TestApp, expected: number): Promise<void> {
  await eventually(async () => {
    const row = await t.services.db.selectFrom('score_entries').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n) === expected;
  }, 30_000, `${expected} entries in the ledger`);
}
