import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_MACHINE_VERSION } from '../../machines/commission.machine.ts';
import {
  allowedAssignmentActions,
  applyAssignmentEvent,
  assignmentStatesTagged,
  createAssignment,
  persistAssignment,
  restoreAssignment,
  type AssignmentSnapshot,
} from '../../machines/commission.runtime.ts';
import { ASSIGNMENT_EVENTS, ASSIGNMENT_STATES, type AssignmentEvent, type AssignmentEventType, type AssignmentState } from '../../machines/commission.types.ts';
import { ROLES, type Actor, type Role } from '../../machines/submission.types.ts';

const UNIT = '150600';
const DUE = Date.parse('2024-05-31T23:59:59.999+08:00');
const BEFORE = Date.parse('2024-05-30T10:00:00+08:00');
const AFTER = DUE + 1;
const ITEM = '11111111-1111-4111-8111-111111111111';

const person = (role: Role, unitCode: string | null = role === 'editor' || role === 'approver' ? UNIT : null): Actor =>
  ({ id: `${role}-1`, name: role, role, unitCode });

/** An assignment in a given state, reached through the machine itself (never by writing a snapshot by hand). */
function inState(state: AssignmentState): AssignmentSnapshot {
  const approver = person('approver');
  const reviewer = person('reviewer');
  const system = person('system');
  const paths: Record<AssignmentState, AssignmentEvent[]> = {
    open: [],
    declined: [{ type: 'decline', actor: approver, now: BEFORE, reason: '本单位无相关工作' }],
    excused: [{ type: 'decline', actor: approver, now: BEFORE, reason: '无' }, { type: 'accept_decline', actor: reviewer, now: BEFORE }],
    answered: [{ type: 'answer', actor: system, now: BEFORE, itemId: ITEM }],
    fulfilled: [{ type: 'answer', actor: system, now: BEFORE, itemId: ITEM }, { type: 'fulfil', actor: system, now: BEFORE, itemId: ITEM }],
    missed: [{ type: 'miss', actor: system, now: AFTER }],
    cancelled: [{ type: 'cancel', actor: reviewer, now: BEFORE }],
  };
  let snapshot = createAssignment({ unitCode: UNIT, dueAt: DUE });
  for (const event of paths[state]) {
    const outcome = applyAssignmentEvent(snapshot, event);
    if (!outcome.ok) throw new Error(`cannot reach ${state}: ${event.type} refused (${outcome.refusal})`);
    snapshot = outcome.snapshot;
  }
  expect(snapshot.value).toBe(state);
  return snapshot;
}

function eventOf(type: AssignmentEventType, actor: Actor, now: number): AssignmentEvent {
  return { type, actor, now, reason: '理由', itemId: ITEM, dueAt: DUE + 86_400_000 } as AssignmentEvent;
}

/** The expected table: for each state and event, the roles that may send it, and where it leads (before the due date). */
const EXPECTED: Record<AssignmentState, Partial<Record<AssignmentEventType, { roles: Role[]; to: AssignmentState }>>> = {
  open: {
    answer: { roles: ['system'], to: 'answered' },
    decline: { roles: ['approver'], to: 'declined' },
    cancel: { roles: ['reviewer', 'manager'], to: 'cancelled' },
    reschedule: { roles: ['reviewer', 'manager'], to: 'open' },
    remind: { roles: ['system'], to: 'open' },
    // `miss` needs the due date passed: see its own test.
  },
  declined: {
    answer: { roles: ['system'], to: 'answered' },
    accept_decline: { roles: ['reviewer', 'manager'], to: 'excused' },
    refuse_decline: { roles: ['reviewer', 'manager'], to: 'open' },
    cancel: { roles: ['reviewer', 'manager'], to: 'cancelled' },
    reschedule: { roles: ['reviewer', 'manager'], to: 'declined' },
  },
  excused: {},
  answered: { fulfil: { roles: ['system'], to: 'fulfilled' } },
  fulfilled: {},
  missed: { answer: { roles: ['system'], to: 'answered' } },
  cancelled: {},
};

describe('assignment machine: every state × event × role', () => {
  for (const state of ASSIGNMENT_STATES) {
    for (const type of ASSIGNMENT_EVENTS) {
      for (const role of ROLES) {
        const expected = EXPECTED[state][type];
        const allowed = expected?.roles.includes(role) ?? false;
        it(`${state} · ${type} · ${role}: ${allowed ? `→ ${expected!.to}` : 'refused'}`, () => {
          const outcome = applyAssignmentEvent(inState(state), eventOf(type, person(role), BEFORE));
          expect(outcome.ok).toBe(allowed);
          if (outcome.ok) expect(outcome.to).toBe(expected!.to);
          else expect(outcome.refusal).toBe(refusalFor(type, role));
        });
      }
    }
  }
});

/** A refused event: `forbidden` when the role may never send it, `invalid_transition` when it may elsewhere. */
function refusalFor(type: AssignmentEventType, role: Role): 'forbidden' | 'invalid_transition' {
  const anywhere = ASSIGNMENT_STATES.some((state) => EXPECTED[state][type]?.roles.includes(role)) || (type === 'miss' && role === 'system');
  return anywhere ? 'invalid_transition' : 'forbidden';
}

describe('assignment machine: rules beyond the table', () => {
  const system = person('system');
  const reviewer = person('reviewer');

  it('an approver of another unit may not decline', () => {
    const outcome = applyAssignmentEvent(inState('open'), { type: 'decline', actor: person('approver', '150200'), now: BEFORE, reason: '无' });
    expect(outcome).toEqual({ ok: false, refusal: 'forbidden' });
  });

  it('a decline or a refusal needs a reason', () => {
    expect(applyAssignmentEvent(inState('open'), { type: 'decline', actor: person('approver'), now: BEFORE, reason: '  ' })).toEqual({ ok: false, refusal: 'reason_required' });
    expect(applyAssignmentEvent(inState('declined'), { type: 'refuse_decline', actor: reviewer, now: BEFORE, reason: '' })).toEqual({ ok: false, refusal: 'reason_required' });
  });

  it('is missed only after the end of the due date, and says so', () => {
    expect(applyAssignmentEvent(inState('open'), { type: 'miss', actor: system, now: DUE }).ok).toBe(false);
    const missed = applyAssignmentEvent(inState('open'), { type: 'miss', actor: system, now: AFTER });
    expect(missed.ok && missed.to).toBe('missed');
    expect(missed.ok && missed.effects).toEqual([{ type: 'notify', kind: 'commission_missed' }]);
    expect(missed.ok && missed.snapshot.context.missedAt).toBe(AFTER);
  });

  it('an answer after a miss is taken, flagged late, and the miss stays recorded', () => {
    const outcome = applyAssignmentEvent(inState('missed'), { type: 'answer', actor: system, now: AFTER + 5, itemId: ITEM });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.to).toBe('answered');
    expect(outcome.snapshot.context).toMatchObject({ late: true, missedAt: AFTER, answeredAt: AFTER + 5, itemId: ITEM });
  });

  it('a moved due date moves the miss', () => {
    const moved = applyAssignmentEvent(inState('open'), { type: 'reschedule', actor: reviewer, now: BEFORE, dueAt: AFTER + 1000 });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(applyAssignmentEvent(moved.snapshot, { type: 'miss', actor: system, now: AFTER }).ok).toBe(false);
    expect(applyAssignmentEvent(moved.snapshot, { type: 'miss', actor: system, now: AFTER + 1001 }).ok).toBe(true);
  });

  it('reminds once, and not after the due date', () => {
    const reminded = applyAssignmentEvent(inState('open'), { type: 'remind', actor: system, now: BEFORE });
    expect(reminded.ok && reminded.effects).toEqual([{ type: 'notify', kind: 'commission_due_soon' }]);
    if (!reminded.ok) return;
    expect(applyAssignmentEvent(reminded.snapshot, { type: 'remind', actor: system, now: BEFORE + 1 }).ok).toBe(false);
    expect(applyAssignmentEvent(inState('open'), { type: 'remind', actor: system, now: AFTER }).ok).toBe(false);
  });

  it('an answer on time is not late', () => {
    const outcome = applyAssignmentEvent(inState('open'), { type: 'answer', actor: system, now: BEFORE, itemId: ITEM });
    expect(outcome.ok && outcome.snapshot.context.late).toBe(false);
  });

  it('only the answering item fulfils the assignment', () => {
    const other = applyAssignmentEvent(inState('answered'), { type: 'fulfil', actor: system, now: BEFORE, itemId: '22222222-2222-4222-8222-222222222222' });
    expect(other).toEqual({ ok: false, refusal: 'invalid_transition' });
  });

  it('a decline refused after the due date is a miss at once', () => {
    const outcome = applyAssignmentEvent(inState('declined'), { type: 'refuse_decline', actor: reviewer, now: AFTER, reason: '此项工作各单位均有开展' });
    expect(outcome.ok && outcome.to).toBe('missed');
    expect(outcome.ok && outcome.snapshot.context).toMatchObject({ missedAt: AFTER, refusalReason: '此项工作各单位均有开展', declineReason: '本单位无相关工作' });
  });

  it('offers each actor the actions it may take now', () => {
    expect(allowedAssignmentActions(inState('open'), person('approver'), BEFORE)).toEqual(['decline']);
    expect(allowedAssignmentActions(inState('open'), person('approver', '150200'), BEFORE)).toEqual([]);
    expect(allowedAssignmentActions(inState('declined'), reviewer, BEFORE)).toEqual(['accept_decline', 'refuse_decline']);
  });

  it('survives being stored and read back', () => {
    const snapshot = inState('declined');
    const restored = restoreAssignment(JSON.parse(JSON.stringify(persistAssignment(snapshot))));
    expect(restored.value).toBe('declined');
    expect(applyAssignmentEvent(restored, { type: 'accept_decline', actor: reviewer, now: BEFORE }).ok).toBe(true);
    expect(ASSIGNMENT_MACHINE_VERSION).toBe(1);
  });

  it('tags: the unit’s queue is `open`, cancelling closes open and declined', () => {
    expect(assignmentStatesTagged('queue:unit')).toEqual(['open']);
    expect(assignmentStatesTagged('cancellable')).toEqual(['open', 'declined']);
  });
});
