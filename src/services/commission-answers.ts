import type pg from 'pg';
import type { OutboxEntry } from '../../db/queries/item-commands.ts';
import type { AssignmentState } from '../../machines/commission.types.ts';
import type { SubmissionContext, SubmissionState } from '../../machines/submission.types.ts';
import { appError, errors } from '../errors.ts';

/**
 * Items answering commissions (约稿). The link is set in the item's machine context
 * (`commissionId`) when the item is created and carried by every transition; the item's sign-off and adoption
 * each add one `commission` outbox row, which a worker applies to the assignment exactly once.
 */

/** Assignments an item may still answer: waiting, declined but not judged, or missed (a late answer is taken). */
const ANSWERABLE: readonly AssignmentState[] = ['open', 'declined', 'missed'];

/** Checks that the unit has an assignment of this commission that still takes an answer: 404 across units, 409 when closed. */
export async function checkAnswerable(pool: pg.Pool, commissionId: string, unitCode: string): Promise<void> {
  const { rows: [row] } = await pool.query<{ state: string }>({
    name: 'assignment_state',
    text: 'SELECT state FROM assignments WHERE commission_id = $1 AND unit_code = $2',
    values: [commissionId, unitCode],
  });
  if (!row) throw errors.notFound('Commission');
  if (!ANSWERABLE.includes(row.state as AssignmentState)) {
    throw appError('commission_not_open', undefined, { commissionId, state: row.state });
  }
}

/** The outbox row an item's step owes its commission: its sign-off answers, its adoption fulfils. */
export function commissionOutbox(context: SubmissionContext, unitCode: string, from: SubmissionState, to: SubmissionState): OutboxEntry[] {
  const { commissionId } = context;
  if (!commissionId || from === to) return [];
  const event = to === 'submitted' && from === 'awaiting_signoff' ? 'answer' : to === 'adopted' ? 'fulfil' : null;
  return event ? [{ topic: 'commission', payload: { commissionId, unitCode, event } }] : [];
}

/** What the assignment machine needs from a `commission` outbox row. */
export function answerEventOf(row: { item_id: string | null; payload: Record<string, unknown> }) {
  const { commissionId, unitCode, event } = row.payload as { commissionId: string; unitCode: string; event: 'answer' | 'fulfil' };
  return { commissionId, unitCode, event, itemId: row.item_id ?? '' };
}
