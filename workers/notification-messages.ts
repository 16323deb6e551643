import { shanghaiDate } from '../src/time/shanghai.ts';

export interface MessageContext {
  title: string;
  reason: string | null;
  dueAt: Date;
  staleAt: Date;
}

/**
 * Who hears of what: unit-scoped roles of the item's unit, the region's reviewers (the claimer
 * alone when the item is claimed), or the one reviewer who holds or last handled the item.
 */
export type Audience = 'unit_editors' | 'unit_approvers' | 'unit_all' | 'reviewers' | 'item_reviewer';

interface Template {
  audience: Audience;
  text(c: MessageContext): string;
}

/** A clause ends the sentence with one full stop: a reason that ends in its own punctuation gets none added. */
const sentence = (text: string) => (/[。！？!?…]$/.test(text) ? text : `${text}。`);
const withReason = (text: string, reason: string | null) => sentence(reason ? `${text}，原因：${reason.trim()}` : text);

/** Messages the users read, in Chinese. A kind missing here notifies nobody (e.g. `submitted`). */
export const NOTIFICATION_TEMPLATES: Record<string, Template> = {
  late: {
    audience: 'unit_all',
    text: (c) => `《${c.title}》已超过报送时限（${shanghaiDate(c.dueAt.getTime())}），请尽快完成审签报送。`,
  },
  signoff_requested: { audience: 'unit_approvers', text: (c) => `《${c.title}》已提交审签，请审核签发。` },
  signoff_waiting: { audience: 'unit_approvers', text: (c) => `《${c.title}》等待审签已超过时限，请尽快处理。` },
  returned: { audience: 'unit_editors', text: (c) => withReason(`《${c.title}》被退回修改`, c.reason) },
  returned_for_revision: {
    audience: 'unit_all',
    text: (c) => withReason(`《${c.title}》被自治区计生协退回修改`, c.reason),
  },
  rejected: { audience: 'unit_all', text: (c) => withReason(`《${c.title}》未被自治区计生协采用`, c.reason) },
  recalled: { audience: 'unit_editors', text: (c) => withReason(`《${c.title}》已由本单位审签人撤回报送，退回草稿`, c.reason) },
  reassigned: { audience: 'reviewers', text: (c) => `《${c.title}》已转交给您审核。` },
  comment_from_region: { audience: 'unit_all', text: (c) => sentence(`自治区计生协对《${c.title}》批注：${(c.reason ?? '').trim()}`) },
  comment_from_unit: { audience: 'item_reviewer', text: (c) => sentence(`报送单位对《${c.title}》批注：${(c.reason ?? '').trim()}`) },
  adopted: { audience: 'unit_all', text: (c) => `《${c.title}》已被自治区计生协采用。` },
  forwarded: { audience: 'unit_all', text: (c) => `《${c.title}》已转报中国计生协。` },
  national_adopted: { audience: 'unit_all', text: (c) => `《${c.title}》已被中国计生协采用。` },
  national_declined: { audience: 'unit_all', text: (c) => `《${c.title}》未被中国计生协采用。` },
  expired: { audience: 'unit_all', text: (c) => `《${c.title}》所报道事件已超过两周，信息已过期，不再采用。` },
  stale_soon: {
    audience: 'reviewers',
    text: (c) => `《${c.title}》将于${shanghaiDate(c.staleAt.getTime())}过期，请及时审核。`,
  },
};
