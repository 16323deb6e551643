import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AssignmentNotice } from '../../machines/commission.types.ts';
import { shanghaiDate } from '../time/shanghai.ts';

/**
 * Notices of commissions (约稿), in Chinese, stored in the same transaction as the step that causes
 * them (exactly once: the step and its notices commit together). Unit notices go to the unit's
 * editors and approvers; notices for the region to its reviewers and managers.
 */
export type CommissionNotice = AssignmentNotice | 'commission_issued' | 'commission_cancelled';

interface NoticeContext {
  title: string;
  dueAt: number;
  unitName: string;
  reason: string | null;
}

const withReason = (text: string, reason: string | null) => (reason ? `${text}，原因：${reason.trim()}。` : `${text}。`);

const NOTICES: Record<CommissionNotice, { audience: 'unit' | 'region'; text(c: NoticeContext): string }> = {
  commission_issued: { audience: 'unit', text: (c) => `自治区计生协约稿《${c.title}》，请于${shanghaiDate(c.dueAt)}前报送。` },
  commission_cancelled: { audience: 'unit', text: (c) => `约稿《${c.title}》已取消，无需再回复。` },
  commission_due_soon: { audience: 'unit', text: (c) => `约稿《${c.title}》将于${shanghaiDate(c.dueAt)}截止，请尽快回复。` },
  commission_missed: { audience: 'unit', text: (c) => `约稿《${c.title}》已超过回复期限（${shanghaiDate(c.dueAt)}），记为逾期未回复。` },
  commission_declined: { audience: 'region', text: (c) => withReason(`${c.unitName}申请不回复约稿《${c.title}》`, c.reason) },
  decline_accepted: { audience: 'unit', text: (c) => `自治区计生协已同意本单位不回复约稿《${c.title}》。` },
  decline_refused: { audience: 'unit', text: (c) => withReason(`自治区计生协未同意本单位不回复约稿《${c.title}》，请按要求回复`, c.reason) },
};

export function noticeText(kind: CommissionNotice, context: NoticeContext): string {
  return NOTICES[kind].text(context);
}

/** Stores a notice for its audience; `source` makes it once only per step. */
export async function storeCommissionNotice(
  tx: Transaction<Database>,
  kind: CommissionNotice,
  unitCode: string,
  source: string,
  context: NoticeContext,
): Promise<void> {
  const audience = NOTICES[kind].audience;
  const message = noticeText(kind, context);
  const people = tx
    .selectFrom('users')
    .select((eb) => ['id', eb.val(kind).as('kind'), eb.val(message).as('message'), eb.val(source).as('source')])
    .where('disabled_at', 'is', null);
  const audienceOf = audience === 'unit'
    ? people.where('unit_code', '=', unitCode).where('role', 'in', ['editor', 'approver'])
    : people.where('role', 'in', ['reviewer', 'manager']);
  await tx
    .insertInto('notifications')
    .columns(['user_id', 'kind', 'message', 'source'])
    .expression(audienceOf)
    .onConflict((oc) => oc.columns(['user_id', 'source']).doNothing())
    .execute();
}
