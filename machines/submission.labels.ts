import type { Action, Gate, Role } from './submission.types.ts';

/**
 * The Chinese words people read for the lifecycle, in one table (the states' own labels are the
 * machine's `meta`): the console, the history and `GET /v1/lifecycle` all take them from here.
 */

/** Everything that appears as a step in an item's timeline: the machine's events and the service's own rows. */
export const TIMELINE_ACTIONS = [
  'create',
  'edit',
  'image_added',
  'image_removed',
  'images_reordered',
  'comment',
  'reschedule',
  'remind',
] as const;
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number];

export const ACTION_LABELS: Record<Action | TimelineAction, string> = {
  create: '新建',
  edit: '修改',
  request_signoff: '提交审签',
  withdraw: '撤回',
  sign_off: '签发',
  return: '退回',
  adopt: '采用',
  reject: '不予采用',
  return_for_revision: '退回修改',
  forward_national: '报送中国计生协',
  record_national_adoption: '中国计生协采用',
  record_national_decline: '中国计生协未采用',
  claim: '认领',
  unclaim: '释放',
  reassign: '转交',
  release_claim: '收回认领',
  recall: '撤回报送',
  expire: '过期',
  mark_late: '标记逾期',
  remind: '提醒',
  reschedule: '重算时限',
  image_added: '上传图片',
  image_removed: '删除图片',
  images_reordered: '调整图片顺序',
  comment: '批注',
};

/** What an action's dialog must ask for: the fields of its `/actions` body beside `action`. */
export type ActionField = 'reason' | 'signer' | 'to' | 'gates';
export const ACTION_FIELDS: Partial<Record<Action, ActionField[]>> = {
  sign_off: ['signer', 'gates'],
  return: ['reason'],
  reject: ['reason'],
  return_for_revision: ['reason'],
  recall: ['reason'],
  reassign: ['to'],
};

export const ROLE_LABELS: Record<Role, string> = {
  editor: '撰稿',
  approver: '审签',
  reviewer: '自治区编辑',
  manager: '管理',
  admin: '系统管理员',
  system: '系统',
};

/** 五关, in the bulletin's order. */
export const GATE_LABELS: Record<Gate, string> = {
  political: '政治关',
  policy: '政策关',
  secrecy: '保密关',
  wording: '文字关',
  standards: '规范关',
};
