/**
 * `npm run bench:web`: the console's bundle sizes (gzipped) and the time until 我的待办 shows its
 * first task, for an editor with 1,000 open tasks, from a cold browser cache against a local service.
 *   BENCH_DATABASE_URL / DATABASE_URL  a server to create the bench database on
 *   BENCH_TASKS   open tasks (default 1,000)
 *   BENCH_ROUNDS  cold loads measured, median reported (default 5)
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CONSOLE_DIST } from '../src/routes/console.ts';
import { ensureConsoleBuilt } from '../web/scripts/build-if-stale.ts';
import { freshDatabase, percentile, startServer } from './support.ts';

const env = process.env;
const TASKS = Number(env.BENCH_TASKS ?? 1000);
const ROUNDS = Number(env.BENCH_ROUNDS ?? 5);
const adminUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
if (!adminUrl) throw new Error('set DATABASE_URL (or BENCH_DATABASE_URL)');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(path.join(CONSOLE_DIST, file))).length;

/** What the first page loads before any lazy page: the entry script and what index.html preloads. */
function bundleSizes() {
  const html = readFileSync(path.join(CONSOLE_DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const all = readdirSync(path.join(CONSOLE_DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const page = (name: string) => all.filter((f) => path.basename(f).startsWith(`${name}-`)).reduce((s, f) => s + gz(f), 0);
  return {
    initialJs: initial.filter((f) => f.endsWith('.js')).reduce((s, f) => s + gz(f), 0),
    initialCss: initial.filter((f) => f.endsWith('.css')).reduce((s, f) => s + gz(f), 0),
    allJs: all.reduce((s, f) => s + gz(f), 0),
    tasksPage: page('TasksPage'),
    statsPage: page('StatsPage'),
  };
}

ensureConsoleBuilt();
const sizes = bundleSizes();
console.log(`console bundle (gzip): initial JS ${kb(sizes.initialJs)} (limit 350 KB), initial CSS ${kb(sizes.initialCss)}, 我的待办 chunk ${kb(sizes.tasksPage)}, 统计 chunk with ECharts ${kb(sizes.statsPage)}, all JS ${kb(sizes.allJs)}`);

const token = 'bench-console-bootstrap-token-0123456789';
const databaseUrl = await freshDatabase(adminUrl, 'nmg_bench_console');
const server = await startServer(databaseUrl, { BOOTSTRAP_ADMIN_TOKEN: token, TRUST_PROXY: '' });
try {
  const json = { 'content-type': 'application/json' };
  await fetch(`${server.url}/v1/users`, {
    method: 'POST',
    headers: { ...json, authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: '张三', role: 'editor', unitCode: '150600', login: 'bench-editor', initialPassword: 'Bench-Initial-0001' }),
  });
  // The editor's session (the first sign-in's password change done through the API), as the browser will hold it.
  const signIn = async (password: string) => fetch(`${server.url}/v1/session`, { method: 'POST', headers: json, body: JSON.stringify({ login: 'bench-editor', password }) });
  let cookie = (await signIn('Bench-Initial-0001')).headers.getSetCookie()[0].split(';')[0];
  const asEditor = () => ({ ...json, cookie, origin: server.url });
  await fetch(`${server.url}/v1/me/password`, { method: 'POST', headers: asEditor(), body: JSON.stringify({ currentPassword: 'Bench-Initial-0001', newPassword: 'Bench-Password-2026' }) });
  cookie = (await signIn('Bench-Password-2026')).headers.getSetCookie()[0].split(';')[0];
  // The editor's open tasks: their drafts.
  const eventDate = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < TASKS; i += 50) {
    const answers = await Promise.all(
      Array.from({ length: Math.min(50, TASKS - i) }, (_, j) =>
        fetch(`${server.url}/v1/submissions`, { method: 'POST', headers: asEditor(), body: JSON.stringify({ title: `鄂尔多斯市计生协工作动态第${i + j + 1}期`, eventDate }) }),
      ),
    );
    const refused = answers.find((a) => a.status !== 201);
    if (refused) throw new Error(`creating drafts failed: ${refused.status} ${await refused.text()}`);
  }
  const [name, value] = cookie.split('=');

  const browser = await chromium.launch({ executablePath: env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } }); // a cold cache every time
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${server.url}/tasks`);
    await page.locator('.ant-table-row').first().waitFor({ timeout: 30_000 }).catch(async (error) => {
      await page.screenshot({ path: '.data/bench-console-failed.png' });
      throw error;
    });
    times.push(Date.now() - started);
    const rows = await page.getByText(`全部 ${TASKS}`).count();
    if (rows !== 1) throw new Error(`我的待办 did not count ${TASKS} tasks`);
    await context.close();
  }
  await browser.close();
  times.sort((a, b) => a - b);
  console.log(`我的待办 with ${TASKS} open tasks, cold cache: first task shown after ${percentile(times, 50)} ms median, ${times.at(-1)} ms worst of ${ROUNDS} (goal 1,500 ms)`);
} finally {
  await server.stop();
}
