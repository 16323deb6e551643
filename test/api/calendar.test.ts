import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_TOKEN, callerFor, createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';

let t: TestApp;
let admin: Caller;
let editor: Caller;
let provisionalId: string;

beforeAll(async () => {
  t = await startTestApp({ now: '2026-12-29T10:00:00+08:00' }); // the items' event day: it may not lie ahead
  admin = callerFor(t.app, BOOTSTRAP_TOKEN);
  editor = await createUser(t.app, 'editor', '150100');
});
afterAll(async () => {
  await t?.close();
});

describe('the admin calendar', () => {
  it('shows a missing year in /readyz and in the calendar, and marks deadlines counted without data', async () => {
    const ready = (await t.app.inject({ method: 'GET', url: '/readyz' })).json();
    expect(ready.checks.calendar.details.missingYears).toEqual([2027]);
    expect(ready.checks.calendar.details.warning).toContain('2027');
    const year = (await editor.get('/v1/calendar?year=2027')).json();
    expect(year.covered).toBe(false);
    expect(year.warning).toContain('2027');

    const item = (await editor.post('/v1/submissions', { title: '呼和浩特市计生协开展活动', eventDate: '2026-12-29' })).json();
    expect(item.deadlineProvisional).toBe(true);
    // Counted Monday–Friday for now: 30, 31, 1, 4, 5 January.
    expect(item.dueAt).toBe('2027-01-05T15:59:59.999Z');
    provisionalId = item.id;
  });

  it('lets an admin enter the next year’s holidays, and deadlines follow', async () => {
    expect((await editor.put('/v1/calendar/2027-01-04', { workday: false })).statusCode).toBe(403);
    for (const day of ['2027-01-01', '2027-01-04']) {
      const put = await admin.put(`/v1/calendar/${day}`, { workday: false, note: '元旦' });
      expect(put.statusCode).toBe(200);
    }
    expect((await admin.put('/v1/calendar/2027-02-30', { workday: false })).statusCode).toBe(400);
    const declared = await admin.put('/v1/calendar/years/2027', { note: '国务院办公厅通知' });
    expect(declared.json()).toEqual({ year: 2027, covered: true, rescheduled: 1 });
    // The item made before the calendar existed has its deadline recomputed, and the history says so.
    const earlier = (await editor.get(`/v1/submissions/${provisionalId}`)).json();
    expect(earlier).toMatchObject({ deadlineProvisional: false, dueAt: '2027-01-07T15:59:59.999Z' });
    const history = (await editor.get(`/v1/submissions/${provisionalId}/history`)).json();
    expect(history.map((h: { action: string; actor: { role: string } }) => [h.action, h.actor.role])).toContainEqual(['reschedule', 'system']);

    const year = (await editor.get('/v1/calendar?year=2027')).json();
    expect(year.covered).toBe(true);
    expect(year.days).toHaveLength(365);
    expect(year.days.find((d: { date: string }) => d.date === '2027-01-04')).toEqual({ date: '2027-01-04', workday: false, source: 'admin', note: '元旦' });
    // Tue 2026-12-29 + 5 working days: 30, 31, (1 Jan holiday, weekend, 4 Jan holiday) 5, 6, 7.
    const item = (await editor.post('/v1/submissions', { title: '呼和浩特市计生协开展活动', eventDate: '2026-12-29' })).json();
    expect(item.deadlineProvisional).toBe(false);
    expect(item.dueAt).toBe('2027-01-07T15:59:59.999Z');
    const ready = (await t.app.inject({ method: 'GET', url: '/readyz' })).json();
    expect(ready.checks.calendar.details.missingYears).toEqual([]);
  });
});
