import { getShortestPaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { submissionMachine } from '../../machines/submission.machine.ts';
import type { Actor, Role, SubmissionEvent, SubmissionState } from '../../machines/submission.types.ts';
import { STATES } from '../../machines/submission.types.ts';
import { FIVE_GATES } from '../support/gates.ts';

const UNIT = '150600';
const DUE = Date.parse('2024-05-27T23:59:59.999+08:00');
const STALE = Date.parse('2024-06-03T23:59:59.999+08:00');
const BEFORE_DUE = Date.parse('2024-05-21T09:00:00+08:00');

const person = (role: Role, id = `${role}-1`): Actor => ({ id, name: id, role, unitCode: role === 'editor' || role === 'approver' ? UNIT : null });
const editor = person('editor');
const approver = person('approver');
const reviewer = person('reviewer');
const admin = person('admin');
const system = person('system');

/** One of each event, as its own role would send it, at a moment its time guards accept. */
const EVENTS: SubmissionEvent[] = [
  { type: 'edit', actor: editor, now: BEFORE_DUE, dueAt: DUE, staleAt: STALE },
  { type: 'request_signoff', actor: editor, now: BEFORE_DUE, qualityErrors: 0 },
  { type: 'withdraw', actor: editor, now: BEFORE_DUE },
  { type: 'sign_off', actor: approver, now: BEFORE_DUE, signer: '王主任', qualityErrors: 0, gates: FIVE_GATES },
  { type: 'return', actor: approver, now: BEFORE_DUE, reason: '请补充' },
  { type: 'recall', actor: approver, now: BEFORE_DUE, reason: '数据有误' },
  { type: 'claim', actor: reviewer, now: BEFORE_DUE },
  { type: 'unclaim', actor: reviewer, now: BEFORE_DUE },
  { type: 'reassign', actor: reviewer, now: BEFORE_DUE, to: { id: 'reviewer-2', name: '李编辑' } },
  { type: 'release_claim', actor: admin, now: BEFORE_DUE },
  { type: 'adopt', actor: reviewer, now: BEFORE_DUE },
  { type: 'reject', actor: reviewer, now: BEFORE_DUE, reason: '不符合要求' },
  { type: 'return_for_revision', actor: reviewer, now: BEFORE_DUE, reason: '请修改标题' },
  { type: 'forward_national', actor: reviewer, now: BEFORE_DUE },
  { type: 'record_national_adoption', actor: reviewer, now: BEFORE_DUE },
  { type: 'record_national_decline', actor: reviewer, now: BEFORE_DUE },
  { type: 'reschedule', actor: system, now: BEFORE_DUE, dueAt: DUE, staleAt: STALE },
  { type: 'mark_late', actor: system, now: DUE + 1 },
  { type: 'expire', actor: system, now: STALE + 1 },
  { type: 'remind', actor: system, now: BEFORE_DUE, reminder: 'signoff_waiting' },
  { type: 'remind', actor: system, now: BEFORE_DUE, reminder: 'stale_soon' },
];

// Reachable snapshots up to what matters for which events are enabled (not the times they carry).
const paths = getShortestPaths(submissionMachine, {
  input: { unitCode: UNIT, dueAt: DUE, staleAt: STALE },
  events: EVENTS,
  serializeState: (snapshot) => {
    const { claimedBy, late, reminded } = snapshot.context;
    return JSON.stringify([snapshot.value, claimedBy, late, reminded]);
  },
});

describe('submission machine as a graph (@xstate/graph)', () => {
  it('reaches every state from draft', () => {
    const reached = new Set(paths.map((path) => path.state.value as SubmissionState));
    expect([...reached].sort()).toEqual([...STATES].sort());
  });

  it('exercises every transition the machine defines, in some reachable snapshot', () => {
    const defined = STATES.flatMap((state) => submissionMachine.states[state].ownEvents.map((type) => `${state} ${type}`));
    const exercised = new Set<string>();
    for (const { state: snapshot } of paths) {
      for (const event of EVENTS) if (snapshot.can(event)) exercised.add(`${String(snapshot.value)} ${event.type}`);
    }
    expect([...exercised].sort()).toEqual([...new Set(defined)].sort());
  });

  it('ends only in the final states, which accept nothing', () => {
    for (const state of STATES) {
      const node = submissionMachine.states[state];
      expect(node.ownEvents.length === 0).toBe(node.type === 'final');
    }
  });
});
