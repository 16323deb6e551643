import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, verifySignature } from '../../src/webhooks/signature.ts';
import { postToAddresses } from '../../workers/webhook.worker.ts';
import { BOOTSTRAP_TOKEN, callerFor, eventually, startTestApp, type TestApp } from '../support/app.ts';
import { redisForTests } from '../support/redis.ts';

const redisUrl = await redisForTests();
const backends = [
  { name: 'postgres', queue: { backend: 'postgres' as const } },
  ...(redisUrl ? [{ name: 'redis', queue: { backend: 'redis' as const, redisUrl } }] : []),
];
const UNIT = '150600';

/** A local webhook receiver: records what reaches /hook; /redirect sends the caller on to /hook. */
class Receiver {
  readonly received: Array<{ path: string; headers: IncomingHttpHeaders; body: string }> = [];
  private readonly server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.url === '/redirect') {
        response.writeHead(307, { location: `${this.base}/hook` }).end();
        return;
      }
      this.received.push({ path: request.url ?? '', headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  port = 0;

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }
  async stop() {
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Queues one delivery to a webhook and waits until it completed or failed for good. */
async function deliver(t: TestApp, webhookId: string) {
  const delivery = `test-${randomUUID()}`;
  const event = { id: delivery, kind: 'rejected', itemId: null, unitCode: UNIT, message: '《标题》未予采用：内容重复', createdAt: new Date().toISOString() };
  const queue = t.queues!.queue('webhooks');
  await queue.add('deliver', { webhookId, delivery, event }, { jobId: delivery });
  await eventually(async () => {
    const state = await (await queue.getJob(delivery))?.getState();
    return state === 'completed' || state === 'failed';
  }, 20_000, 'delivery');
  // Read the job again once it has finished: a copy fetched while it ran lacks its outcome.
  const job = (await queue.getJob(delivery))!;
  return { job, state: await job.getState() };
}

/** A webhook row as an earlier version (or a name that now resolves elsewhere) may have left it. */
async function storedHook(t: TestApp, url: string) {
  const row = await t.services.db
    .insertInto('webhooks')
    .values({ url, secret: 'legacy-secret', unit_code: UNIT, user_id: null, created_by: '00000000-0000-0000-0000-000000000001', disabled_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe.each(backends)('webhook delivery ($name backend)', ({ queue }) => {
  const receiver = new Receiver();
  let plain: TestApp;
  let allowing: TestApp;

  beforeAll(async () => {
    await receiver.start();
    plain = await startTestApp({ queue, workers: true, env: { WEBHOOK_ALLOW_HOSTS: '' } });
    allowing = await startTestApp({ queue, workers: true, env: { WEBHOOK_ALLOW_HOSTS: '127.0.0.1' } });
  });
  afterAll(async () => {
    await plain?.close();
    await allowing?.close();
    await receiver.stop();
  });

  const reachedHook = () => receiver.received.filter((r) => r.path === '/hook').length;
  /** job_failures_total of the webhooks queue, by `final`. */
  const failureCounts = async (t: TestApp) => {
    const values = (await t.services.metrics.jobFailures.get()).values.filter((v) => v.labels.queue === 'webhooks');
    const count = (final: string) => values.find((v) => v.labels.final === final)?.value ?? 0;
    return { final: count('true'), retried: count('false') };
  };

  it.each([
    ['127.0.0.1', () => `${receiver.base}/hook`, /127\.0\.0\.1是环回地址/],
    ['a name that resolves to loopback', () => `http://localhost:${receiver.port}/hook`, /localhost（解析为 (127\.0\.0\.1|::1)）是环回地址/],
  ])('refuses %s without the allow-list: failed for good at the first attempt, reason shown to the admin', async (_name, url, reason) => {
    const before = reachedHook();
    const counted = await failureCounts(plain);
    const { job, state } = await deliver(plain, await storedHook(plain, url()));
    expect(state).toBe('failed');
    expect(job.attemptsMade).toBe(1); // not retried: JOB_ATTEMPTS is 3 here
    expect(job.failedReason).toMatch(reason);
    expect(job.failedReason).toContain('WEBHOOK_ALLOW_HOSTS');
    expect(reachedHook()).toBe(before);
    // Counted as failed for good, not as a failure that will be retried.
    await eventually(async () => (await failureCounts(plain)).final === counted.final + 1, 20_000, 'failure metric');
    expect((await failureCounts(plain)).retried).toBe(counted.retried);

    const failed = (await callerFor(plain.app, BOOTSTRAP_TOKEN).get('/v1/admin/failed-jobs')).json();
    expect(failed.find((j: { id: string }) => j.id === job.id)).toMatchObject({ queue: 'webhooks', failedReason: expect.stringMatching(reason) });
  });

  it('delivers to a receiver the allow-list names, signed so that it verifies and cannot be replayed later', async () => {
    const created = await callerFor(allowing.app, BOOTSTRAP_TOKEN).post('/v1/webhooks', { url: `${receiver.base}/hook`, unitCode: UNIT });
    expect(created.statusCode, created.body).toBe(201);
    const { id, secret } = created.json();
    const before = receiver.received.length;
    const { job, state } = await deliver(allowing, id);
    expect(state).toBe('completed');
    expect(job.returnvalue).toEqual({ status: 204 });

    const [request] = receiver.received.slice(before);
    expect(request.path).toBe('/hook');
    expect(request.headers['x-nmg-event']).toBe('rejected');
    expect(JSON.parse(request.body)).toMatchObject({ kind: 'rejected', unitCode: UNIT, message: '《标题》未予采用：内容重复' });
    const signature = request.headers[SIGNATURE_HEADER] as string;
    expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, signature, request.body)).toBe(true);
    const signedAt = Number(/^t=(\d+)/.exec(signature)![1]) * 1000;
    expect(verifySignature(secret, signature, request.body, 300, new Date(signedAt + 300_000))).toBe(true);
    // The same request replayed after the tolerance, altered, or checked with another secret.
    expect(verifySignature(secret, signature, request.body, 300, new Date(signedAt + 301_000))).toBe(false);
    expect(verifySignature(secret, signature, request.body.replace('内容重复', '内容不实'))).toBe(false);
    expect(verifySignature('another-secret', signature, request.body)).toBe(false);
  });

  it('connects to the addresses that were checked, never to a second lookup of the name (no DNS rebinding)', async () => {
    // .invalid never resolves (RFC 6761): reaching the receiver proves the socket used the checked address.
    const url = new URL(`http://receiver.invalid:${receiver.port}/hook`);
    const before = receiver.received.length;
    const status = await postToAddresses(url, [{ address: '127.0.0.1', family: 4 }], {}, '{}', 5_000);
    expect(status).toBe(204);
    expect(receiver.received.slice(before).map((r) => r.headers.host)).toEqual([`receiver.invalid:${receiver.port}`]);
  });

  it('does not follow a redirect: a 3xx fails the delivery for good', async () => {
    const before = reachedHook();
    const { job, state } = await deliver(allowing, await storedHook(allowing, `${receiver.base}/redirect`));
    expect(state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toContain('307');
    expect(reachedHook()).toBe(before);
  });

  it('refuses, with the allow-list, the internal addresses it does not name', async () => {
    for (const url of [`http://[::1]:${receiver.port}/hook`, 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/hook']) {
      const { job, state } = await deliver(allowing, await storedHook(allowing, url));
      expect(state, url).toBe('failed');
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toMatch(/^拒绝投递：/);
    }
  });
});
