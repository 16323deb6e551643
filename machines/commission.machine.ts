import { and, assign, not, setup } from 'xstate';
import { UNIT_SCOPED_ROLES, type Role } from './submission.types.ts';
import type { AssignmentContext, AssignmentEvent, AssignmentInput, AssignmentNotice, AssignmentTag } from './commission.types.ts';

/** Bumped whenever a change to states or context makes old snapshots need a migration (`assignments.machine_version`). */
export const ASSIGNMENT_MACHINE_VERSION = 1;

const may = (...roles: Role[]) => ({ type: 'actorMay', params: { roles } }) as const;
const notify = (kind: AssignmentNotice) => ({ type: 'notify', params: { kind } }) as const;
/** The region's people who issue commissions and judge declines. */
export const REGION: readonly Role[] = ['reviewer', 'manager'];

/**
 * One target unit's assignment of a commission (约稿). Pure: guards read only the event and the
 * context. `answer` and `fulfil` come from the unit's item (its sign-off, its adoption), `miss`
 * from the deadline job or the sweeper, `cancel` from the commission's cancellation.
 */
const assignmentSetup = setup({
  types: {
    context: {} as AssignmentContext,
    events: {} as AssignmentEvent,
    input: {} as AssignmentInput,
    tags: {} as AssignmentTag,
    meta: {} as { label: string },
  },
  guards: {
    actorMay: ({ context, event }, params: { roles: readonly Role[] }) =>
      params.roles.includes(event.actor.role) &&
      (!UNIT_SCOPED_ROLES.has(event.actor.role) || event.actor.unitCode === context.unitCode),
    hasReason: ({ event }) => 'reason' in event && event.reason.trim().length > 0,
    pastDue: ({ context, event }) => event.now > context.dueAt,
    notYetReminded: ({ context }) => !context.reminded,
    sameItem: ({ context, event }) => 'itemId' in event && event.itemId === context.itemId,
  },
  actions: {
    notify: (_, _params: { kind: AssignmentNotice }) => {},
    recordAnswer: assign(({ context, event }) => ({
      itemId: 'itemId' in event ? event.itemId : context.itemId,
      answeredAt: event.now,
      late: event.now > context.dueAt,
    })),
    markReminded: assign({ reminded: true }),
    recordMiss: assign({ missedAt: ({ event }) => event.now }),
    recordFulfilment: assign({ fulfilledAt: ({ event }) => event.now }),
    recordDecline: assign({ declineReason: ({ event }) => ('reason' in event ? event.reason : null), refusalReason: null }),
    applyDueAt: assign({ dueAt: ({ context, event }) => ('dueAt' in event ? event.dueAt : context.dueAt) }),
    recordRefusal: assign({ refusalReason: ({ event }) => ('reason' in event ? event.reason : null) }),
  },
});

const answer = { guard: may('system'), target: 'answered', actions: 'recordAnswer' } as const;
const cancel = { guard: may(...REGION), target: 'cancelled' } as const;
const reschedule = { guard: may(...REGION), actions: 'applyDueAt' } as const;

export function initialAssignmentContext(input: AssignmentInput | undefined): AssignmentContext {
  return {
    unitCode: input?.unitCode ?? '',
    dueAt: input?.dueAt ?? 0,
    itemId: null,
    answeredAt: null,
    late: false,
    missedAt: null,
    fulfilledAt: null,
    declineReason: null,
    refusalReason: null,
    reminded: false,
  };
}

export const assignmentMachine = assignmentSetup.createMachine({
  id: 'assignment',
  initial: 'open',
  context: ({ input }) => initialAssignmentContext(input),
  states: {
    open: {
      tags: ['queue:unit', 'cancellable'],
      meta: { label: '待回复' },
      on: {
        answer,
        decline: { guard: and([may('approver'), 'hasReason']), target: 'declined', actions: ['recordDecline', notify('commission_declined')] },
        miss: { guard: and([may('system'), 'pastDue']), target: 'missed', actions: ['recordMiss', notify('commission_missed')] },
        // One working day before the due date (the service decides when; the machine that it is once, in time).
        remind: { guard: and([may('system'), 'notYetReminded', not('pastDue')]), actions: ['markReminded', notify('commission_due_soon')] },
        cancel,
        reschedule,
      },
    },
    declined: {
      tags: ['queue:region', 'cancellable'],
      meta: { label: '申请不回复' },
      on: {
        // The unit may still answer while the region has not judged its reason.
        answer,
        accept_decline: { guard: may(...REGION), target: 'excused', actions: notify('decline_accepted') },
        // A refusal after the due date is a miss at once: the unit had its time.
        refuse_decline: [
          { guard: and([may(...REGION), 'hasReason', 'pastDue']), target: 'missed', actions: ['recordRefusal', 'recordMiss', notify('decline_refused')] },
          { guard: and([may(...REGION), 'hasReason']), target: 'open', actions: ['recordRefusal', notify('decline_refused')] },
        ],
        cancel,
        reschedule,
      },
    },
    // An answer after a miss is still taken (flagged late); the miss stays counted (missedAt).
    missed: { meta: { label: '逾期未回复' }, on: { answer } },
    answered: {
      meta: { label: '已回复' },
      on: { fulfil: { guard: and([may('system'), 'sameItem']), target: 'fulfilled', actions: 'recordFulfilment' } },
    },
    fulfilled: { type: 'final', meta: { label: '已采用' } },
    excused: { type: 'final', meta: { label: '准予不回复' } },
    cancelled: { type: 'final', meta: { label: '已取消' } },
  },
});
