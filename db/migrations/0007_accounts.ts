import { sql, type Kysely } from 'kysely';

/**
 * People sign in: login names and password hashes on users, sessions behind a cookie, named API
 * tokens with a last-used time, an audit log of who signed in and changed what, and the failed
 * sign-ins that lock a login name or a client address for a while.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users
      ADD COLUMN login text,
      ADD COLUMN password_hash text,
      ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
      ADD COLUMN password_changed_at timestamptz;
    -- Login names are compared without regard to case: 'Zhangsan' and 'zhangsan' are one person.
    CREATE UNIQUE INDEX users_login_idx ON users (lower(login));

    ALTER TABLE api_tokens
      ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid(),
      ADD COLUMN name text NOT NULL DEFAULT '默认令牌',
      ADD COLUMN last_used_at timestamptz;
    CREATE UNIQUE INDEX api_tokens_id_idx ON api_tokens (id);
    CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

    -- Only the SHA-256 of a session's cookie value is kept, as for API tokens.
    CREATE TABLE sessions (
      token_hash bytea PRIMARY KEY,
      id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
      user_id uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      -- The absolute end; the idle end is last_seen_at plus the idle time, a setting.
      expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      end_reason text,
      client_address text,
      user_agent text
    );
    CREATE INDEX sessions_user_idx ON sessions (user_id, created_at DESC);

    CREATE TABLE audit_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      action text NOT NULL,
      actor_id uuid REFERENCES users (id),
      subject_id uuid REFERENCES users (id),
      login text,
      client_address text,
      details jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
    CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);
    CREATE INDEX audit_log_subject_idx ON audit_log (subject_id, at DESC);

    -- Failed sign-ins per login name ('login:…') and per client address ('address:…').
    CREATE TABLE sign_in_failures (
      key text PRIMARY KEY,
      failures int NOT NULL,
      first_at timestamptz NOT NULL,
      locked_until timestamptz
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE sign_in_failures, audit_log, sessions;
    DROP INDEX api_tokens_user_idx, api_tokens_id_idx;
    ALTER TABLE api_tokens DROP COLUMN last_used_at, DROP COLUMN name, DROP COLUMN id;
    DROP INDEX users_login_idx;
    ALTER TABLE users DROP COLUMN password_changed_at, DROP COLUMN must_change_password, DROP COLUMN password_hash, DROP COLUMN login;
  `.execute(db);
}
