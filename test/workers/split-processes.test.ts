import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANGE_FEED_APPLICATION } from '../../src/change-feed.ts';
import { shanghaiDate } from '../../src/time/shanghai.ts';
import { WorkCalendar } from '../../src/time/work-calendar.ts';
import { createQueueKit, type QueueKit } from '../../workers/queues.ts';
import { BOOTSTRAP_TOKEN, eventually, FAST_WORKER_ENV } from '../support/app.ts';
import { createTestDatabase } from '../support/database.ts';
import { multipart, png } from '../support/images.ts';
import { freePort } from '../support/net.ts';

const METRICS_TOKEN = 'worker-metrics-token-0123456789';
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((address) => address && address.family === 'IPv4' && !address.internal)?.address;

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

/** `npm run api` and `npm run worker`, as separate processes on one database (BullMQ's Postgres backend). */
class SplitInstall {
  readonly children: ChildProcess[] = [];
  readonly uploads = mkdtempSync(path.join(tmpdir(), 'nmg-split-'));
  readonly prefix = `t${randomBytes(4).toString('hex')}`;
  databaseUrl = '';
  apiPort = 0;

  async start(): Promise<void> {
    this.databaseUrl = (await createTestDatabase()).url;
    this.apiPort = await freePort();
    this.spawn('src/server.ts', { PORT: String(this.apiPort) });
    await eventually(() => this.answers(`http://127.0.0.1:${this.apiPort}/healthz`), 30_000, 'the API process');
  }

  /** A worker process; its /metrics port is returned. */
  async startWorker(env: Record<string, string> = {}): Promise<number> {
    const port = await freePort();
    this.spawn('workers/main.ts', { WORKER_PORT: String(port), ...env });
    await eventually(() => this.answers(`http://127.0.0.1:${port}/healthz`), 30_000, 'the worker process');
    return port;
  }

  async stop(): Promise<void> {
    for (const child of this.children) child.kill('SIGTERM');
    await Promise.all(this.children.map(exitOf));
    rmSync(this.uploads, { recursive: true, force: true });
  }

  async call(method: string, url: string, token: string, body?: object): Promise<{ status: number; json: any }> {
    const response = await fetch(`http://127.0.0.1:${this.apiPort}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, json: await response.json().catch(() => null) };
  }

  async upload(url: string, token: string, file: Buffer, fields: Record<string, string>): Promise<number> {
    const form = multipart(file, 'photo.png', fields);
    const response = await fetch(`http://127.0.0.1:${this.apiPort}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...form.headers },
      body: form.payload,
    });
    return response.status;
  }

  private spawn(script: string, env: Record<string, string>): void {
    const child = spawn(process.execPath, [script], {
      env: {
        ...process.env,
        ...FAST_WORKER_ENV,
        DATABASE_URL: this.databaseUrl,
        REDIS_URL: '',
        QUEUE_PREFIX: this.prefix,
        BOOTSTRAP_ADMIN_TOKEN: BOOTSTRAP_TOKEN,
        UPLOAD_DIR: this.uploads,
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.children.push(child);
  }

  private async answers(url: string): Promise<boolean> {
    return fetch(url).then((r) => r.ok, () => false);
  }
}

/** The worker's calendar_version_seconds: when the newest calendar change it has loaded was made. */
async function calendarVersion(workerPort: number): Promise<number> {
  const body = await (await fetch(`http://127.0.0.1:${workerPort}/metrics`)).text();
  return Number(/^calendar_version_seconds (\S+)$/m.exec(body)?.[1]);
}

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('the split processes: npm run api and npm run worker', () => {
  const install = new SplitInstall();
  let workerPort: number;
  let kit: QueueKit;
  let db: pg.Client;

  beforeAll(async () => {
    await install.start();
    workerPort = await install.startWorker({ HOST: '0.0.0.0' });
    kit = createQueueKit({ databaseUrl: install.databaseUrl, prefix: install.prefix });
    db = new pg.Client({ connectionString: install.databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await kit?.close();
    await db?.end();
    await install.stop();
  });

  it('carries an admin’s calendar change to the worker, which schedules sign-off reminders by it', async () => {
    expect(await calendarVersion(workerPort)).toBe(0);
    const today = shanghaiDate(Date.now());
    const tomorrowsWorkday = new WorkCalendar().addWorkdays(today, 1).date;
    const put = await install.call('PUT', `/v1/calendar/${tomorrowsWorkday}`, BOOTSTRAP_TOKEN, { workday: false, note: '临时调休' });
    expect(put.status).toBe(200);
    await eventually(async () => (await calendarVersion(workerPort)) > 0, 30_000, 'the worker reloading its calendar');

    // The worker's relay counts the approver's reminder in working days on its own calendar.
    const [editor, approver] = await Promise.all(
      ['editor', 'approver'].map(async (role) => (await install.call('POST', '/v1/users', BOOTSTRAP_TOKEN, { name: role, role, unitCode: '150600' })).json.token as string),
    );
    expect(approver).toBeTruthy();
    const created = await install.call('POST', '/v1/submissions', editor, {
      title: '鄂尔多斯市计生协开展优生优育进家庭活动',
      body: '内容。（鄂尔多斯市计生协 张三 供稿）',
      eventDate: today,
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(await install.upload(`/v1/submissions/${id}/images`, editor, png(1024, 768), { caption: '活动现场' })).toBe(201);
    expect((await install.call('POST', `/v1/submissions/${id}/actions`, editor, { action: 'request_signoff' })).status).toBe(200);

    const reminder = await eventually(async () => {
      const jobs = await kit.queue('deadlines').getJobs(['delayed']);
      return jobs.find((job) => job.data.itemId === id && job.data.reminder === 'signoff_waiting');
    }, 30_000, 'the sign-off reminder');
    const enteredAt = Number(String(reminder.id).split('-').at(-1));
    const runsOn = shanghaiDate(reminder.timestamp + reminder.delay);
    expect(runsOn).not.toBe(tomorrowsWorkday);
    expect(runsOn).toBe(new WorkCalendar([[tomorrowsWorkday, false]]).addWorkdays(shanghaiDate(enteredAt), 1).date);
  });

  it('reloads after its notification connection dropped, since changes made meanwhile were not announced to it', async () => {
    // Written behind the service's back: no notification, as if it had been sent while the worker was disconnected.
    const { rows } = await db.query<{ updated_at: Date }>(
      `INSERT INTO calendar_days (day, workday, note) VALUES ('2099-10-09', false, '') RETURNING updated_at`,
    );
    const terminated = await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
      [CHANGE_FEED_APPLICATION],
    );
    expect(terminated.rowCount).toBe(2); // the API's and the worker's
    await eventually(
      async () => Math.round((await calendarVersion(workerPort)) * 1000) === rows[0].updated_at.getTime(),
      10_000,
      'the worker reloading after reconnecting',
    );
  });

  it.runIf(externalAddress)('serves the worker’s /metrics to this machine only when METRICS_TOKEN is not set', async () => {
    expect((await fetch(`http://127.0.0.1:${workerPort}/metrics`)).status).toBe(200);
    const remote = await fetch(`http://${externalAddress}:${workerPort}/metrics`);
    expect(remote.status).toBe(403);
    expect(await errorCode(remote)).toBe('forbidden');
  });

  it('asks for METRICS_TOKEN at the worker’s /metrics when it is set', async () => {
    const guardedPort = await install.startWorker({ METRICS_TOKEN });
    const url = `http://127.0.0.1:${guardedPort}/metrics`;
    const refused = await fetch(url);
    expect(refused.status).toBe(401);
    expect(await errorCode(refused)).toBe('unauthenticated');
    const allowed = await fetch(url, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('calendar_version_seconds');
  });
});
