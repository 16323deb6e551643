/** Types of a commission's assignment machine (约稿: one assignment per target unit). Pure data. */
import type { Actor } from './submission.types.ts';

export const ASSIGNMENT_STATES = ['open', 'declined', 'excused', 'answered', 'fulfilled', 'missed', 'cancelled'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** Events a caller names in `POST /v1/commissions/:id/assignments/:unitCode/actions`. */
export const ASSIGNMENT_ACTIONS = ['decline', 'accept_decline', 'refuse_decline'] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

/** Every event of the machine: the callers' actions, the items' consequences and the system's. */
export const ASSIGNMENT_EVENTS = [...ASSIGNMENT_ACTIONS, 'answer', 'fulfil', 'miss', 'cancel', 'reschedule', 'remind'] as const;
export type AssignmentEventType = (typeof ASSIGNMENT_EVENTS)[number];

export const ASSIGNMENT_TAGS = [
  /** Waits for the unit: shown in its tasks; missed at the end of the due date. */
  'queue:unit',
  /** Waits for the region's judgment of a decline. */
  'queue:region',
  /** Closed when the commission is cancelled. */
  'cancellable',
] as const;
export type AssignmentTag = (typeof ASSIGNMENT_TAGS)[number];

interface Base {
  actor: Actor;
  /** Epoch ms: the clock comes with the event, so that the machine stays pure. */
  now: number;
}

export type AssignmentEvent = Base &
  (
    | { type: 'decline' | 'refuse_decline'; reason: string }
    | { type: 'answer' | 'fulfil'; itemId: string }
    | { type: 'accept_decline' | 'miss' | 'cancel' | 'remind' }
    /** The region moved the commission's due date (allowed until the first answer). */
    | { type: 'reschedule'; dueAt: number }
  );

export interface AssignmentContext {
  unitCode: string;
  /** End of the due date (Shanghai), epoch ms. */
  dueAt: number;
  /** The item that answered (signed off), if any. */
  itemId: string | null;
  answeredAt: number | null;
  /** Answered after the end of the due date (a miss stays counted). */
  late: boolean;
  missedAt: number | null;
  fulfilledAt: number | null;
  /** The unit's reason for declining, and the region's reason for refusing it. */
  declineReason: string | null;
  refusalReason: string | null;
  /** The unit was reminded that the due date is near (once). */
  reminded: boolean;
}

export interface AssignmentInput {
  unitCode: string;
  dueAt: number;
}

export type AssignmentNotice = 'commission_due_soon' | 'commission_missed' | 'commission_declined' | 'decline_accepted' | 'decline_refused';
export type AssignmentEffect = { type: 'notify'; kind: AssignmentNotice };
