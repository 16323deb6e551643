import type { FastifyInstance } from 'fastify';
import { createReadyDraft, createUser, type Caller } from '../../support/app.ts';
import { FIVE_GATES } from '../../support/gates.ts';
import { shanghaiDaysAgo } from './dates.ts';
import { UNIT } from './console-app.ts';

/** People who act through the API beside the one in the browser (their steps are not what the file tests). */
export interface Crew {
  editor: Caller;
  approver: Caller;
  reviewer: Caller;
}

export async function crew(app: FastifyInstance, unitCode = UNIT): Promise<Crew> {
  return {
    editor: await createUser(app, 'editor', unitCode, '李撰稿'),
    approver: await createUser(app, 'approver', unitCode, '王审签'),
    reviewer: await createUser(app, 'reviewer', undefined, '赵编辑'),
  };
}

async function act(caller: Caller, id: string, action: string, extra: Record<string, unknown> = {}) {
  const answer = await caller.post(`/v1/submissions/${id}/actions`, { action, ...extra });
  if (answer.statusCode !== 200) throw new Error(`${action} failed: ${answer.statusCode} ${answer.body}`);
  return answer.json();
}

/** A ready item of 鄂尔多斯市 taken as far as `until` along the usual path. */
export async function itemUntil(c: Crew, title: string, until: 'draft' | 'awaiting_signoff' | 'submitted' | 'adopted'): Promise<string> {
  const { id } = await createReadyDraft(c.editor, {
    title,
    body: `${title.replace(/^鄂尔多斯市/, '')}。（鄂尔多斯市计生协 张三 供稿）`,
    eventDate: shanghaiDaysAgo(1),
  });
  if (until === 'draft') return id;
  await act(c.editor, id, 'request_signoff');
  if (until === 'awaiting_signoff') return id;
  await act(c.approver, id, 'sign_off', { signer: '王审签', gates: FIVE_GATES });
  if (until === 'submitted') return id;
  await act(c.reviewer, id, 'adopt');
  return id;
}

export { act };
