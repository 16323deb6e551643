import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './database.ts';

interface UnitsFile {
  units: Array<{ code: string; name: string; kind: 'league' | 'planned_city'; counties: string[] }>;
}

/**
 * Applies every pending migration; throws with the failing migration's name. Unordered: a migration
 * numbered below one already applied (0011 after 0012) still runs.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`, { cause: error });
  }
  await seedUnits(db);
}

/** Upserts the reporting units from db/units.json (the project's copy of the association's list). */
export async function seedUnits(db: Kysely<Database>): Promise<void> {
  const file = JSON.parse(readFileSync(new URL('./units.json', import.meta.url), 'utf8')) as UnitsFile;
  const rows = file.units.map((u, position) => ({
    code: u.code,
    name: u.name,
    kind: u.kind,
    counties: JSON.stringify(u.counties),
    position,
  }));
  await db
    .insertInto('units')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: sql`excluded.name`,
        kind: sql`excluded.kind`,
        counties: sql`excluded.counties`,
        position: sql`excluded.position`,
      }),
    )
    .execute();
}
