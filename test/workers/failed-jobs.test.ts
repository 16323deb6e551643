import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createUser, eventually, startTestApp, type Caller, type TestApp } from '../support/app.ts';

/** An admin's hand on jobs that failed for good: list, retry (elsewhere), discard. */
describe('discarding a failed job', () => {
  let t: TestApp;
  let admin: Caller;

  beforeAll(async () => {
    t = await startTestApp({ queue: { backend: 'postgres' }, workers: true, env: { SWEEP_INTERVAL_MS: '3600000' } });
    admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A score job for a history row that does not exist: it throws, and with one attempt fails for good. */
  async function failedJob(): Promise<string> {
    const id = `hopeless-${randomUUID()}`;
    await t.queues!.queue('scores').add('score', { itemId: randomUUID(), seq: 1, kind: 'submitted', unitCode: '150600' }, { jobId: id, attempts: 1 });
    await eventually(async () => (await t.queues!.queue('scores').getJob(id))?.failedReason, 30_000, 'failed job');
    return id;
  }
  const listed = async () => ((await admin.get('/v1/admin/failed-jobs')).json() as Array<{ queue: string; id: string }>).map((j) => `${j.queue}/${j.id}`);

  it('removes it from the failed list, and only a failed job, and only for admins', async () => {
    const id = await failedJob();
    expect(await listed()).toContain(`scores/${id}`);
    const editor = await createUser(t.app, 'editor', '150600');
    expect((await editor.delete(`/v1/admin/failed-jobs/scores/${id}`)).statusCode).toBe(403);

    const discarded = await admin.delete(`/v1/admin/failed-jobs/scores/${id}`);
    expect(discarded.statusCode, discarded.body).toBe(204);
    expect(await listed()).not.toContain(`scores/${id}`);
    expect(await t.queues!.queue('scores').getJob(id)).toBeFalsy();
    const again = await admin.delete(`/v1/admin/failed-jobs/scores/${id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('not_found');

    const waiting = `waiting-${randomUUID()}`;
    await t.queues!.queue('webhooks').add('deliver', {}, { jobId: waiting, delay: 3_600_000 });
    const notFailed = await admin.delete(`/v1/admin/failed-jobs/webhooks/${waiting}`);
    expect(notFailed.statusCode).toBe(409);
    expect(notFailed.json().error.code).toBe('job_not_failed');
    expect(await t.queues!.queue('webhooks').getJob(waiting)).toBeTruthy();
  });
});
