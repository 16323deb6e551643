/** Types shared by the submission machine and its callers. Pure data: no I/O. */

export const ROLES = ['editor', 'approver', 'reviewer', 'manager', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose reach is one unit: they see and act on their own unit's items only. */
export const UNIT_SCOPED_ROLES: ReadonlySet<Role> = new Set(['editor', 'approver']);

export interface Actor {
  id: string;
  name: string;
  role: Role;
  unitCode: string | null;
}

export const STATES = [
  'draft',
  'awaiting_signoff',
  'submitted',
  'adopted',
  'forwarded_national',
  'rejected',
  'national_adopted',
  'national_declined',
  'withdrawn',
  'expired',
] as const;
export type SubmissionState = (typeof STATES)[number];

/** Actions a caller names in `POST /v1/submissions/:id/actions`. */
export const ACTIONS = [
  'request_signoff',
  'withdraw',
  'sign_off',
  'return',
  'adopt',
  'reject',
  'return_for_revision',
  'forward_national',
  'record_national_adoption',
  'record_national_decline',
  'expire',
  'mark_late',
] as const;
export type Action = (typeof ACTIONS)[number];


export const ACTIONS_NEEDING_REASON: ReadonlySet<Action> = new Set(['return', 'reject', 'return_for_revision']);

interface EventBase {
  actor: Actor;
  /** Epoch milliseconds: the clock comes in the event so that the machine stays pure. */
  now: number;
  /**
   * Set only by the historical import, which replays a step the old portal recorded: an admin then
   * stands in for the step's own role, and the quality checks (the old portal kept no photos) do
   * not apply. Never set from a request. See `importedStep` in the machine.
   */
  imported?: boolean;
}

export type SubmissionEvent = EventBase &
  (
    /** `qualityErrors` is absent when no checks ran (an imported step); `signer` is null when nobody is known. */
    | { type: 'request_signoff'; qualityErrors?: number }
    | { type: 'sign_off'; signer: string | null; qualityErrors?: number }
    | { type: 'return' | 'reject' | 'return_for_revision'; reason: string }
    | {
        type:
          | 'withdraw'
          | 'adopt'
          | 'forward_national'
          | 'record_national_adoption'
          | 'record_national_decline'
          | 'expire'
          | 'mark_late'
          | 'claim'
          | 'unclaim';
      }
    | { type: 'edit' | 'reschedule'; dueAt: number; staleAt: number }
    | { type: 'remind'; reminder: ReminderKind }
  );

export type ReminderKind = 'signoff_waiting' | 'stale_soon';

export interface SubmissionContext {
  unitCode: string;
  /** End of the reporting deadline, epoch ms. */
  dueAt: number;
  /** End of the day after which the item may no longer be adopted, epoch ms. */
  staleAt: number;
  late: boolean;
  claimedBy: string | null;
  /** The claimer's display name (absent in snapshots stored before names were kept). */
  claimedByName?: string | null;
  signer: string | null;
  signedBy: string | null;
  signedAt: number | null;
  /** First time the item entered `submitted`: resubmissions do not count again. */
  firstSubmittedAt: number | null;
  submittedAt: number | null;
  adoptedAt: number | null;
  /** When the region decided (adopted or rejected). */
  decidedAt: number | null;
  nationalAdoptedAt: number | null;
  /** A reminder went out for the current stay in this state (one per stay). */
  reminded: boolean;
}

export interface SubmissionInput {
  unitCode: string;
  dueAt: number;
  staleAt: number;
}

/** What a transition asks the outside world to do; the command service turns these into outbox rows. */
export type NotificationKind =
  | 'late'
  | 'signoff_requested'
  | 'returned'
  | 'submitted'
  | 'returned_for_revision'
  | 'rejected'
  | 'adopted'
  | 'forwarded'
  | 'national_adopted'
  | 'national_declined'
  | 'expired'
  | 'signoff_waiting'
  | 'stale_soon';

export type ScoreKind = 'submitted' | 'adopted' | 'national_adopted';

export type Effect =
  | { type: 'notify'; kind: NotificationKind }
  | { type: 'award'; kind: ScoreKind }
  | { type: 'schedule_deadlines' };
