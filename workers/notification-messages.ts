import { shanghaiDate } from '../src/time/shanghai.ts';

export interface MessageContext {
  title: string;
  reason: string | null;
  dueAt: Date;
  staleAt: Date;
}

/** Who hears of what: unit-scoped roles of the item's unit, or the region's reviewers. */
export type Audience = 'unit_editors' | 'unit_approvers' | 'unit_all' | 'reviewers';

interface Template {
  audience: Audience;
  text(c: MessageContext): string;
}

const reasonSuffix = (reason: string | null) => (reason ? `，原因：${reason}` : '');

/** Messages the users read, in Chinese. A kind missing here notifies nobody (e.g. `submitted`). */
export const NOTIFICATION_TEMPLATES: Record<string, Template> = {
  late: {
    audience: 'unit_all',
    text: (c) => `《${c.title}》已超过报送时限（${shanghaiDate(c.dueAt.getTime())}），请尽快完成审签报送。`,
  },
  signoff_requested: { audience: 'unit_approvers', text: (c) => `《${c.title}》已提交审签，请审核签发。` },
  signoff_waiting: { audience: 'unit_approvers', text: (c) => `《${c.title}》等待审签已超过时限，请尽快处理。` },
  returned: { audience: 'unit_editors', text: (c) => `《${c.title}》被退回修改${reasonSuffix(c.reason)}。` },
  returned_for_revision: {
    audience: 'unit_all',
    text: (c) => `《${c.title}》被自治区计生协退回修改${reasonSuffix(c.reason)}。`,
  },
  rejected: { audience: 'unit_all', text: (c) => `《${c.title}》未被自治区计生协采用${reasonSuffix(c.reason)}。` },
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
