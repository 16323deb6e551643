import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

/**
 * Extreme dates and years in every date field of the API. Before the range rule, `9999-12-27` as an
 * event date sent the working-day count into an endless loop that stopped the whole process; the
 * calendar's own bound is unit-tested in test/time/calendar.test.ts, since a hung event loop would
 * stop this file's timers too.
 */
let t: TestApp;
let admin: Caller;
let editor: Caller;
let itemId: string;

const EXTREME_DATES = ['0000-01-01', '9999-12-31', '9999-12-27', '2024-02-30', '1999-12-31', '2101-01-01'];
const EXTREME_YEARS = ['0000', '9999', '1999', '2101', '-1', '1e9'];

beforeAll(async () => {
  t = await startTestApp({ now: '2024-05-20T10:00:00+08:00' });
  admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  editor = await createUser(t.app, 'editor', '150600');
  itemId = (await editor.post('/v1/submissions', { title: '鄂尔多斯市计生协开展活动', eventDate: '2024-05-18' })).json().id;
});
afterAll(async () => {
  await t?.close();
});

const itemCount = async () => (await admin.get('/v1/submissions?limit=200')).json().items.length;

describe('extreme dates in every date field', () => {
  const dateFields: Array<[string, (caller: { editor: Caller; admin: Caller }, date: string) => ReturnType<Caller['get']>]> = [
    ['create eventDate', ({ editor }, d) => editor.post('/v1/submissions', { title: '鄂尔多斯市计生协开展活动', eventDate: d })],
    ['patch eventDate', ({ editor }, d) => editor.patch(`/v1/submissions/${itemId}`, { eventDate: d })],
    ['list from', ({ editor }, d) => editor.get(`/v1/submissions?from=${d}`)],
    ['list to', ({ editor }, d) => editor.get(`/v1/submissions?to=${d}`)],
    ['period report from', ({ admin }, d) => admin.get(`/v1/reports/period?from=${d}&to=2024-06-30`)],
    ['period report to', ({ admin }, d) => admin.get(`/v1/reports/period?from=2000-01-01&to=${d}`)],
    ['score report through', ({ admin }, d) => admin.get(`/v1/reports/scores?year=${d.slice(0, 4)}&through=${d}`)],
    ['flow from', ({ admin }, d) => admin.get(`/v1/pipeline/flow?from=${d}&to=2024-06-30`)],
    ['flow to', ({ admin }, d) => admin.get(`/v1/pipeline/flow?from=2024-01-01&to=${d}`)],
    ['calendar day', ({ admin }, d) => admin.put(`/v1/calendar/${d}`, { workday: false, note: '测试' })],
  ];
  const yearFields: Array<[string, (caller: { editor: Caller; admin: Caller }, year: string) => ReturnType<Caller['get']>]> = [
    ['calendar year', ({ editor }, y) => editor.get(`/v1/calendar?year=${y}`)],
    ['calendar year declared', ({ admin }, y) => admin.put(`/v1/calendar/years/${y}`, { note: '测试' })],
    ['scoring rules read', ({ editor }, y) => editor.get(`/v1/scoring-rules/${y}`)],
    ['scoring rules set', ({ admin }, y) => admin.put(`/v1/scoring-rules/${y}`, { submitted: 1, adopted: 2, nationalAdopted: 3 })],
    ['score report year', ({ admin }, y) => admin.get(`/v1/reports/scores?year=${y}`)],
    ['bulletin year', ({ admin }, y) => admin.get(`/v1/reports/bulletin?year=${y}&quarter=1`)],
  ];

  const cases = [
    ...dateFields.flatMap(([field, send]) => EXTREME_DATES.map((value) => [field, value, send] as const)),
    ...yearFields.flatMap(([field, send]) => EXTREME_YEARS.map((value) => [field, value, send] as const)),
  ];
  for (const [field, value, send] of cases) {
    it(`${field} = ${value} is refused with 400`, async () => {
      const response = await send({ editor, admin }, value);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe('validation_failed');
    });
  }

  it('an import row with an extreme event date is refused and stores nothing', async () => {
    const before = await itemCount();
    for (const eventDate of EXTREME_DATES) {
      const response = await admin.post('/v1/import/submissions', {
        items: [{ externalId: `extreme-${eventDate}`, unitCode: '150600', title: '鄂尔多斯市计生协开展活动', eventDate }],
      });
      expect(response.statusCode, response.body).toBeLessThan(500);
      if (response.statusCode === 200) expect(response.json().created, response.body).toBe(0);
    }
    expect(await itemCount()).toBe(before);
  });

  it('stored nothing and changed nothing', async () => {
    expect(await itemCount()).toBe(1);
    expect((await editor.get(`/v1/submissions/${itemId}`)).json()).toMatchObject({ version: 1, eventDate: '2024-05-18' });
    expect((await admin.get('/v1/calendar?year=2024')).json().days.filter((d: { source: string }) => d.source === 'admin')).toEqual([]);
  });
});

describe('the event date', () => {
  it('may not lie after today in Shanghai, on the service clock', async () => {
    t.clock.set('2024-05-20T00:30:00+08:00'); // still 2024-05-19 in UTC
    const future = await editor.post('/v1/submissions', { title: '鄂尔多斯市计生协开展活动', eventDate: '2024-05-21' });
    expect(future.statusCode, future.body).toBe(422);
    expect(future.json().error).toMatchObject({ code: 'event_date_in_future', details: { eventDate: '2024-05-21', today: '2024-05-20' } });
    expect(future.json().error.message).toContain('晚于今天');
    const patched = await editor.patch(`/v1/submissions/${itemId}`, { eventDate: '2024-05-21' });
    expect(patched.statusCode, patched.body).toBe(422);
    expect(patched.json().error.code).toBe('event_date_in_future');
    expect(await itemCount()).toBe(1);

    const today = await editor.post('/v1/submissions', { title: '鄂尔多斯市计生协开展活动', eventDate: '2024-05-20' });
    expect(today.statusCode, today.body).toBe(201);
    t.clock.set('2024-05-21T00:00:00+08:00');
    const moved = await editor.patch(`/v1/submissions/${itemId}`, { eventDate: '2024-05-21' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().eventDate).toBe('2024-05-21');
  });

  it('may be as early as 2000-01-01', async () => {
    // Written within its two weeks: an event date past the stale limit is refused (event_date_stale).
    const now = t.clock.now;
    t.clock.set('2000-01-02T10:00:00+08:00');
    const early = await editor.post('/v1/submissions', { title: '鄂尔多斯市计生协开展活动', eventDate: '2000-01-01' });
    t.clock.now = now;
    expect(early.statusCode, early.body).toBe(201);
  });
});
