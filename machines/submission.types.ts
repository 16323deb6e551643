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

/** What an item is: 信息 (news), 案例征集 (a case), 调研报告 (a survey report); a commission asks for one of them. */
export const ITEM_KINDS = ['news', 'case', 'report'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

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

/**
 * State tags: the lists of states that code outside the machine needs (queues, the sweeper, the
 * photo service, calendar changes, partial indexes) are read from these, never written out again.
 */
export const STATE_TAGS = [
  /** The editor may change the item's text and photos. */
  'editable',
  /** The item's deadlines still matter: recomputed after a calendar change. */
  'deadlines',
  /** The item expires once stale (the sweeper's `expire`). */
  'expirable',
  /** The item is flagged late once its due date passes (the sweeper's `mark_late`). */
  'late_able',
  /** Waits in the unit editors' task queue. */
  'queue:editor',
  /** Waits in the unit approvers' task queue. */
  'queue:approver',
  /** Waits in the reviewers' task queue; a reviewer may claim it. */
  'queue:reviewer',
] as const;
export type StateTag = (typeof STATE_TAGS)[number];

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
  'claim',
  'unclaim',
  'reassign',
  'release_claim',
  'recall',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTIONS_NEEDING_REASON: ReadonlySet<Action> = new Set(['return', 'reject', 'return_for_revision', 'recall']);

/** The five checks (五关) an approver confirms at sign-off, in the bulletin's order. */
export const GATES = ['political', 'policy', 'secrecy', 'wording', 'standards'] as const;
export type Gate = (typeof GATES)[number];
export type GateConfirmations = Partial<Record<Gate, boolean>>;

/** A person named in the machine's context (a claim's new holder). */
export interface PersonRef {
  id: string;
  name: string;
}

/** The last judgment someone made on the item (see `DECISIONS` in the machine). */
export interface Decision {
  action: Action;
  reason: string | null;
  by: PersonRef;
  at: number;
}

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
    /** `gates` is absent for an imported step (the old portal recorded none). */
    | { type: 'sign_off'; signer: string | null; qualityErrors?: number; gates?: GateConfirmations }
    | { type: 'return' | 'reject' | 'return_for_revision' | 'recall'; reason: string }
    | { type: 'reassign'; to: PersonRef }
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
          | 'unclaim'
          | 'release_claim';
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
  /** The five checks as the approver confirmed them at the last sign-off (absent in older snapshots). */
  gates?: Record<Gate, boolean> | null;
  /** The last decision (absent in older snapshots). */
  decision?: Decision | null;
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
  /** The commission (约稿) the item answers: its sign-off answers the unit's assignment, its adoption fulfils it. */
  commissionId?: string;
}

export interface SubmissionInput {
  unitCode: string;
  dueAt: number;
  staleAt: number;
  commissionId?: string;
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
  | 'stale_soon'
  | 'recalled'
  | 'reassigned'
  /** A comment (批注) by the region, for the unit's people; by the unit, for the claiming or last reviewer. */
  | 'comment_from_region'
  | 'comment_from_unit';

export type ScoreKind = 'submitted' | 'adopted' | 'national_adopted';

export type Effect =
  | { type: 'notify'; kind: NotificationKind }
  | { type: 'award'; kind: ScoreKind }
  | { type: 'schedule_deadlines' };
