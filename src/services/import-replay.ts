import { replay, type Refusal } from '../../machines/submission.runtime.ts';
import type { Actor, ScoreKind, SubmissionEvent, SubmissionState } from '../../machines/submission.types.ts';
import type { Deadlines } from '../time/deadlines.ts';
import { shanghaiDate, startOfDay } from '../time/shanghai.ts';
import type { RowProblem, ImportRow } from './import-row.ts';
import { columnsFromSnapshot } from './submission-record.ts';

/**
 * Turns one old-portal record into the steps the item went through, and replays them through the
 * machine with their historical times, as an admin standing in for the people the old portal did
 * not name (`imported: true`: see the machine's `importedStep` guard). The machine decides every
 * state, flag and award; this file only says when each step happened.
 */

/** A step to replay, and whether its time is a fact of the record or only the latest it can be. */
interface TimedEvent {
  event: SubmissionEvent;
  known: boolean;
}

export interface ImportedItemColumns {
  id: string;
  unit_code: string;
  external_id: string;
  title: string;
  body: string;
  event_date: string;
  major: boolean;
  kind: 'news' | 'case';
  state: string;
  state_entered_at: string;
  late: boolean;
  due_at: string;
  stale_at: string;
  deadline_provisional: boolean;
  first_submitted_at: string | null;
  submitted_at: string | null;
  adopted_at: string | null;
  decided_at: string | null;
  national_adopted_at: string | null;
  claimed_by: string | null;
  signer: string | null;
  signed_by: string | null;
  signed_at: string | null;
  snapshot: unknown;
  machine_version: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ImportedHistoryRow {
  item_id: string;
  unit_code: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  at: string;
  /** How long the item stayed in the state it left; null where the old portal does not say. */
  stay_seconds: number | null;
}

/** A ledger entry the machine awarded: it goes to the outbox as a live item's would. */
export interface ImportedScore {
  item_id: string;
  history_seq: number;
  kind: ScoreKind;
  unit_code: string;
}

export interface ImportedItem {
  item: ImportedItemColumns;
  history: ImportedHistoryRow[];
  scores: ImportedScore[];
}

const STATE_NAMES: Record<SubmissionState, string> = {
  draft: '草稿',
  awaiting_signoff: '待审签',
  submitted: '已报送',
  adopted: '已采用',
  forwarded_national: '已转报',
  rejected: '不予采用',
  national_adopted: '中国计生协采用',
  national_declined: '未被中国计生协采用',
  withdrawn: '已撤回',
  expired: '已过期',
};

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (d: Date | null) => (d === null ? null : d.toISOString());

/**
 * The record's steps in time order. When the old portal does not know a time, the step takes the
 * latest time it can have: the request for sign-off when the item was submitted, the forwarding
 * when the national answer came. The item's creation is dated at its submission, or at the start of
 * its event day when it never was submitted. Rules take effect when they would have: `mark_late` at
 * the due moment if the item was not submitted by then, and an item never decided is closed by
 * `expire` at its stale moment (the first instant after the stale date), or when it was last
 * touched if that came later.
 */
export function timeline(row: ImportRow, deadlines: Pick<Deadlines, 'dueAt' | 'staleAt'>, actor: Actor): { createdAt: number; steps: TimedEvent[] } {
  const { dueAt, staleAt } = deadlines;
  const { submittedAt, adoptedAt, rejectedAt, forwardedAt, nationalAdoptedAt, nationalDeclinedAt } = row;
  const createdAt = submittedAt ?? startOfDay(row.eventDate);
  const steps: TimedEvent[] = [];
  const add = (type: SubmissionEvent['type'], now: number, known = true, extra: object = {}) =>
    steps.push({ event: { type, actor, now, imported: true, ...extra } as SubmissionEvent, known });

  const lateBeforeSubmission = submittedAt !== undefined ? submittedAt > dueAt : dueAt < staleAt;
  if (lateBeforeSubmission) add('mark_late', Math.max(createdAt, dueAt + 1));
  if (submittedAt !== undefined) {
    add('request_signoff', submittedAt, false);
    add('sign_off', submittedAt, true, { signer: null });
  }
  if (rejectedAt !== undefined) add('reject', rejectedAt, true, { reason: '' });
  if (adoptedAt !== undefined) add('adopt', adoptedAt);
  const national = nationalAdoptedAt ?? nationalDeclinedAt;
  if (national !== undefined) {
    add('forward_national', forwardedAt ?? national, forwardedAt !== undefined);
    add(nationalAdoptedAt !== undefined ? 'record_national_adoption' : 'record_national_decline', national);
  }
  if (adoptedAt === undefined && rejectedAt === undefined) {
    add('expire', Math.max(staleAt + 1, steps.at(-1)?.event.now ?? createdAt));
  }
  return { createdAt, steps };
}

function refusalMessage(refusal: Refusal, event: SubmissionEvent): string {
  switch (refusal.kind) {
    case 'stale':
      return `采用时间 ${iso(event.now)} 已过该信息的时效（${shanghaiDate(refusal.staleAt)} 24时前）：按规则，过时的信息不予采用`;
    case 'invalid_transition':
      return `按流程规则，信息处于“${STATE_NAMES[refusal.state]}”时不能执行 ${event.type}`;
    default:
      return `流程规则不允许执行 ${event.type}（${refusal.kind}）`;
  }
}

/**
 * Replays one record through the machine. An item never decided whose stale moment has not come
 * yet cannot be closed as history, and is refused: it belongs in the live system.
 */
export function replayRecord(
  row: ImportRow,
  id: string,
  deadlines: Deadlines,
  actor: Actor,
  now: number,
): { imported: ImportedItem } | { problem: RowProblem } {
  const { createdAt, steps } = timeline(row, deadlines, actor);
  const closing = steps.at(-1);
  if (closing?.event.type === 'expire' && closing.event.now > now) {
    return {
      problem: {
        code: 'not_yet_stale',
        message: `该信息未被决定，且到 ${shanghaiDate(deadlines.staleAt)} 才过时效：不能作为历史关闭，请在此之后再导入`,
      },
    };
  }
  const replayed = replay({ unitCode: row.unitCode, dueAt: deadlines.dueAt, staleAt: deadlines.staleAt }, steps.map((s) => s.event));
  if (!replayed.ok) {
    return { problem: { code: 'refused_by_machine', message: refusalMessage(replayed.refusal, replayed.event) } };
  }

  const history: ImportedHistoryRow[] = [
    { item_id: id, unit_code: row.unitCode, seq: 1, action: 'create', from_state: null, to_state: 'draft', at: iso(createdAt), stay_seconds: null },
  ];
  const scores: ImportedScore[] = [];
  // When the item entered its current state, if the record says so.
  let enteredAt: number | null = null;
  let stateEnteredAt = createdAt;
  for (const [i, step] of replayed.steps.entries()) {
    const seq = i + 2;
    const { now } = step.event;
    const moved = step.from !== step.to;
    const known = steps[i].known;
    history.push({
      item_id: id,
      unit_code: row.unitCode,
      seq,
      action: step.event.type,
      from_state: step.from,
      to_state: step.to,
      at: iso(now),
      stay_seconds: moved && known && enteredAt !== null ? (now - enteredAt) / 1000 : null,
    });
    if (moved) {
      enteredAt = known ? now : null;
      stateEnteredAt = now;
    }
    // Only the points: a replay of the past notifies nobody and schedules nothing.
    for (const effect of step.effects) {
      if (effect.type === 'award') scores.push({ item_id: id, history_seq: seq, kind: effect.kind, unit_code: row.unitCode });
    }
  }

  const columns = columnsFromSnapshot(replayed.snapshot);
  const updatedAt = replayed.steps.at(-1)?.event.now ?? createdAt;
  return {
    imported: {
      item: {
        id,
        unit_code: row.unitCode,
        external_id: row.externalId,
        title: row.title,
        body: row.body,
        event_date: row.eventDate,
        major: row.major,
        kind: row.kind,
        state: columns.state,
        state_entered_at: iso(stateEnteredAt),
        late: columns.late,
        due_at: columns.dueAt.toISOString(),
        stale_at: columns.staleAt.toISOString(),
        deadline_provisional: deadlines.provisional,
        first_submitted_at: isoOrNull(columns.firstSubmittedAt),
        submitted_at: isoOrNull(columns.submittedAt),
        adopted_at: isoOrNull(columns.adoptedAt),
        decided_at: isoOrNull(columns.decidedAt),
        national_adopted_at: isoOrNull(columns.nationalAdoptedAt),
        claimed_by: columns.claimedBy,
        signer: columns.signer,
        signed_by: columns.signedBy,
        signed_at: isoOrNull(columns.signedAt),
        snapshot: columns.snapshot,
        machine_version: columns.machineVersion,
        version: history.length,
        created_at: iso(createdAt),
        updated_at: iso(updatedAt),
      },
      history,
      scores,
    },
  };
}
