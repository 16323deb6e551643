import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Role } from '../../machines/submission.types.ts';
import { BOOTSTRAP_ADMIN } from '../auth/authenticator.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { commitWithChange } from '../change-feed.ts';
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

export interface UserView {
  id: string;
  name: string;
  role: string;
  unitCode: string | null;
  disabled: boolean;
  createdAt: string;
}

export async function listUsers(db: Kysely<Database>): Promise<UserView[]> {
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('role', '<>', 'system')
    .where('id', '<>', BOOTSTRAP_ADMIN.id)
    .orderBy('created_at')
    .execute();
  return rows.map((u) => ({
    id: u.id,
    name: u.name,
    role: u.role,
    unitCode: u.unit_code,
    disabled: u.disabled_at !== null,
    createdAt: u.created_at.toISOString(),
  }));
}

/**
 * Revokes the user's tokens and issues a new one (shown once). The old tokens stop working at once
 * in this process and, through the change feed, within moments in the others.
 */
export async function rotateToken(db: Kysely<Database>, userId: string): Promise<{ id: string; token: string }> {
  if (userId === BOOTSTRAP_ADMIN.id) throw errors.notFound('User');
  const token = newToken();
  await commitWithChange(db, { kind: 'user_tokens', userId }, async (tx) => {
    const user = await tx.selectFrom('users').select('id').where('id', '=', userId).where('role', '<>', 'system').executeTakeFirst();
    if (!user) throw errors.notFound('User');
    await tx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    await tx.insertInto('api_tokens').values({ token_hash: hashToken(token), user_id: userId, revoked_at: null }).execute();
  });
  return { id: userId, token };
}

/** A disabled user's tokens stop working: at once in this process, within moments in the others. */
export async function disableUser(db: Kysely<Database>, userId: string): Promise<void> {
  if (userId === BOOTSTRAP_ADMIN.id) throw errors.notFound('User');
  await commitWithChange(db, { kind: 'user_tokens', userId }, async (tx) => {
    const result = await tx
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('id', '=', userId)
      .where('role', '<>', 'system')
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw errors.notFound('User');
  });
}
