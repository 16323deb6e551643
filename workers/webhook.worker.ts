import { createHmac } from 'node:crypto';
import type { Job } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { webhookJob } from './jobs.ts';

export const SIGNATURE_HEADER = 'x-nmg-signature';

/** `sha256=<hex HMAC-SHA256 of the exact body>` with the webhook's secret, as GitHub-style receivers expect. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs one event to one webhook; a non-2xx answer throws, so BullMQ retries with backoff. */
export function webhookProcessor(db: Kysely<Database>, timeoutMs = 10_000) {
  return async (job: Job) => {
    const data = webhookJob.parse(job.data);
    const hook = await db
      .selectFrom('webhooks')
      .select(['url', 'secret', 'disabled_at'])
      .where('id', '=', data.webhookId)
      .executeTakeFirst();
    if (!hook || hook.disabled_at) return { skipped: true };
    const body = JSON.stringify(data.event);
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signBody(hook.secret, body),
        'x-nmg-delivery': data.delivery,
        'x-nmg-event': data.event.kind,
      },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    return { status: response.status };
  };
}
