import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import { AppError, appError, describeError, detail, errors } from '../errors.ts';
import { AddressGuard, AddressRefused } from '../webhooks/address-guard.ts';
import type { UnitDirectory } from './unit-directory.ts';

export interface WebhookView {
  id: string;
  url: string;
  unitCode: string | null;
  /** Only webhooks registered before they became admin-only belong to a user. */
  userId: string | null;
  createdAt: string;
}

const view = (w: { id: string; url: string; unit_code: string | null; user_id: string | null; created_at: Date }): WebhookView => ({
  id: w.id,
  url: w.url,
  unitCode: w.unit_code,
  userId: w.user_id,
  createdAt: w.created_at.toISOString(),
});

const refusedUrl = (code: 'webhook_url_invalid' | 'webhook_url_credentials') =>
  appError(code, undefined, [detail('body.url', describeError(code, undefined).texts)]);

/** The receiver's URL as it will be stored and called, or a 400 with a code that says what is wrong. */
function receiverUrl(input: string, guard: AddressGuard): URL {
  const url = URL.parse(input);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) throw refusedUrl('webhook_url_invalid');
  if (url.username || url.password) throw refusedUrl('webhook_url_credentials');
  try {
    guard.checkLiteral(url.hostname);
  } catch (error) {
    if (!(error instanceof AddressRefused)) throw error;
    const texts = { zh: error.message, en: `${describeError('webhook_host_forbidden', undefined).texts.en}: ${url.hostname}` };
    throw new AppError(400, 'webhook_host_forbidden', texts, [detail('body.url', texts)]);
  }
  return url;
}

/** Admins' webhooks: one receiver per registration, for one unit's notifications. */
export class WebhookRegistry {
  private readonly db: Kysely<Database>;
  private readonly units: UnitDirectory;
  private readonly guard: AddressGuard;

  constructor(db: Kysely<Database>, units: UnitDirectory, allowHosts: string) {
    this.db = db;
    this.units = units;
    this.guard = new AddressGuard(allowHosts);
  }

  /** Registers a receiver; the answer carries its signing secret, shown this once. */
  async register(input: { url: string; unitCode: string }, by: string): Promise<WebhookView & { secret: string }> {
    const url = receiverUrl(input.url, this.guard);
    if (!this.units.get(input.unitCode)) {
      throw errors.validation({ zh: `没有代码为 ${input.unitCode} 的单位`, en: `No unit has the code ${input.unitCode}` }, [
        detail('body.unitCode', { zh: '未知单位', en: 'unknown unit' }),
      ]);
    }
    const secret = randomBytes(24).toString('base64url');
    const row = await this.db
      .insertInto('webhooks')
      .values({ url: url.href, secret, unit_code: input.unitCode, user_id: null, created_by: by, disabled_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { ...view(row), secret };
  }

  async active(): Promise<WebhookView[]> {
    const rows = await this.db.selectFrom('webhooks').selectAll().where('disabled_at', 'is', null).orderBy('created_at').execute();
    return rows.map(view);
  }

  async disable(id: string): Promise<void> {
    const result = await this.db
      .updateTable('webhooks')
      .set({ disabled_at: new Date() })
      .where('id', '=', id)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw errors.notFound('Webhook');
  }
}
