import { describe, expect, it } from 'vitest';
import { applyEvent, allowedActions, createSubmission, persist, replay, restore } from '../../machines/submission.runtime.ts';
import {
  ACTIONS,
  ROLES,
  STATES,
  type Action,
  type Actor,
  type Role,
  type SubmissionEvent,
  type SubmissionState,
} from '../../machines/submission.types.ts';

const UNIT = '150600';
const DUE = Date.parse('2024-05-27T23:59:59.999+08:00');
const STALE = Date.parse('2024-06-03T23:59:59.999+08:00');
const BEFORE_DUE = Date.parse('2024-05-21T09:00:00+08:00');
const AFTER_STALE = Date.parse('2024-06-04T09:00:00+08:00');

/** domain.md's lifecycle table, written out independently of the machine. */
const EXPECTED: Record<SubmissionState, Partial<Record<Action, { role: Role; to: SubmissionState }>>> = {
  draft: {
    request_signoff: { role: 'editor', to: 'awaiting_signoff' },
    withdraw: { role: 'editor', to: 'withdrawn' },
    expire: { role: 'system', to: 'expired' },
    mark_late: { role: 'system', to: 'draft' },
  },
  awaiting_signoff: {
    sign_off: { role: 'approver', to: 'submitted' },
    return: { role: 'approver', to: 'draft' },
    withdraw: { role: 'editor', to: 'withdrawn' },
    expire: { role: 'system', to: 'expired' },
    mark_late: { role: 'system', to: 'awaiting_signoff' },
  },
  submitted: {
    adopt: { role: 'reviewer', to: 'adopted' },
    reject: { role: 'reviewer', to: 'rejected' },
    return_for_revision: { role: 'reviewer', to: 'draft' },
    expire: { role: 'system', to: 'expired' },
  },
  adopted: { forward_national: { role: 'reviewer', to: 'forwarded_national' } },
  forwarded_national: {
    record_national_adoption: { role: 'reviewer', to: 'national_adopted' },
    record_national_decline: { role: 'reviewer', to: 'national_declined' },
  },
  rejected: {},
  national_adopted: {},
  national_declined: {},
  withdrawn: {},
  expired: {},
};

const actorOf = (role: Role, unitCode: string | null = UNIT): Actor => ({
  id: `${role}-id`,
  name: role,
  role,
  unitCode: role === 'editor' || role === 'approver' ? unitCode : null,
});

function snapshotIn(state: SubmissionState, overrides: Record<string, unknown> = {}) {
  const { snapshot } = createSubmission({ unitCode: UNIT, dueAt: DUE, staleAt: STALE });
  return restore({ value: state, context: { ...snapshot.context, ...overrides } });
}

function eventFor(action: Action, actor: Actor, now: number): SubmissionEvent {
  return { type: action, actor, now, reason: '请补充图片', signer: '王主任', qualityErrors: 0 } as SubmissionEvent;
}

// System actions happen once deadlines have passed; people act before them.
const clockFor = (role: Role) => (role === 'system' ? AFTER_STALE : BEFORE_DUE);

describe('submission machine: every state × action × role', () => {
  for (const state of STATES) {
    for (const action of ACTIONS) {
      for (const role of ROLES) {
        const expected = EXPECTED[state][action];
        const allowed = expected?.role === role;
        it(`${state} --${action}--> by ${role}: ${allowed ? `goes to ${expected?.to}` : 'refused'}`, () => {
          const outcome = applyEvent(snapshotIn(state), eventFor(action, actorOf(role), clockFor(role)));
          if (allowed) {
            expect(outcome.ok).toBe(true);
            if (outcome.ok) {
              expect(outcome.from).toBe(state);
              expect(outcome.to).toBe(expected?.to);
            }
          } else {
            expect(outcome.ok).toBe(false);
            // A role that may never send this action anywhere is "forbidden", otherwise a wrong-state refusal.
            const everAllowed = STATES.some((s) => EXPECTED[s][action]?.role === role);
            if (!outcome.ok) expect(outcome.refusal.kind).toBe(everAllowed ? 'invalid_transition' : 'forbidden');
          }
        });
      }
    }
  }
});

describe('submission machine: guards and effects', () => {
  it('refuses an editor or approver of another unit', () => {
    const editor = actorOf('editor', '150100');
    const outcome = applyEvent(snapshotIn('draft'), eventFor('request_signoff', editor, BEFORE_DUE));
    expect(outcome.ok).toBe(false);
    const approver = actorOf('approver', '150100');
    expect(applyEvent(snapshotIn('awaiting_signoff'), eventFor('sign_off', approver, BEFORE_DUE)).ok).toBe(false);
  });

  it('blocks request_signoff and sign_off while quality errors remain', () => {
    const editor = actorOf('editor');
    const outcome = applyEvent(snapshotIn('draft'), { ...eventFor('request_signoff', editor, BEFORE_DUE), qualityErrors: 2 } as SubmissionEvent);
    expect(outcome).toEqual({ ok: false, refusal: { kind: 'quality' } });
    const signOff = applyEvent(snapshotIn('awaiting_signoff'), { ...eventFor('sign_off', actorOf('approver'), BEFORE_DUE), qualityErrors: 1 } as SubmissionEvent);
    expect(signOff).toEqual({ ok: false, refusal: { kind: 'quality' } });
  });

  it('refuses adopt on a stale item even before the expiry job ran', () => {
    const outcome = applyEvent(snapshotIn('submitted'), eventFor('adopt', actorOf('reviewer'), STALE + 1));
    expect(outcome).toEqual({ ok: false, refusal: { kind: 'stale', staleAt: STALE } });
    expect(applyEvent(snapshotIn('submitted'), eventFor('adopt', actorOf('reviewer'), STALE)).ok).toBe(true);
  });

  it('does not expire before the stale moment nor mark late before the due moment', () => {
    const system = actorOf('system');
    expect(applyEvent(snapshotIn('draft'), eventFor('expire', system, STALE)).ok).toBe(false);
    expect(applyEvent(snapshotIn('draft'), eventFor('mark_late', system, DUE)).ok).toBe(false);
    const late = applyEvent(snapshotIn('draft'), eventFor('mark_late', system, DUE + 1));
    expect(late.ok && late.snapshot.context.late).toBe(true);
    expect(late.ok && late.effects).toEqual([{ type: 'notify', kind: 'late' }]);
    // Once flagged, the same job again changes nothing.
    if (late.ok) expect(applyEvent(late.snapshot, eventFor('mark_late', system, DUE + 2)).ok).toBe(false);
  });

  it('records the signer and awards submission points only the first time', () => {
    const approver = actorOf('approver');
    const first = applyEvent(snapshotIn('awaiting_signoff'), eventFor('sign_off', approver, BEFORE_DUE));
    if (!first.ok) throw new Error('sign_off refused');
    expect(first.snapshot.context).toMatchObject({ signer: '王主任', signedBy: approver.id, firstSubmittedAt: BEFORE_DUE });
    expect(first.effects).toContainEqual({ type: 'award', kind: 'submitted' });

    const returned = applyEvent(first.snapshot, eventFor('return_for_revision', actorOf('reviewer'), BEFORE_DUE + 1));
    if (!returned.ok) throw new Error('return refused');
    const again = applyEvent(
      restore({ value: 'awaiting_signoff', context: returned.snapshot.context }),
      eventFor('sign_off', approver, BEFORE_DUE + 2),
    );
    if (!again.ok) throw new Error('second sign_off refused');
    expect(again.effects.filter((e) => e.type === 'award')).toEqual([]);
    expect(again.snapshot.context.firstSubmittedAt).toBe(BEFORE_DUE);
    expect(again.snapshot.context.submittedAt).toBe(BEFORE_DUE + 2);
  });

  it('awards adoption and national adoption points', () => {
    const reviewer = actorOf('reviewer');
    const adopted = applyEvent(snapshotIn('submitted'), eventFor('adopt', reviewer, BEFORE_DUE));
    expect(adopted.ok && adopted.effects).toContainEqual({ type: 'award', kind: 'adopted' });
    const national = applyEvent(snapshotIn('forwarded_national'), eventFor('record_national_adoption', reviewer, BEFORE_DUE));
    expect(national.ok && national.effects).toContainEqual({ type: 'award', kind: 'national_adopted' });
  });

  it('lets one reviewer claim an item and keeps the others from acting on it', () => {
    const first = { ...actorOf('reviewer'), id: 'r1' };
    const second = { ...actorOf('reviewer'), id: 'r2' };
    const claimed = applyEvent(snapshotIn('submitted'), { type: 'claim', actor: first, now: BEFORE_DUE });
    if (!claimed.ok) throw new Error('claim refused');
    expect(claimed.snapshot.context.claimedBy).toBe('r1');
    expect(applyEvent(claimed.snapshot, { type: 'claim', actor: second, now: BEFORE_DUE })).toEqual({
      ok: false,
      refusal: { kind: 'claimed', claimedBy: 'r1', claimedByName: 'reviewer' },
    });
    expect(allowedActions(claimed.snapshot, second, BEFORE_DUE)).toEqual([]);
    expect(allowedActions(claimed.snapshot, first, BEFORE_DUE)).toEqual(['adopt', 'reject', 'return_for_revision']);
    const adopted = applyEvent(claimed.snapshot, eventFor('adopt', first, BEFORE_DUE));
    expect(adopted.ok && adopted.snapshot.context.claimedBy).toBeNull();
  });

  it('lists allowed actions per role and state', () => {
    expect(allowedActions(snapshotIn('draft'), actorOf('editor'), BEFORE_DUE)).toEqual(['request_signoff', 'withdraw']);
    expect(allowedActions(snapshotIn('draft'), actorOf('approver'), BEFORE_DUE)).toEqual([]);
    expect(allowedActions(snapshotIn('awaiting_signoff'), actorOf('approver'), BEFORE_DUE)).toEqual(['sign_off', 'return']);
    expect(allowedActions(snapshotIn('submitted'), actorOf('reviewer'), STALE + 1)).toEqual(['reject', 'return_for_revision']);
    expect(allowedActions(snapshotIn('submitted'), actorOf('manager'), BEFORE_DUE)).toEqual([]);
  });

  it('lets the system move deadlines while they matter, and only then', () => {
    const system = actorOf('system');
    const event = { type: 'reschedule' as const, actor: system, now: BEFORE_DUE, dueAt: DUE + 1, staleAt: STALE + 1 };
    for (const state of ['draft', 'awaiting_signoff', 'submitted'] as const) {
      const outcome = applyEvent(snapshotIn(state), event);
      expect(outcome.ok && outcome.snapshot.context).toMatchObject({ dueAt: DUE + 1, staleAt: STALE + 1 });
      expect(outcome.ok && outcome.effects).toEqual([{ type: 'schedule_deadlines' }]);
    }
    expect(applyEvent(snapshotIn('adopted'), event).ok).toBe(false);
    expect(applyEvent(snapshotIn('draft'), { ...event, actor: actorOf('editor') })).toEqual({ ok: false, refusal: { kind: 'forbidden' } });
  });

  it('survives a round trip through its persisted form', () => {
    const snapshot = snapshotIn('awaiting_signoff', { late: true });
    const again = restore(JSON.parse(JSON.stringify(persist(snapshot))));
    expect(again.value).toBe('awaiting_signoff');
    expect(again.context.late).toBe(true);
    expect(applyEvent(again, eventFor('sign_off', actorOf('approver'), BEFORE_DUE)).ok).toBe(true);
  });
});

describe('submission machine: steps replayed by the historical import', () => {
  const admin = actorOf('admin');
  const imported = (type: string, now: number, extra: object = {}) => ({ type, actor: admin, now, imported: true, ...extra }) as SubmissionEvent;
  const lifecycle = [
    imported('request_signoff', BEFORE_DUE),
    imported('sign_off', BEFORE_DUE, { signer: null }),
    imported('adopt', BEFORE_DUE + 1),
    imported('forward_national', BEFORE_DUE + 2),
    imported('record_national_adoption', BEFORE_DUE + 3),
  ];

  it('lets an admin replay a recorded step, without checks (no photos) and naming no signer', () => {
    const result = replay({ unitCode: UNIT, dueAt: DUE, staleAt: STALE }, lifecycle);
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.refusal)}`);
    expect(result.steps.map((s) => [s.from, s.to])).toEqual([
      ['draft', 'awaiting_signoff'],
      ['awaiting_signoff', 'submitted'],
      ['submitted', 'adopted'],
      ['adopted', 'forwarded_national'],
      ['forwarded_national', 'national_adopted'],
    ]);
    expect(result.snapshot.context).toMatchObject({ signer: null, signedBy: null, signedAt: BEFORE_DUE, firstSubmittedAt: BEFORE_DUE });
    expect(result.steps.flatMap((s) => s.effects.filter((e) => e.type === 'award'))).toEqual([
      { type: 'award', kind: 'submitted' },
      { type: 'award', kind: 'adopted' },
      { type: 'award', kind: 'national_adopted' },
    ]);
    // The deadline rules apply to the past as they would have then.
    const late = applyEvent(snapshotIn('draft'), imported('mark_late', DUE + 1));
    expect(late.ok && late.snapshot.context.late).toBe(true);
    expect(applyEvent(snapshotIn('submitted'), imported('expire', STALE)).ok).toBe(false);
    const expired = applyEvent(snapshotIn('submitted'), imported('expire', STALE + 1));
    expect(expired.ok && expired.to).toBe('expired');
  });

  it('admits the flag from an admin only, and an admin only with the flag', () => {
    expect(applyEvent(snapshotIn('submitted'), { ...imported('adopt', BEFORE_DUE), imported: false })).toEqual({ ok: false, refusal: { kind: 'forbidden' } });
    expect(applyEvent(snapshotIn('submitted'), { ...imported('adopt', BEFORE_DUE), actor: actorOf('manager') })).toEqual({
      ok: false,
      refusal: { kind: 'forbidden' },
    });
    // An editor's own step keeps its quality gate, flag or not.
    const editorStep = { type: 'request_signoff', actor: actorOf('editor'), now: BEFORE_DUE, imported: true, qualityErrors: 2 } as SubmissionEvent;
    expect(applyEvent(snapshotIn('draft'), editorStep)).toEqual({ ok: false, refusal: { kind: 'quality' } });
    // Steps the import never replays stay with their own roles.
    for (const type of ['withdraw', 'return_for_revision', 'claim']) {
      const state = type === 'withdraw' ? 'draft' : 'submitted';
      expect(applyEvent(snapshotIn(state), imported(type, BEFORE_DUE, { reason: '-' })).ok).toBe(false);
    }
    // And nothing offers an admin these steps.
    for (const state of STATES) expect(allowedActions(snapshotIn(state), admin, BEFORE_DUE)).toEqual([]);
  });

  it('keeps an imported record to the lifecycle: no adoption after the stale moment, no step out of order', () => {
    expect(applyEvent(snapshotIn('submitted'), imported('adopt', STALE + 1))).toEqual({ ok: false, refusal: { kind: 'stale', staleAt: STALE } });
    expect(applyEvent(snapshotIn('draft'), imported('sign_off', BEFORE_DUE, { signer: null }))).toEqual({
      ok: false,
      refusal: { kind: 'invalid_transition', state: 'draft' },
    });
    const refused = replay({ unitCode: UNIT, dueAt: DUE, staleAt: STALE }, [lifecycle[0], lifecycle[2]]);
    expect(refused).toMatchObject({ ok: false, index: 1, refusal: { kind: 'invalid_transition', state: 'awaiting_signoff' } });
  });

  it('replays exactly as the pure transition() does, step by step', () => {
    const result = replay({ unitCode: UNIT, dueAt: DUE, staleAt: STALE }, lifecycle);
    if (!result.ok) throw new Error('refused');
    let snapshot = createSubmission({ unitCode: UNIT, dueAt: DUE, staleAt: STALE }).snapshot;
    for (const [i, event] of lifecycle.entries()) {
      const outcome = applyEvent(snapshot, event);
      if (!outcome.ok) throw new Error('refused');
      expect(outcome.effects).toEqual(result.steps[i].effects);
      snapshot = outcome.snapshot;
    }
    expect(persist(result.snapshot)).toEqual(persist(snapshot));
  });
});
