import { and, assign, or, setup } from 'xstate';
import {
  UNIT_SCOPED_ROLES,
  type Effect,
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
    applyDeadlines: assign(({ event }) =>
      event.type === 'edit' || event.type === 'reschedule' ? { dueAt: event.dueAt, staleAt: event.staleAt } : {},
    ),
    // An imported sign-off names nobody: the old portal did not record the signer, and the admin did not sign.
    recordSignOff: assign(({ event }) =>
      event.type === 'sign_off'
        ? { signer: event.signer, signedBy: event.imported ? null : event.actor.id, signedAt: event.now }
        : {},
    ),
    recordAdoption: assign({ adoptedAt: ({ event }) => event.now, decidedAt: ({ event }) => event.now }),
    recordDecision: assign({ decidedAt: ({ event }) => event.now }),
    recordNationalAdoption: assign({ nationalAdoptedAt: ({ event }) => event.now }),
  },
});

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
    signedBy: null,
    signedAt: null,
    firstSubmittedAt: null,
    submittedAt: null,
    adoptedAt: null,
    decidedAt: null,
    nationalAdoptedAt: null,
    reminded: false,
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
      on: {
        edit: { guard: may('editor'), actions: ['applyDeadlines', 'schedule_deadlines'] },
        reschedule: { guard: may('system'), actions: ['applyDeadlines', 'schedule_deadlines'] },
        request_signoff: {
          guard: and([mayOrImport('editor'), qualityOrImport]),
          target: 'awaiting_signoff',
          actions: notify('signoff_requested'),
        },
        withdraw: { guard: may('editor'), target: 'withdrawn' },
        mark_late: { guard: and([mayOrImport('system'), 'isPastDueAndNotFlagged']), actions: ['flagLate', notify('late')] },
        expire: { guard: and([mayOrImport('system'), 'isStale']), target: 'expired', actions: notify('expired') },
      },
    },
    awaiting_signoff: {
      entry: 'resetReminder',
      on: {
        reschedule: { guard: may('system'), actions: ['applyDeadlines', 'schedule_deadlines'] },
        sign_off: {
          guard: and([mayOrImport('approver'), qualityOrImport]),
          target: 'submitted',
          actions: ['recordSignOff', recordSubmission],
        },
        return: { guard: may('approver'), target: 'draft', actions: notify('returned') },
        withdraw: { guard: may('editor'), target: 'withdrawn' },
        mark_late: { guard: and([mayOrImport('system'), 'isPastDueAndNotFlagged']), actions: ['flagLate', notify('late')] },
        expire: { guard: and([mayOrImport('system'), 'isStale']), target: 'expired', actions: notify('expired') },
        remind: {
          guard: and([may('system'), { type: 'remindsOf', params: { reminder: 'signoff_waiting' } }, 'notYetReminded']),
          actions: ['markReminded', notify('signoff_waiting')],
        },
      },
    },
    submitted: {
      entry: 'resetReminder',
      exit: 'releaseClaim',
      on: {
        reschedule: { guard: may('system'), actions: ['applyDeadlines', 'schedule_deadlines'] },
        claim: { guard: and([may('reviewer'), 'notClaimedByOther']), actions: 'claim' },
        unclaim: { guard: and([may('reviewer'), 'claimedByActor']), actions: 'releaseClaim' },
        adopt: {
          guard: and([mayOrImport('reviewer'), 'notClaimedByOther', 'notStale']),
          target: 'adopted',
          actions: ['recordAdoption', award('adopted'), notify('adopted')],
        },
        reject: {
          guard: and([mayOrImport('reviewer'), 'notClaimedByOther']),
          target: 'rejected',
          actions: ['recordDecision', notify('rejected')],
        },
        return_for_revision: {
          guard: and([may('reviewer'), 'notClaimedByOther']),
          target: 'draft',
          actions: notify('returned_for_revision'),
        },
        expire: { guard: and([mayOrImport('system'), 'isStale']), target: 'expired', actions: notify('expired') },
        remind: {
          guard: and([may('system'), { type: 'remindsOf', params: { reminder: 'stale_soon' } }, 'notYetReminded']),
          actions: ['markReminded', notify('stale_soon')],
        },
      },
    },
    adopted: {
      on: {
        forward_national: { guard: mayOrImport('reviewer'), target: 'forwarded_national', actions: notify('forwarded') },
      },
    },
    forwarded_national: {
      exit: 'releaseClaim',
      on: {
        claim: { guard: and([may('reviewer'), 'notClaimedByOther']), actions: 'claim' },
        unclaim: { guard: and([may('reviewer'), 'claimedByActor']), actions: 'releaseClaim' },
        record_national_adoption: {
          guard: and([mayOrImport('reviewer'), 'notClaimedByOther']),
          target: 'national_adopted',
          actions: ['recordNationalAdoption', award('national_adopted'), notify('national_adopted')],
        },
        record_national_decline: {
          guard: and([mayOrImport('reviewer'), 'notClaimedByOther']),
          target: 'national_declined',
          actions: notify('national_declined'),
        },
      },
    },
    rejected: { type: 'final' },
    national_adopted: { type: 'final' },
    national_declined: { type: 'final' },
    withdrawn: { type: 'final' },
    expired: { type: 'final' },
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
