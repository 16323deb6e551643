import { and, assign, or, setup } from 'xstate';
import {
  GATES,
  UNIT_SCOPED_ROLES,
  type Action,
  type Effect,
  type StateTag,
  type NotificationKind,
  type Role,
  type ScoreKind,
  type SubmissionContext,
  type SubmissionEvent,
  type SubmissionInput,
} from './submission.types.ts';

/**
 * Bumped whenever a change to states or context makes old snapshots need a migration.
 * Stored beside each snapshot (`items.machine_version`).
 */
export const MACHINE_VERSION = 1;

const may = (...roles: Role[]) => ({ type: 'actorMay', params: { roles } }) as const;
/**
 * A step the historical import replays: its own roles, or the import. The old portal's records say
 * what happened and when, not who did it, so the importing admin stands in (recorded in the history).
 */
const mayOrImport = (...roles: Role[]) => or([may(...roles), 'importedStep']);
/** The quality gate; an imported step passes it unchecked: the old portal kept no photos to check. */
const qualityOrImport = or(['passesQuality', 'importedStep']);
const notify = (kind: NotificationKind) => ({ type: 'notify', params: { kind } }) as const;
const award = (kind: ScoreKind) => ({ type: 'award', params: { kind } }) as const;

/**
 * The lifecycle of one item (信息), domain.md's table: 先审批、后投稿.
 * Pure: guards read only the event and the context; the clock arrives as `event.now`.
 * Named actions `notify`, `award` and `schedule_deadlines` do nothing here: they are returned by
 * xstate's `transition()` and the command service writes them to the outbox.
 */
const submissionSetup = setup({
  types: {
    context: {} as SubmissionContext,
    events: {} as SubmissionEvent,
    input: {} as SubmissionInput,
    tags: {} as StateTag,
    meta: {} as { label: string },
  },
  guards: {
    /** The actor has one of the roles and, for unit-scoped roles, belongs to the item's unit. */
    actorMay: ({ context, event }, params: { roles: readonly Role[] }) =>
      params.roles.includes(event.actor.role) &&
      (!UNIT_SCOPED_ROLES.has(event.actor.role) || event.actor.unitCode === context.unitCode),
    passesQuality: ({ event }) => 'qualityErrors' in event && event.qualityErrors === 0,
    importedStep: ({ event }) => isImportedStep(event),
    notStale: ({ context, event }) => event.now <= context.staleAt,
    isStale: ({ context, event }) => event.now > context.staleAt,
    isPastDueAndNotFlagged: ({ context, event }) => !context.late && event.now > context.dueAt,
    /** A reviewer may act unless another reviewer has claimed the item. */
    notClaimedByOther: ({ context, event }) => context.claimedBy === null || context.claimedBy === event.actor.id,
    claimedByActor: ({ context, event }) => context.claimedBy === event.actor.id,
    isClaimed: ({ context }) => context.claimedBy !== null,
    isUnclaimed: ({ context }) => context.claimedBy === null,
    /** A claim goes to someone else than its holder. */
    toAnother: ({ event }) => event.type === 'reassign' && event.to.id !== event.actor.id,
    /** All five checks (五关) confirmed at sign-off. */
    gatesConfirmed: ({ event }) => event.type === 'sign_off' && unconfirmedGates(event.gates).length === 0,
    remindsOf: ({ event }, params: { reminder: string }) => event.type === 'remind' && event.reminder === params.reminder,
    notYetReminded: ({ context }) => !context.reminded,
  },
  actions: {
    notify: (_, _params: { kind: NotificationKind }) => {},
    award: (_, _params: { kind: ScoreKind }) => {},
    schedule_deadlines: () => {},
    flagLate: assign({ late: true }),
    markReminded: assign({ reminded: true }),
    resetReminder: assign({ reminded: false }),
    // The claimer's display name travels with the claim, so that everyone sees who holds it.
    claim: assign({ claimedBy: ({ event }) => event.actor.id, claimedByName: ({ event }) => event.actor.name }),
    releaseClaim: assign({ claimedBy: null, claimedByName: null }),
    handOverClaim: assign(({ event }) => (event.type === 'reassign' ? { claimedBy: event.to.id, claimedByName: event.to.name } : {})),
    /** The item's `decision`: the last judgment made on it, by whom, when and why. */
    noteDecision: assign(({ event }) => ({
      decision: {
        action: event.type as Action,
        reason: 'reason' in event && event.reason ? event.reason : null,
        by: { id: event.actor.id, name: event.actor.name },
        at: event.now,
      },
    })),
    applyDeadlines: assign(({ event }) =>
      event.type === 'edit' || event.type === 'reschedule' ? { dueAt: event.dueAt, staleAt: event.staleAt } : {},
    ),
    // An imported sign-off names nobody: the old portal did not record the signer, and the admin did not sign.
    recordSignOff: assign(({ event }) =>
      event.type === 'sign_off'
        ? {
            signer: event.signer,
            signedBy: event.imported ? null : event.actor.id,
            signedAt: event.now,
            // The guard let it through: all five confirmed, or an imported step (which confirmed none).
            gates: unconfirmedGates(event.gates).length === 0 ? ALL_GATES_CONFIRMED : null,
          }
        : {},
    ),
    recordAdoption: assign({ adoptedAt: ({ event }) => event.now, decidedAt: ({ event }) => event.now }),
    recordDecision: assign({ decidedAt: ({ event }) => event.now }),
    recordNationalAdoption: assign({ nationalAdoptedAt: ({ event }) => event.now }),
  },
});

/** The gates (五关) not confirmed in a sign-off's confirmations, in the bulletin's order. */
export function unconfirmedGates(gates: Partial<Record<(typeof GATES)[number], boolean>> | undefined) {
  return GATES.filter((gate) => gates?.[gate] !== true);
}

export const ALL_GATES_CONFIRMED = Object.freeze(Object.fromEntries(GATES.map((gate) => [gate, true]))) as Readonly<Record<(typeof GATES)[number], boolean>>;

/** Whether an event is a step replayed by the historical import: only an admin's, and only with the flag. */
export function isImportedStep(event: SubmissionEvent): boolean {
  return event.imported === true && event.actor.role === 'admin';
}

/** Entering `submitted`: points are earned the first time only. */
const recordSubmission = submissionSetup.enqueueActions(({ context, event, enqueue }) => {
  if (context.firstSubmittedAt === null) {
    enqueue.assign({ firstSubmittedAt: event.now });
    enqueue(award('submitted'));
  }
  enqueue.assign({ submittedAt: event.now });
  enqueue(notify('submitted'));
});

/** Transitions several states share, written once. */
const reschedule = { guard: may('system'), actions: ['applyDeadlines', 'schedule_deadlines'] } as const;
const markLate = { guard: and([mayOrImport('system'), 'isPastDueAndNotFlagged']), actions: ['flagLate', notify('late')] } as const;
const expire = { guard: and([mayOrImport('system'), 'isStale']), target: 'expired', actions: notify('expired') } as const;
/** Who works a reviewer's task: claim, give back, hand to another reviewer, or released by an admin. */
const claims = {
  claim: { guard: and([may('reviewer'), 'isUnclaimed']), actions: 'claim' },
  unclaim: { guard: and([may('reviewer'), 'claimedByActor']), actions: 'releaseClaim' },
  reassign: { guard: and([may('reviewer'), 'claimedByActor', 'toAnother']), actions: ['handOverClaim', notify('reassigned')] },
  release_claim: { guard: and([may('admin'), 'isClaimed']), actions: 'releaseClaim' },
} as const;

/**
 * A new item's context. xstate's pure `transition()` builds a throwaway actor without input on every
 * call: tolerate that instead of throwing (an exception per command costs more than the transition).
 */
export function initialContext(input: SubmissionInput | undefined): SubmissionContext {
  return {
    unitCode: input?.unitCode ?? '',
    dueAt: input?.dueAt ?? 0,
    staleAt: input?.staleAt ?? 0,
    late: false,
    claimedBy: null,
    claimedByName: null,
    signer: null,
    gates: null,
    decision: null,
    signedBy: null,
    signedAt: null,
    firstSubmittedAt: null,
    submittedAt: null,
    adoptedAt: null,
    decidedAt: null,
    nationalAdoptedAt: null,
    reminded: false,
    // Only an answer carries the key, so that other items' snapshots stay as they were.
    ...(input?.commissionId ? { commissionId: input.commissionId } : {}),
  };
}

export const submissionMachine = submissionSetup.createMachine({
  id: 'submission',
  initial: 'draft',
  // xstate's pure `transition()` builds a throwaway actor without input on every call: tolerate
  // that instead of throwing (an exception per command costs more than the whole transition).
  context: ({ input }) => initialContext(input),
  entry: 'schedule_deadlines',
  // Leaving a reviewer's queue state always releases a claim.
  states: {
    draft: {
      tags: ['editable', 'deadlines', 'expirable', 'late_able', 'queue:editor'],
      meta: { label: '草稿' },
      on: {
        edit: { guard: may('editor'), actions: ['applyDeadlines', 'schedule_deadlines'] },
        reschedule,
        request_signoff: {
          guard: and([mayOrImport('editor'), qualityOrImport]),
          target: 'awaiting_signoff',
          actions: notify('signoff_requested'),
        },
        withdraw: { guard: may('editor'), target: 'withdrawn' },
        mark_late: markLate,
        expire,
      },
    },
    awaiting_signoff: {
      tags: ['deadlines', 'expirable', 'late_able', 'queue:approver'],
      meta: { label: '待审签' },
      entry: 'resetReminder',
      on: {
        reschedule,
        sign_off: {
          guard: and([mayOrImport('approver'), or(['gatesConfirmed', 'importedStep']), qualityOrImport]),
          target: 'submitted',
          actions: ['recordSignOff', 'noteDecision', recordSubmission],
        },
        return: { guard: may('approver'), target: 'draft', actions: ['noteDecision', notify('returned')] },
        withdraw: { guard: may('editor'), target: 'withdrawn' },
        mark_late: markLate,
        expire,
        remind: {
          guard: and([may('system'), { type: 'remindsOf', params: { reminder: 'signoff_waiting' } }, 'notYetReminded']),
          actions: ['markReminded', notify('signoff_waiting')],
        },
      },
    },
    submitted: {
      tags: ['deadlines', 'expirable', 'queue:reviewer'],
      meta: { label: '已报送' },
      entry: 'resetReminder',
      exit: 'releaseClaim',
      on: {
        reschedule,
        ...claims,
        // 撤回: the unit takes its item back while no reviewer has taken it up.
        recall: { guard: and([may('approver'), 'isUnclaimed']), target: 'draft', actions: ['noteDecision', notify('recalled')] },
        adopt: {
          guard: and([mayOrImport('reviewer'), 'notClaimedByOther', 'notStale']),
          target: 'adopted',
          actions: ['recordAdoption', 'noteDecision', award('adopted'), notify('adopted')],
        },
        reject: {
          guard: and([mayOrImport('reviewer'), 'notClaimedByOther']),
          target: 'rejected',
          actions: ['recordDecision', 'noteDecision', notify('rejected')],
        },
        return_for_revision: {
          guard: and([may('reviewer'), 'notClaimedByOther']),
          target: 'draft',
          actions: ['noteDecision', notify('returned_for_revision')],
        },
        expire,
        remind: {
          guard: and([may('system'), { type: 'remindsOf', params: { reminder: 'stale_soon' } }, 'notYetReminded']),
          actions: ['markReminded', notify('stale_soon')],
        },
      },
    },
    adopted: {
      meta: { label: '已采用' },
      on: {
        forward_national: {
          guard: mayOrImport('reviewer'),
          target: 'forwarded_national',
          actions: ['noteDecision', notify('forwarded')],
        },
      },
    },
    forwarded_national: {
      tags: ['queue:reviewer'],
      meta: { label: '已转报' },
      exit: 'releaseClaim',
      on: {
        ...claims,
        record_national_adoption: {
          guard: and([mayOrImport('reviewer'), 'notClaimedByOther']),
          target: 'national_adopted',
          actions: ['recordNationalAdoption', 'noteDecision', award('national_adopted'), notify('national_adopted')],
        },
        record_national_decline: {
          guard: and([mayOrImport('reviewer'), 'notClaimedByOther']),
          target: 'national_declined',
          actions: ['noteDecision', notify('national_declined')],
        },
      },
    },
    rejected: { type: 'final', meta: { label: '不予采用' } },
    national_adopted: { type: 'final', meta: { label: '中国计生协采用' } },
    national_declined: { type: 'final', meta: { label: '未被中国计生协采用' } },
    withdrawn: { type: 'final', meta: { label: '已撤回' } },
    expired: { type: 'final', meta: { label: '已过期' } },
  },
});

/** Effects named by a transition's actions, in order. */
export function effectsOf(actions: ReadonlyArray<{ type: string; params?: unknown }>): Effect[] {
  const effects: Effect[] = [];
  for (const action of actions) {
    if (action.type === 'notify' || action.type === 'award') {
      effects.push({ type: action.type, ...(action.params as object) } as Effect);
    } else if (action.type === 'schedule_deadlines') {
      effects.push({ type: 'schedule_deadlines' });
    }
  }
  return effects;
}
