import { spawn } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULLETIN_2024_Q2 } from '../../src/demo/bulletin-2024.ts';
import { loadDemo, type DemoLoaded } from '../../src/demo/load.ts';
import { LIVE_ITEM_COUNT } from '../../src/demo/live-items.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/demo/people.ts';
import { eventually, startTestApp, type TestApp } from '../support/app.ts';
import { signedIn, signIn } from '../support/people.ts';

let t: TestApp;
let first: DemoLoaded;

/** How many rows the demo's tables hold: a second load must not change them. */
async function counts() {
  const count = async (table: 'items' | 'users' | 'item_history' | 'item_images') =>
    Number((await t.services.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { items: await count('items'), users: await count('users'), history: await count('item_history'), images: await count('item_images') };
}

beforeAll(async () => {
  // Today's date: the live items are dated a few days back from it. The workers run: the reports
  // read the score ledger, which the score worker fills from the outbox (as under npm start).
  t = await startTestApp({ now: new Date().toISOString(), queue: { backend: 'postgres' }, workers: true });
  first = await loadDemo(t.services);
});
afterAll(async () => {
  await t?.close();
});

describe('npm run demo', { timeout: 60_000 }, () => {
  it('loads the 14 units’ Jan–Jun 2024 history: the Q2 period table is the bulletin’s 附件1', async () => {
    expect(first.history).toEqual({ created: 1_026, unchanged: 0, errors: [] });
    const manager = await signedIn(t.app, 'demo-manager', DEMO_PASSWORD);
    const period = async () => {
      const report = (await manager.get('/v1/reports/period?from=2024-04-01&to=2024-06-30')).json();
      return { rows: report.rows.map((r: any) => [r.unitName, r.submitted, r.adopted, r.nationalAdopted]), totals: report.totals };
    };
    const expected = { rows: BULLETIN_2024_Q2.period, totals: { submitted: 586, adopted: 298, nationalAdopted: 25 } };
    // The points arrive job by job; on a time-out, the comparison below shows what is missing.
    await eventually(async () => isDeepStrictEqual(await period(), expected), 50_000, 'the imported points in the ledger').catch(() => {});
    expect(await period()).toEqual(expected);
  });

  it('makes one person per role, each signing in with the printed password and no change asked', async () => {
    expect(first.people.map((p) => p.role).sort()).toEqual(['admin', 'approver', 'editor', 'manager', 'reviewer']);
    for (const person of DEMO_PEOPLE) {
      const response = await signIn(t.app, person.login, DEMO_PASSWORD);
      expect(response.statusCode, person.login).toBe(200);
      expect(response.json().user).toMatchObject({ login: person.login, role: person.role, mustChangePassword: false });
    }
  });

  it('fills the pipeline: a draft, one item awaiting sign-off in the approver’s inbox, submitted ones in the reviewer’s', async () => {
    expect(first.liveItems).toBe(LIVE_ITEM_COUNT);
    // The unit's imported history is listed too, closed: only open items are counted here.
    const open = new Set(['draft', 'awaiting_signoff', 'submitted']);
    const states = async (login: string, url: string) => {
      const page = (await (await signedIn(t.app, login, DEMO_PASSWORD)).get(`${url}?limit=200`)).json();
      return page.items.map((item: { state: string }) => item.state).filter((state: string) => open.has(state)).sort();
    };
    expect(await states('demo-editor', '/v1/submissions')).toEqual(['awaiting_signoff', 'draft', 'submitted', 'submitted']);
    expect(await states('demo-approver', '/v1/tasks')).toEqual(['awaiting_signoff']);
    expect(await states('demo-reviewer', '/v1/tasks')).toEqual(['submitted', 'submitted']);
  });

  it('changes nothing when run again', async () => {
    const before = await counts();
    const again = await loadDemo(t.services);
    expect(again.history).toEqual({ created: 0, unchanged: 1_026, errors: [] });
    expect(again.liveItems).toBe(0);
    expect(again.people.every((p) => !p.created)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('runs as a command against DATABASE_URL and prints each person’s sign-in', async () => {
    const child = spawn(process.execPath, ['src/demo/main.ts'], { env: { ...process.env, DATABASE_URL: t.databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, output).toBe(0);
    for (const person of DEMO_PEOPLE) expect(output).toContain(person.login);
    expect(output).toContain(DEMO_PASSWORD);
    expect(output).toContain('0 history items imported (1026 already there)');
  });
});
