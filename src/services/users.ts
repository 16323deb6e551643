import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Role } from '../../machines/submission.types.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { errors } from '../errors.ts';
import type { UnitDirectory } from './unit-directory.ts';

export interface NewUser {
  name: string;
  role: Exclude<Role, 'system'>;
  unitCode?: string;
}

export interface CreatedUser {
  id: string;
  name: string;
  role: string;
  unitCode: string | null;
  /** Shown once; only its hash is kept. */
  token: string;
}

export async function createUser(db: Kysely<Database>, units: UnitDirectory, input: NewUser): Promise<CreatedUser> {
  if (input.unitCode && !units.get(input.unitCode)) {
    throw errors.validation('unknown unit', [{ path: 'body.unitCode', message: `no unit ${input.unitCode}` }]);
  }
  const token = newToken();
  const user = await db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('users')
      .values({ name: input.name, role: input.role, unit_code: input.unitCode ?? null, disabled_at: null })
      .returning(['id', 'name', 'role', 'unit_code'])
      .executeTakeFirstOrThrow();
    await tx.insertInto('api_tokens').values({ token_hash: hashToken(token), user_id: row.id, revoked_at: null }).execute();
    return row;
  });
  return { id: user.id, name: user.name, role: user.role, unitCode: user.unit_code, token };
}
