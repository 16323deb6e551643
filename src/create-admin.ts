import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { hashPassword } from './auth/passwords.ts';
import { openInfrastructure } from './bootstrap.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { createServices } from './services/index.ts';
import { AppError } from './errors.ts';

/**
 * `npm run create-admin -- --login NAME [--name 显示名]`: makes (or re-keys) an admin who can sign in
 * to the console on a fresh install. The password is asked for twice at a terminal, or read from
 * the first line of standard input (`echo 'secret' | npm run create-admin -- --login admin`).
 */
const USAGE = 'usage: npm run create-admin -- --login NAME [--name DISPLAY_NAME]  (password from the terminal or stdin)';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(prompt)) process.stdout.write(s);
      };
      rl.question(prompt, (answer) => {
        rl.close();
        process.stdout.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password: ');
  const second = await ask('Password again: ');
  if (first !== second) throw new Error('the two passwords differ');
  return first;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { login: { type: 'string' }, name: { type: 'string' } } });
  if (!values.login) {
    console.error(USAGE);
    return 2;
  }
  const login = values.login.trim();
  const password = await readPassword();
  const config = loadConfig();
  const log = createLogger({ LOG_LEVEL: 'warn' }, 'create-admin');
  const opened = await openInfrastructure(config, log);
  try {
    const services = createServices(opened.infra);
    const name = values.name?.trim() || login;
    services.accounts.checkPolicy(password, { login, name });
    const hash = await hashPassword(password);
    const existing = await services.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where((eb) => eb(eb.fn('lower', ['login']), '=', login.toLowerCase()))
      .executeTakeFirst();
    if (existing && existing.role !== 'admin') throw new Error(`login ${login} belongs to a ${existing.role}, not an admin`);
    const now = new Date();
    if (existing) {
      await services.db
        .updateTable('users')
        .set({ password_hash: hash, must_change_password: false, password_changed_at: now, disabled_at: null })
        .where('id', '=', existing.id)
        .execute();
      await services.sessions.endAllOf(existing.id, 'password_reset');
      await services.audit.record({ action: 'password_reset', subjectId: existing.id, login, details: { via: 'create-admin' } });
      console.log(`Admin ${login}: password set. Sign in at the console with this login name.`);
    } else {
      const row = await services.db
        .insertInto('users')
        .values({ name, role: 'admin', unit_code: null, disabled_at: null, login, password_hash: hash, must_change_password: false, password_changed_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await services.audit.record({ action: 'user_created', subjectId: row.id, login, details: { role: 'admin', via: 'create-admin' } });
      console.log(`Admin ${login} created. Sign in at the console with this login name.`);
    }
    return 0;
  } finally {
    await opened.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`create-admin: ${error instanceof AppError || error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
