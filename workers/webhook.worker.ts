import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { UnrecoverableError, type Job } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { AddressGuard, AddressRefused, type ResolvedAddress } from '../src/webhooks/address-guard.ts';
import { SIGNATURE_HEADER, signBody } from '../src/webhooks/signature.ts';
import { webhookJob } from './jobs.ts';

export { SIGNATURE_HEADER, signBody };

export interface WebhookDeliveryOptions {
  /** WEBHOOK_ALLOW_HOSTS: receivers allowed although they are internal. */
  allowHosts?: string;
  timeoutMs?: number;
}

/** A `lookup` that answers with the addresses already checked, so the socket connects to exactly those. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (hostname, options, callback) => {
    const fitting = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
    if (fitting.length === 0) {
      callback(Object.assign(new Error(`no IPv${options.family} address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
    } else if (options.all) {
      (callback as unknown as (error: null, addresses: ResolvedAddress[]) => void)(null, fitting);
    } else {
      callback(null, fitting[0].address, fitting[0].family);
    }
  };
}

/** One POST without redirects, to the given (checked) addresses only, never to a fresh lookup; answers the status code. */
export function postToAddresses(url: URL, addresses: ResolvedAddress[], headers: Record<string, string>, body: string, timeoutMs: number) {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    lookup: pinnedLookup(addresses),
    agent: false, // a pooled socket could have been opened to another address
    signal: AbortSignal.timeout(timeoutMs),
  };
  return new Promise<number>((resolve, reject) => {
    const outgoing = send(url, options, (response: IncomingMessage) => {
      response.resume(); // the answer's body is not used
      resolve(response.statusCode ?? 0);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * POSTs one event to one webhook. A receiver that is internal (after DNS resolution) or that
 * redirects fails the job for good; any other non-2xx answer throws, so BullMQ retries with backoff.
 */
export function webhookProcessor(db: Kysely<Database>, options: WebhookDeliveryOptions = {}) {
  const guard = new AddressGuard(options.allowHosts);
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (job: Job) => {
    const data = webhookJob.parse(job.data);
    const hook = await db
      .selectFrom('webhooks')
      .select(['url', 'secret', 'disabled_at'])
      .where('id', '=', data.webhookId)
      .executeTakeFirst();
    if (!hook || hook.disabled_at) return { skipped: true };
    const url = new URL(hook.url);
    const addresses = await guard.resolve(url.hostname).catch((error: Error) => {
      throw error instanceof AddressRefused ? new UnrecoverableError(`拒绝投递：${error.message}`) : error;
    });
    const body = JSON.stringify(data.event);
    const headers = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signBody(hook.secret, body),
      'x-nmg-delivery': data.delivery,
      'x-nmg-event': data.event.kind,
    };
    const status = await postToAddresses(url, addresses, headers, body, timeoutMs);
    if (status >= 300 && status < 400) throw new UnrecoverableError(`投递失败：接收方答复 ${status} 重定向，webhook 不跟随重定向`);
    if (status < 200 || status >= 300) throw new Error(`webhook answered ${status}`);
    return { status };
  };
}
