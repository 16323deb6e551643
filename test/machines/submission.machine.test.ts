import { describe, expect, it } from 'vitest';
import { submissionMachine } from '../../machines/submission.machine.ts';
import { applyEvent, allowedActions, createSubmission, editRefusal, persist, replay, restore, statesTagged } from '../../machines/submission.runtime.ts';
import { FIVE_GATES } from '../support/gates.ts';
import {
  ACTIONS,
  ROLES,
  STATES,
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

/** Every event the machine knows: the actions callers name, and the service's own (edit, reschedule, remind). */
const EVENT_TYPES = [...ACTIONS, 'edit', 'reschedule', 'remind'] as const;
type EventType = (typeof EVENT_TYPES)[number];

/** domain.md's lifecycle table, written out independently of the machine. */
const EXPECTED: Record<SubmissionState, Partial<Record<EventType, { role: Role; to: SubmissionState }>>> = {
  draft: {
    edit: { role: 'editor', to: 'draft' },
    reschedule: { role: 'system', to: 'draft' },
    request_signoff: { role: 'editor', to: 'awaiting_signoff' },
    withdraw: { role: 'editor', to: 'withdrawn' },
    expire: { role: 'system', to: 'expired' },
    mark_late: { role: 'system', to: 'draft' },
  },
  awaiting_signoff: {
    reschedule: { role: 'system', to: 'awaiting_signoff' },
    sign_off: { role: 'approver', to: 'submitted' },
    return: { role: 'approver', to: 'draft' },
    withdraw: { role: 'editor', to: 'withdrawn' },
    expire: { role: 'system', to: 'expired' },
    mark_late: { role: 'system', to: 'awaiting_signoff' },
    remind: { role: 'system', to: 'awaiting_signoff' },
  },
  submitted: {
    reschedule: { role: 'system', to: 'submitted' },
    claim: { role: 'reviewer', to: 'submitted' },
    unclaim: { role: 'reviewer', to: 'submitted' },
    reassign: { role: 'reviewer', to: 'submitted' },
    release_claim: { role: 'admin', to: 'submitted' },
    recall: { role: 'approver', to: 'draft' },
    adopt: { role: 'reviewer', to: 'adopted' },
    reject: { role: 'reviewer', to: 'rejected' },
    return_for_revision: { role: 'reviewer', to: 'draft' },
    expire: { role: 'system', to: 'expired' },
    remind: { role: 'system', to: 'submitted' },
  },
  adopted: { forward_national: { role: 'reviewer', to: 'forwarded_national' } },
  forwarded_national: {
    claim: { role: 'reviewer', to: 'forwarded_national' },
    unclaim: { role: 'reviewer', to: 'forwarded_national' },
    reassign: { role: 'reviewer', to: 'forwarded_national' },
    release_claim: { role: 'admin', to: 'forwarded_national' },
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

/** A claim held by the reviewer `actorOf('reviewer')`. */
const CLAIMED = { claimedBy: 'reviewer-id', claimedByName: 'reviewer' };
/** Events that act on an existing claim are tried on a claimed item; all others on an unclaimed one. */
const ON_A_CLAIM: ReadonlySet<EventType> = new Set(['unclaim', 'reassign', 'release_claim']);

function eventFor(type: EventType, actor: Actor, now: number, state: SubmissionState = 'draft'): SubmissionEvent {
  return {
    type,
    actor,
    now,
    reason: '请补充图片',
    signer: '王主任',
    qualityErrors: 0,
    gates: FIVE_GATES,
    to: { id: 'reviewer-2', name: '李编辑' },
    dueAt: DUE,
    staleAt: STALE,
    reminder: state === 'awaiting_signoff' ? 'signoff_waiting' : 'stale_soon',
  } as SubmissionEvent;
}

// System actions happen once deadlines have passed; people act before them.
const clockFor = (role: Role) => (role === 'system' ? AFTER_STALE : BEFORE_DUE);

describe('submission machine: every state × event × role', () => {
  for (const state of STATES) {
    for (const type of EVENT_TYPES) {
      for (const role of ROLES) {
        const expected = EXPECTED[state][type];
        const allowed = expected?.role === role;
        it(`${state} --${type}--> by ${role}: ${allowed ? `goes to ${expected?.to}` : 'refused'}`, () => {
          const snapshot = snapshotIn(state, ON_A_CLAIM.has(type) ? CLAIMED : {});
          const outcome = applyEvent(snapshot, eventFor(type, actorOf(role), clockFor(role), state));
          if (allowed) {
            expect(outcome.ok).toBe(true);
            if (outcome.ok) {
              expect(outcome.from).toBe(state);
              expect(outcome.to).toBe(expected?.to);
            }
          } else {
            expect(outcome.ok).toBe(false);
            // A role that may never send this event anywhere is "forbidden", otherwise a wrong-state refusal.
            const everAllowed = STATES.some((s) => EXPECTED[s][type]?.role === role);
            if (!outcome.ok) expect(outcome.refusal.kind).toBe(everAllowed ? 'invalid_transition' : 'forbidden');
          }
        });
      }
    }
  }

  it('knows no event beyond this table', () => {
    const known = new Set(STATES.flatMap((state) => submissionMachine.states[state].ownEvents));
    expect([...known].sort()).toEqual([...new Set(Object.values(EXPECTED).flatMap((row) => Object.keys(row)))].sort());
  });
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
    expect(allowedActions(claimed.snapshot, first, BEFORE_DUE)).toEqual(['adopt', 'reject', 'return_for_revision', 'unclaim', 'reassign']);
    expect(allowedActions(claimed.snapshot, actorOf('admin'), BEFORE_DUE)).toEqual(['release_claim']);
    expect(allowedActions(claimed.snapshot, actorOf('approver'), BEFORE_DUE)).toEqual([]);
    const adopted = applyEvent(claimed.snapshot, eventFor('adopt', first, BEFORE_DUE));
    expect(adopted.ok && adopted.snapshot.context.claimedBy).toBeNull();
  });

  it('lists allowed actions per role and state', () => {
    expect(allowedActions(snapshotIn('draft'), actorOf('editor'), BEFORE_DUE)).toEqual(['request_signoff', 'withdraw']);
    expect(allowedActions(snapshotIn('draft'), actorOf('approver'), BEFORE_DUE)).toEqual([]);
    expect(allowedActions(snapshotIn('awaiting_signoff'), actorOf('approver'), BEFORE_DUE)).toEqual(['sign_off', 'return']);
    expect(allowedActions(snapshotIn('submitted'), actorOf('reviewer'), STALE + 1)).toEqual(['reject', 'return_for_revision', 'claim']);
    expect(allowedActions(snapshotIn('submitted'), actorOf('approver'), BEFORE_DUE)).toEqual(['recall']);
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
    for (const type of ['withdraw', 'return_for_revision', 'claim', 'recall', 'reassign']) {
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

  it('carries the commission an item answers from its creation through every step; other items have none', () => {
    const commissionId = '11111111-1111-4111-8111-111111111111';
    const result = replay({ unitCode: UNIT, dueAt: DUE, staleAt: STALE, commissionId }, lifecycle);
    if (!result.ok) throw new Error('refused');
    expect(result.snapshot.context.commissionId).toBe(commissionId);
    expect('commissionId' in createSubmission({ unitCode: UNIT, dueAt: DUE, staleAt: STALE }).snapshot.context).toBe(false);
  });
});

describe('submission machine: the workflow around claims, recall, the five gates and decisions', () => {
  const approver = actorOf('approver');
  const holder = { ...actorOf('reviewer'), id: 'r1', name: '张编辑' };

  it('refuses sign_off until all five gates are confirmed, naming the ones missing', () => {
    const partial = { ...eventFor('sign_off', approver, BEFORE_DUE), gates: { ...FIVE_GATES, secrecy: false, wording: undefined } } as SubmissionEvent;
    expect(applyEvent(snapshotIn('awaiting_signoff'), partial)).toEqual({ ok: false, refusal: { kind: 'gates', unconfirmed: ['secrecy', 'wording'] } });
    const none = { ...eventFor('sign_off', approver, BEFORE_DUE), gates: undefined } as SubmissionEvent;
    expect(applyEvent(snapshotIn('awaiting_signoff'), none)).toEqual({
      ok: false,
      refusal: { kind: 'gates', unconfirmed: ['political', 'policy', 'secrecy', 'wording', 'standards'] },
    });
    const signed = applyEvent(snapshotIn('awaiting_signoff'), eventFor('sign_off', approver, BEFORE_DUE));
    expect(signed.ok && signed.snapshot.context.gates).toEqual(FIVE_GATES);
  });

  it('lets the approver recall an unclaimed submitted item to draft, and earns the first submission once only', () => {
    const first = applyEvent(snapshotIn('awaiting_signoff'), eventFor('sign_off', approver, BEFORE_DUE));
    if (!first.ok) throw new Error('sign_off refused');
    const recalled = applyEvent(first.snapshot, { ...eventFor('recall', approver, BEFORE_DUE + 1), reason: '数据有误' } as SubmissionEvent);
    if (!recalled.ok) throw new Error('recall refused');
    expect(recalled.to).toBe('draft');
    expect(recalled.effects).toEqual([{ type: 'notify', kind: 'recalled' }]);
    expect(recalled.snapshot.context.decision).toEqual({
      action: 'recall',
      reason: '数据有误',
      by: { id: approver.id, name: approver.name },
      at: BEFORE_DUE + 1,
    });
    const again = applyEvent(restore({ value: 'awaiting_signoff', context: recalled.snapshot.context }), eventFor('sign_off', approver, BEFORE_DUE + 2));
    expect(again.ok && again.effects.filter((e) => e.type === 'award')).toEqual([]);
    // Another unit's approver, or an editor, may not recall.
    expect(applyEvent(first.snapshot, eventFor('recall', actorOf('approver', '150100'), BEFORE_DUE)).ok).toBe(false);
    expect(applyEvent(first.snapshot, eventFor('recall', actorOf('editor'), BEFORE_DUE))).toEqual({ ok: false, refusal: { kind: 'forbidden' } });
  });

  it('refuses a recall once a reviewer has claimed the item, saying who holds it', () => {
    const claimed = snapshotIn('submitted', { claimedBy: 'r1', claimedByName: '张编辑' });
    expect(applyEvent(claimed, eventFor('recall', approver, BEFORE_DUE))).toEqual({
      ok: false,
      refusal: { kind: 'claimed', claimedBy: 'r1', claimedByName: '张编辑' },
    });
  });

  it('hands a claim to another reviewer, who then holds it; the holder alone may', () => {
    const claimed = snapshotIn('submitted', { claimedBy: 'r1', claimedByName: '张编辑' });
    const handed = applyEvent(claimed, { type: 'reassign', actor: holder, now: BEFORE_DUE, to: { id: 'r2', name: '李编辑' } });
    if (!handed.ok) throw new Error('reassign refused');
    expect(handed.snapshot.context).toMatchObject({ claimedBy: 'r2', claimedByName: '李编辑' });
    expect(handed.effects).toEqual([{ type: 'notify', kind: 'reassigned' }]);
    const other = { ...actorOf('reviewer'), id: 'r3' };
    expect(applyEvent(claimed, { type: 'reassign', actor: other, now: BEFORE_DUE, to: { id: 'r2', name: '李编辑' } })).toMatchObject({
      ok: false,
      refusal: { kind: 'claimed' },
    });
    // Handing a claim to oneself is no hand-over.
    expect(applyEvent(claimed, { type: 'reassign', actor: holder, now: BEFORE_DUE, to: { id: 'r1', name: '张编辑' } }).ok).toBe(false);
  });

  it('lets an admin release a claim, and only an existing one', () => {
    const claimed = snapshotIn('forwarded_national', { claimedBy: 'r1', claimedByName: '张编辑' });
    const released = applyEvent(claimed, eventFor('release_claim', actorOf('admin'), BEFORE_DUE));
    expect(released.ok && released.snapshot.context).toMatchObject({ claimedBy: null, claimedByName: null });
    expect(applyEvent(snapshotIn('forwarded_national'), eventFor('release_claim', actorOf('admin'), BEFORE_DUE))).toEqual({
      ok: false,
      refusal: { kind: 'invalid_transition', state: 'forwarded_national' },
    });
    expect(applyEvent(claimed, eventFor('release_claim', actorOf('manager'), BEFORE_DUE))).toEqual({ ok: false, refusal: { kind: 'forbidden' } });
  });

  it('keeps the last decision in the context, and nothing before the first', () => {
    expect(snapshotIn('draft').context.decision).toBeNull();
    const rejected = applyEvent(snapshotIn('submitted'), { ...eventFor('reject', holder, BEFORE_DUE), reason: '时效性不足' } as SubmissionEvent);
    expect(rejected.ok && rejected.snapshot.context.decision).toEqual({
      action: 'reject',
      reason: '时效性不足',
      by: { id: 'r1', name: '张编辑' },
      at: BEFORE_DUE,
    });
    // System steps and claims are no decisions.
    const claimed = applyEvent(snapshotIn('submitted'), { type: 'claim', actor: holder, now: BEFORE_DUE });
    expect(claimed.ok && claimed.snapshot.context.decision).toBeNull();
  });
});

describe('submission machine: state tags', () => {
  it('tags the states other code lists: queues, deadlines, what may be edited', () => {
    expect(statesTagged('editable')).toEqual(['draft']);
    expect(statesTagged('late_able')).toEqual(['draft', 'awaiting_signoff']);
    expect(statesTagged('expirable')).toEqual(['draft', 'awaiting_signoff', 'submitted']);
    expect(statesTagged('deadlines')).toEqual(['draft', 'awaiting_signoff', 'submitted']);
    expect(statesTagged('queue:editor')).toEqual(['draft']);
    expect(statesTagged('queue:approver')).toEqual(['awaiting_signoff']);
    expect(statesTagged('queue:reviewer')).toEqual(['submitted', 'forwarded_national']);
  });

  it('matches each tag with the transitions that give it meaning', () => {
    const accepts = (type: string) => STATES.filter((state) => (submissionMachine.states[state].ownEvents as string[]).includes(type));
    expect(statesTagged('editable')).toEqual(accepts('edit'));
    expect(statesTagged('late_able')).toEqual(accepts('mark_late'));
    expect(statesTagged('expirable')).toEqual(accepts('expire'));
    expect(statesTagged('deadlines')).toEqual(accepts('reschedule'));
    expect(statesTagged('queue:reviewer')).toEqual(accepts('claim'));
  });

  it('lets the machine, not a list, say who may change photos', () => {
    expect(editRefusal(snapshotIn('draft'), actorOf('editor'), BEFORE_DUE)).toBeNull();
    expect(editRefusal(snapshotIn('draft'), actorOf('approver'), BEFORE_DUE)).toEqual({ kind: 'forbidden' });
    expect(editRefusal(snapshotIn('awaiting_signoff'), actorOf('editor'), BEFORE_DUE)).toEqual({ kind: 'invalid_transition', state: 'awaiting_signoff' });
    expect(editRefusal(snapshotIn('draft'), actorOf('editor', '150100'), BEFORE_DUE)).toEqual({ kind: 'invalid_transition', state: 'draft' });
  });
});
