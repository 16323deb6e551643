import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Role } from '../../machines/submission.types.ts';
import { BOOTSTRAP_ADMIN } from '../../machines/actors.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { commitWithChange } from '../change-feed.ts';
import { errors } from '../errors.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Accounts } from './accounts.ts';
import type { AuditLog } from './audit.ts';
import type { Sessions } from './sessions.ts';
import type { UnitDirectory } from './unit-directory.ts';

export interface NewUser {
  name: string;
  role: Exclude<Role, 'system'>;
  unitCode?: string;
  /** A person who signs in: a login name and a one-time initial password, changed at first sign-in. */
  login?: string;
  initialPassword?: string;
}

export interface CreatedUser {
  id: string;
  name: string;
  login: string | null;
  role: string;
  unitCode: string | null;
  /** An API token for an integration account (no login); shown once, only its hash is kept. Null for a person. */
  token: string | null;
}

/**
 * Creates a person (login and initial password, which must be changed at first sign-in) or an
 * integration account (no login; it gets an API token instead).
 */
export async function createUser(
  db: Kysely<Database>,
  units: UnitDirectory,
  input: NewUser,
  by?: { accounts: Accounts; audit: AuditLog; actorId: string },
): Promise<CreatedUser> {
  if (input.unitCode && !units.get(input.unitCode)) {
    throw errors.validation('unknown unit', [{ path: 'body.unitCode', message: `没有代码为 ${input.unitCode} 的单位` }]);
  }
  const login = input.login?.trim() || null;
  if (login) {
    if (!by) throw new Error('a person with a login is created by an admin through the accounts service');
    by.accounts.checkPolicy(input.initialPassword ?? '', { login, name: input.name, unit_code: input.unitCode });
  }
  const passwordHash = login ? await hashPassword(input.initialPassword!) : null;
  const token = login ? null : newToken();
  const user = await db.transaction().execute(async (tx) => {
    if (login) {
      const taken = await tx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase())).executeTakeFirst();
      if (taken) throw errors.conflict('login_taken', `登录名“${login}”已被使用`);
    }
    const row = await tx
      .insertInto('users')
      .values({
        name: input.name,
        role: input.role,
        unit_code: input.unitCode ?? null,
        disabled_at: null,
        login,
        password_hash: passwordHash,
        must_change_password: login !== null,
        password_changed_at: null,
      })
      .returning(['id', 'name', 'login', 'role', 'unit_code'])
      .executeTakeFirstOrThrow();
    if (token) await tx.insertInto('api_tokens').values({ token_hash: hashToken(token), user_id: row.id, revoked_at: null }).execute();
    await by?.audit.record({ action: 'user_created', actorId: by.actorId, subjectId: row.id, login, details: { role: row.role, unitCode: row.unit_code } }, tx);
    return row;
  });
  return { id: user.id, name: user.name, login: user.login, role: user.role, unitCode: user.unit_code, token };
}

export interface UserView {
  id: string;
  name: string;
  login: string | null;
  role: string;
  unitCode: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
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
    login: u.login,
    role: u.role,
    unitCode: u.unit_code,
    disabled: u.disabled_at !== null,
    mustChangePassword: u.must_change_password,
    createdAt: u.created_at.toISOString(),
  }));
}

/**
 * Revokes the user's tokens and issues a new one (shown once). The old tokens stop working at once
 * in this process and, through the change feed, within moments in the others.
 */
export async function rotateToken(db: Kysely<Database>, audit: AuditLog, userId: string, actorId: string): Promise<{ id: string; token: string }> {
  if (userId === BOOTSTRAP_ADMIN.id) throw errors.notFound('User');
  const token = newToken();
  await commitWithChange(db, { kind: 'user_tokens', userId }, async (tx) => {
    const user = await tx.selectFrom('users').select('id').where('id', '=', userId).where('role', '<>', 'system').executeTakeFirst();
    if (!user) throw errors.notFound('User');
    await tx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    await tx.insertInto('api_tokens').values({ token_hash: hashToken(token), user_id: userId, revoked_at: null }).execute();
    await audit.record({ action: 'token_revoked', actorId, subjectId: userId, details: { all: true } }, tx);
    await audit.record({ action: 'token_created', actorId, subjectId: userId, details: { rotated: true } }, tx);
  });
  return { id: userId, token };
}

/**
 * A disabled user's sessions end and tokens stop working: at once in this process, within moments
 * in the others.
 */
export async function disableUser(db: Kysely<Database>, sessions: Sessions, audit: AuditLog, userId: string, actorId: string): Promise<void> {
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
    await sessions.endAllOf(userId, 'user_disabled', null, tx);
    await audit.record({ action: 'user_disabled', actorId, subjectId: userId }, tx);
  });
}
