import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../machines/submission.types.ts';
import { BOOTSTRAP_ADMIN, SYSTEM_ACTOR } from '../../machines/actors.ts';

export interface Person {
  id: string;
  name: string;
  role: string;
  unitCode: string | null;
}

/**
 * The people a caller works with, by name: a unit's people see their own unit and the region's
 * reviewers (who claim, return and comment on their items); the region's roles see everyone.
 * Nothing but display names and roles: no logins, no state of accounts.
 */
export async function peopleFor(db: Kysely<Database>, actor: Actor): Promise<Person[]> {
  let query = db
    .selectFrom('users')
    .select(['id', 'name', 'role', 'unit_code'])
    .where('disabled_at', 'is', null)
    .where('id', 'not in', [SYSTEM_ACTOR.id, BOOTSTRAP_ADMIN.id]);
  if (actor.unitCode) {
    const unit = actor.unitCode;
    query = query.where((eb) => eb.or([eb('unit_code', '=', unit), eb('role', '=', 'reviewer')]));
  }
  const rows = await query.orderBy('unit_code').orderBy('role').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, role: r.role, unitCode: r.unit_code }));
}

/** Display names by id (a disabled person keeps the name they had); ids not found are left out. */
export async function namesOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
