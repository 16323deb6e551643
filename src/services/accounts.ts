import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { decoyHash, hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.ts';
import { AppError, appError, errors } from '../errors.ts';
import type { AuditLog } from './audit.ts';
import type { Sessions } from './sessions.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';
import type { UnitDirectory } from './unit-directory.ts';

export interface Client {
  address: string | null;
  userAgent: string | null;
}

export interface SignedInUser {
  id: string;
  name: string;
  login: string;
  role: string;
  unitCode: string | null;
  mustChangePassword: boolean;
}

/** One answer for a wrong password and an unknown login name, so that neither can be told apart. */
const badCredentials = () => appError('invalid_credentials', undefined);
const locked = (ms: number) => appError('sign_in_locked', { minutes: Math.ceil(ms / 60_000) }, { retryAfterSeconds: Math.ceil(ms / 1000) });

/** Sign-in, sign-out and passwords: the rules of people's accounts (sessions and the throttle do the storage). */
export class Accounts {
  private readonly db: Kysely<Database>;
  private readonly units: UnitDirectory;
  private readonly sessions: Sessions;
  private readonly throttle: SignInThrottle;
  private readonly audit: AuditLog;
  private readonly clock: () => number;
  private readonly passwordMinLength: number;

  constructor(deps: {
    db: Kysely<Database>;
    units: UnitDirectory;
    sessions: Sessions;
    throttle: SignInThrottle;
    audit: AuditLog;
    clock: () => number;
    passwordMinLength: number;
  }) {
    this.db = deps.db;
    this.units = deps.units;
    this.sessions = deps.sessions;
    this.throttle = deps.throttle;
    this.audit = deps.audit;
    this.clock = deps.clock;
    this.passwordMinLength = deps.passwordMinLength;
  }

  /**
   * Checks a login name and password and starts a session. A wrong password and an unknown name get
   * the same answer after the same work (an unknown name is checked against a decoy hash); a locked
   * name or address gets 429 whatever the password.
   */
  async signIn(login: string, password: string, client: Client): Promise<{ user: SignedInUser; token: string }> {
    const address = client.address ?? 'unknown';
    const now = this.clock();
    const lockedMs = await this.throttle.lockedFor(login, address, now);
    if (lockedMs > 0) {
      await this.audit.record({ action: 'sign_in_locked', login, clientAddress: client.address });
      throw locked(lockedMs);
    }
    const row = await this.db
      .selectFrom('users')
      .select(['id', 'name', 'login', 'role', 'unit_code', 'password_hash', 'must_change_password', 'disabled_at'])
      .where((eb) => eb(eb.fn('lower', ['login']), '=', login.trim().toLowerCase()))
      .executeTakeFirst();
    const usable = row && row.password_hash && row.disabled_at === null;
    const matches = await verifyPassword(usable ? row.password_hash! : await decoyHash(), password);
    if (!usable || !matches) {
      const nowLocked = await this.throttle.fail(login, address, now);
      await this.audit.record({
        action: 'sign_in_failed',
        subjectId: row?.id ?? null,
        login,
        clientAddress: client.address,
        details: nowLocked ? { locked: true } : {},
      });
      throw badCredentials();
    }
    await this.throttle.succeed(login);
    const session = await this.sessions.start(row.id, client);
    await this.audit.record({ action: 'sign_in', actorId: row.id, subjectId: row.id, login: row.login, clientAddress: client.address, details: { session: session.id } });
    return {
      user: { id: row.id, name: row.name, login: row.login!, role: row.role, unitCode: row.unit_code, mustChangePassword: row.must_change_password },
      token: session.token,
    };
  }

  async signOut(userId: string, sessionId: string, client: Client): Promise<void> {
    if (await this.sessions.endById(sessionId, 'signed_out')) {
      await this.audit.record({ action: 'sign_out', actorId: userId, subjectId: userId, clientAddress: client.address, details: { session: sessionId } });
    }
  }

  /** The person's own change: needs the current password; ends every other session of theirs. */
  async changePassword(userId: string, currentPassword: string, newPassword: string, keepSession: string | null, client: Client): Promise<void> {
    const user = await this.userForPassword(userId);
    if (!user.password_hash || !(await verifyPassword(user.password_hash, currentPassword))) {
      throw appError('wrong_password', undefined);
    }
    if (currentPassword === newPassword) throw this.refused('新密码不能与当前密码相同');
    this.checkPolicy(newPassword, user);
    const hash = await hashPassword(newPassword);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({ password_hash: hash, must_change_password: false, password_changed_at: new Date(this.clock()) })
        .where('id', '=', userId)
        .execute();
      await this.sessions.endAllOf(userId, 'password_changed', keepSession, tx);
      await this.audit.record({ action: 'password_changed', actorId: userId, subjectId: userId, clientAddress: client.address }, tx);
    });
  }

  /** An admin sets a new initial password: the user must change it at next sign-in; their sessions end. */
  async resetPassword(adminId: string, userId: string, initialPassword: string, client: Client): Promise<void> {
    const user = await this.userForPassword(userId);
    if (!user.login) throw appError('no_login', undefined);
    this.checkPolicy(initialPassword, user);
    const hash = await hashPassword(initialPassword);
    await this.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('users')
        .set({ password_hash: hash, must_change_password: true, password_changed_at: new Date(this.clock()) })
        .where('id', '=', userId)
        .execute();
      await this.sessions.endAllOf(userId, 'password_reset', null, tx);
      await this.throttle.succeed(user.login!);
      await this.audit.record({ action: 'password_reset', actorId: adminId, subjectId: userId, clientAddress: client.address }, tx);
    });
  }

  /** The person's login name and whether they must change their password first (`/v1/me`). */
  async loginOf(userId: string): Promise<{ login: string | null; must_change_password: boolean } | undefined> {
    return this.db.selectFrom('users').select(['login', 'must_change_password']).where('id', '=', userId).executeTakeFirst();
  }

  /** Refuses a password the policy does not allow for this person (400, Chinese reason). */
  checkPolicy(password: string, person: { login?: string | null; name?: string | null; unit_code?: string | null }): void {
    const problem = passwordProblem(password, {
      login: person.login,
      name: person.name,
      unitName: person.unit_code ? this.units.get(person.unit_code)?.name : null,
      minLength: this.passwordMinLength,
    });
    if (problem) throw this.refused(problem);
  }

  private refused(message: string) {
    return new AppError(400, 'weak_password', message);
  }

  private async userForPassword(userId: string) {
    const user = await this.db
      .selectFrom('users')
      .select(['id', 'name', 'login', 'unit_code', 'password_hash'])
      .where('id', '=', userId)
      .where('role', '<>', 'system')
      .executeTakeFirst();
    if (!user) throw errors.notFound('User');
    return user;
  }
}
