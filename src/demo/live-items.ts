import { Readable } from 'node:stream';
import sharp from 'sharp';
import { ALL_GATES_CONFIRMED } from '../../machines/submission.machine.ts';
import type { Actor } from '../../machines/submission.types.ts';
import type { Services } from '../services/index.ts';
import { addDays, shanghaiDate } from '../time/shanghai.ts';

/** A demo item and how far it goes: written only, sent for sign-off, or signed off (submitted). */
interface LiveItem {
  title: string;
  body: string;
  daysAgo: number;
  reach: 'draft' | 'awaiting_signoff' | 'submitted';
}

const SOURCE = '（鄂尔多斯市计生协 演示撰稿员 供稿）';

const LIVE_ITEMS: readonly LiveItem[] = [
  { title: '鄂尔多斯市计生协开展青春健康进校园活动', body: `近日，鄂尔多斯市计生协走进校园开展青春健康教育。${SOURCE}`, daysAgo: 1, reach: 'draft' },
  { title: '鄂尔多斯市计生协开展优生优育进家庭活动', body: `鄂尔多斯市计生协组织志愿者入户宣传优生优育知识。${SOURCE}`, daysAgo: 2, reach: 'awaiting_signoff' },
  { title: '鄂尔多斯市计生协举办家庭健康讲座', body: `鄂尔多斯市计生协邀请医生为社区居民讲解家庭健康知识。${SOURCE}`, daysAgo: 2, reach: 'submitted' },
  { title: '鄂尔多斯市计生协慰问计生特殊家庭', body: `鄂尔多斯市计生协走访慰问计生特殊家庭，送去慰问品。${SOURCE}`, daysAgo: 3, reach: 'submitted' },
];

/** A plain photo that passes the image checks (size and resolution). */
function photo(): Promise<Buffer> {
  return sharp({ create: { width: 1280, height: 960, channels: 3, background: { r: 196, g: 64, b: 64 } } }).png().toBuffer();
}

function expectStatus(answer: { status: number }, what: string) {
  if (answer.status >= 300) throw new Error(`demo: ${what} answered ${answer.status}`);
}

/**
 * The items a new user finds in the pipeline: a draft, one awaiting sign-off, two submitted. Dated
 * a few days before today, so that they are neither late nor stale. Made once: when the demo
 * editor has items already, nothing is added. Returns how many were made.
 */
export async function loadLiveItems(services: Services, editor: Actor, approver: Actor): Promise<number> {
  const existing = await services.db.selectFrom('items').select('id').where('created_by', '=', editor.id).limit(1).executeTakeFirst();
  if (existing) return 0;
  const today = shanghaiDate(services.clock());
  const image = await photo();
  for (const item of LIVE_ITEMS) {
    const created = await services.commands.create(editor, {
      title: item.title,
      body: item.body,
      eventDate: addDays(today, -item.daysAgo),
      major: false,
      kind: 'news',
      wechatUrl: null,
    });
    expectStatus(created, 'create');
    const id = created.body.id;
    await services.images.upload(editor, id, Readable.from(image), '活动现场');
    if (item.reach === 'draft') continue;
    expectStatus(await services.commands.act(editor, id, { action: 'request_signoff' }), 'request_signoff');
    if (item.reach === 'awaiting_signoff') continue;
    expectStatus(await services.commands.act(approver, id, { action: 'sign_off', signer: approver.name, gates: ALL_GATES_CONFIRMED }), 'sign_off');
  }
  return LIVE_ITEMS.length;
}

export const LIVE_ITEM_COUNT = LIVE_ITEMS.length;
