import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { jpeg, png } from '../support/images.ts';

const ORDOS = '150600';
let t: TestApp;
let editor: Caller;
let approver: Caller;
let otherEditor: Caller;
let uploadDir: string;

beforeAll(async () => {
  uploadDir = path.join('.data', `uploads-test-${process.pid}-${Date.now()}`);
  t = await startTestApp({ now: '2024-05-20T10:00:00+08:00', env: { UPLOAD_DIR: uploadDir, MAX_IMAGE_BYTES: String(300 * 1024) } });
  editor = await createUser(t.app, 'editor', ORDOS, '张三');
  approver = await createUser(t.app, 'approver', ORDOS, '王主任');
  otherEditor = await createUser(t.app, 'editor', '150200');
});
afterAll(async () => {
  await t?.close();
});

const good = {
  title: '鄂尔多斯市计生协开展优生优育进家庭活动',
  body: '5月18日，鄂尔多斯市计生协在康巴什区开展优生优育进家庭活动。（鄂尔多斯市计生协 张三 供稿）',
  eventDate: '2024-05-18',
  wechatUrl: 'https://mp.weixin.qq.com/s/example',
};

async function newDraft(fields: object = good): Promise<string> {
  const r = await editor.post('/v1/submissions', fields);
  expect(r.statusCode).toBe(201);
  return r.json().id;
}

const images = (id: string) => `/v1/submissions/${id}/images`;

async function storedFiles(): Promise<string[]> {
  try {
    const dirs = await readdir(uploadDir);
    const files = await Promise.all(dirs.map((d) => readdir(path.join(uploadDir, d))));
    return files.flat();
  } catch {
    return [];
  }
}

describe('photo uploads', () => {
  it('stores a photo with the size read from its bytes, serves it, captions and removes it', async () => {
    const id = await newDraft();
    const file = png(1024, 768);
    const up = await editor.upload(images(id), file, '../../etc/passwd.png', { caption: '活动现场' });
    expect(up.statusCode).toBe(201);
    const photo = up.json();
    expect(photo).toMatchObject({ position: 1, mime: 'image/png', width: 1024, height: 768, bytes: file.length, caption: '活动现场' });
    expect((await storedFiles()).some((f) => f.includes('passwd'))).toBe(false);

    const list = (await approver.get(images(id))).json();
    expect(list.map((i: { id: string }) => i.id)).toEqual([photo.id]);
    const served = await approver.get(`${images(id)}/${photo.id}`);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(served.rawPayload, file)).toBe(0);

    const captioned = await editor.patch(`${images(id)}/${photo.id}`, { caption: '群众参与活动' });
    expect(captioned.json().caption).toBe('群众参与活动');
    expect((await editor.delete(`${images(id)}/${photo.id}`)).statusCode).toBe(204);
    expect((await editor.get(images(id))).json()).toEqual([]);
    expect((await editor.get(`${images(id)}/${photo.id}`)).statusCode).toBe(404);
  });

  it('reads the type by content: a PNG named .jpg is a PNG; a GIF or text is refused', async () => {
    const id = await newDraft();
    const renamed = await editor.upload(images(id), png(800, 600), 'photo.jpg');
    expect(renamed.statusCode).toBe(201);
    expect(renamed.json().mime).toBe('image/png');
    const gif = await editor.upload(images(id), Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100)]), 'photo.png');
    expect(gif.statusCode).toBe(415);
    expect(gif.json().error.code).toBe('unsupported_image_type');
    const text = await editor.upload(images(id), Buffer.from('not a picture at all'), 'photo.jpg');
    expect(text.statusCode).toBe(415);
    expect((await editor.get(images(id))).json()).toHaveLength(1);
  });

  it('applies EXIF orientation: a landscape-stored portrait photo is 600×800', async () => {
    const id = await newDraft();
    const up = await editor.upload(images(id), jpeg(800, 600, 6), 'portrait.jpg');
    expect(up.json()).toMatchObject({ mime: 'image/jpeg', width: 600, height: 800 });
    const checks = (await editor.get(`/v1/submissions/${id}/checks`)).json();
    expect(checks.results.filter((r: { code: string }) => r.code === 'image_resolution')).toEqual([]);
  });

  it('refuses a truncated file and an oversized one without keeping anything', async () => {
    const id = await newDraft();
    const whole = png(1024, 768);
    const truncated = await editor.upload(images(id), whole.subarray(0, whole.length - 30), 'cut.png');
    expect(truncated.statusCode).toBe(422);
    expect(truncated.json().error.code).toBe('image_invalid');
    const before = (await storedFiles()).length;
    const huge = Buffer.concat([png(1024, 768), Buffer.alloc(400 * 1024)]);
    const tooBig = await editor.upload(images(id), huge, 'huge.png');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
    expect((await editor.get(images(id))).json()).toEqual([]);
    expect((await storedFiles()).length).toBe(before);
    expect((await storedFiles()).some((f) => f.endsWith('.part'))).toBe(false);
  });

  it('takes at most three photos, only from the unit’s editor, only in draft', async () => {
    const id = await newDraft();
    for (let i = 0; i < 3; i += 1) expect((await editor.upload(images(id), png(800, 600), `${i}.png`)).statusCode).toBe(201);
    const fourth = await editor.upload(images(id), png(800, 600), '4.png');
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().error.code).toBe('too_many_images');
    expect((await otherEditor.upload(images(id), png(800, 600), 'x.png')).statusCode).toBe(404);
    expect((await otherEditor.get(images(id))).statusCode).toBe(404);
    expect((await approver.upload(images(id), png(800, 600), 'x.png')).statusCode).toBe(403);
    const noFile = await editor.post(images(id), { caption: 'x' });
    expect(noFile.statusCode).toBe(415);

    const photos = (await editor.get(images(id))).json();
    await editor.delete(`${images(id)}/${photos[2].id}`);
    expect((await editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' })).statusCode).toBe(200);
    const late = await editor.upload(images(id), png(800, 600), 'late.png');
    expect(late.statusCode).toBe(409);
    expect((await editor.delete(`${images(id)}/${photos[0].id}`)).statusCode).toBe(409);
  });
});

describe('quality checks through the API', () => {
  it('refuses request_signoff while any error remains and lists every fault; goes through once fixed', async () => {
    const id = await newDraft({ title: '土左旗计生协开展活动', body: '活动顺利举行,群众踊跃参加。', eventDate: '2024-05-18' });
    await editor.upload(images(id), png(1, 1), 'tiny.png');

    const refused = await editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' });
    expect(refused.statusCode).toBe(422);
    const error = refused.json().error;
    expect(error.code).toBe('quality_check_failed');
    expect(error.details.map((d: { code: string }) => d.code)).toEqual(['title_prefix', 'image_resolution', 'source_line']);
    expect(error.details.every((d: { severity: string }) => d.severity === 'error')).toBe(true);
    expect(error.details[0].message).toContain('呼和浩特市');

    const shown = (await editor.get(`/v1/submissions/${id}/checks`)).json();
    expect(shown.passed).toBe(false);
    expect(shown.results.map((r: { code: string }) => r.code)).toEqual([
      'title_prefix', 'image_resolution', 'source_line', 'wechat_url', 'punctuation', 'image_caption',
    ]);
    expect((await editor.get(`/v1/submissions/${id}`)).json().state).toBe('draft');

    // 鄂尔多斯市's editor wrote 土左旗 by mistake: fix the title, the photo and the source line.
    await editor.patch(`/v1/submissions/${id}`, { title: '鄂尔多斯市计生协开展活动', body: '活动顺利举行,群众踊跃参加。（鄂尔多斯市计生协 张三 供稿）' });
    const [tiny] = (await editor.get(images(id))).json();
    await editor.delete(`${images(id)}/${tiny.id}`);
    await editor.upload(images(id), png(1024, 768), 'good.png');

    const accepted = await editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('awaiting_signoff');
    expect(accepted.json().checks.map((c: { code: string }) => c.code)).toEqual(['wechat_url', 'punctuation', 'image_caption']);
    expect(accepted.json().checks.every((c: { severity: string }) => c.severity === 'warning')).toBe(true);
  });

  it('checks again at sign-off: an item that went stale while waiting is refused', async () => {
    const id = await newDraft();
    await editor.upload(images(id), png(1024, 768), 'ok.png', { caption: '活动现场' });
    expect((await editor.post(`/v1/submissions/${id}/actions`, { action: 'request_signoff' })).statusCode).toBe(200);
    t.clock.set('2024-06-02T09:00:00+08:00');
    const refused = await approver.post(`/v1/submissions/${id}/actions`, { action: 'sign_off', signer: '王主任' });
    t.clock.set('2024-05-20T10:00:00+08:00');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([
      { code: 'event_date', severity: 'error', field: 'eventDate', message: '事件日期2024-05-18已超过两周，按规定不予采用。' },
    ]);
  });
});
