import type { AssignmentEventType } from './commission.types.ts';

/**
 * The Chinese words people read for an assignment's steps, in one table (the states' own labels are
 * the machine's `meta`): `GET /v1/lifecycle` serves them, the console and the history take them from there.
 */
export const ASSIGNMENT_ACTION_LABELS: Record<AssignmentEventType | 'create', string> = {
  create: '发布约稿',
  decline: '申请不回复',
  accept_decline: '准予不回复',
  refuse_decline: '驳回申请',
  answer: '回复',
  fulfil: '回复被采用',
  miss: '逾期未回复',
  cancel: '撤销约稿',
  reschedule: '修改截止日期',
  remind: '到期提醒',
};
