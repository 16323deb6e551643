import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, startTestApp, type Caller, type TestApp } from '../support/app.ts';
import { jpeg, png } from '../support/images.ts';
import { FIVE_GATES } from '../support/gates.ts';

const ORDOS = '150600';
/** Low enough that a small test file can be over it; 1024×768 (786,432 pixels) stays under. */
const MAX_PIXELS = 1_000_000;
let t: TestApp;
let editor: Caller;
let approver: Caller;
let otherEditor: Caller;
let uploadDir: string;

beforeAll(async () => {
  uploadDir = path.join('.data', `uploads-test-${process.pid}-${Date.now()}`);
  t = await startTestApp({
    now: '2024-05-20T10:00:00+08:00',
    env: { UPLOAD_DIR: uploadDir, MAX_IMAGE_BYTES: String(300 * 1024), MAX_IMAGE_PIXELS: String(MAX_PIXELS) },
  });
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
    return files.flat().sort();
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
    expect(photo).toMatchObject({ position: 1, mime: 'image/png', width: 1024, height: 768, bytes: file.length, caption: '活动现场', checks: [] });
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

  it('applies EXIF orientation: a portrait-stored photo turned a quarter counts as 800×600', async () => {
    const id = await newDraft();
    const up = await editor.upload(images(id), await jpeg(600, 800, 6), 'turned.jpg');
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ mime: 'image/jpeg', width: 800, height: 600, checks: [] });
    expect((await editor.get(images(id))).json()[0]).toMatchObject({ width: 800, height: 600 });
  });

  it('answers a photo below 800×600 with its own finding at once, the same as the item’s checks show', async () => {
    const id = await newDraft();
    const up = await editor.upload(images(id), await jpeg(640, 480), 'small.jpg');
    expect(up.statusCode).toBe(201);
    expect(up.json().checks).toEqual([
      { code: 'image_resolution', severity: 'error', field: 'images[1]', message: '第1张图片分辨率为640×480像素，低于800×600像素，请更换清晰图片。' },
    ]);
    const checks = (await editor.get(`/v1/submissions/${id}/checks`)).json();
    expect(checks.results.filter((r: { code: string }) => r.code === 'image_resolution')).toEqual(up.json().checks);
  });

  it('refuses an oversized file while streaming, keeping nothing', async () => {
    const id = await newDraft();
    const before = await storedFiles();
    const huge = Buffer.concat([png(1024, 768), Buffer.alloc(400 * 1024)]);
    const tooBig = await editor.upload(images(id), huge, 'huge.png');
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
    expect((await editor.get(images(id))).json()).toEqual([]);
    expect(await storedFiles()).toEqual(before);
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

describe('photos are measured by decoding them', () => {
  /** Uploads the file and expects it refused with nothing stored: no row, no file, no partial file. */
  async function expectRefused(file: Buffer, name: string, status: number, code: string) {
    const id = await newDraft();
    const before = await storedFiles();
    const response = await editor.upload(images(id), file, name);
    expect({ status: response.statusCode, code: response.json().error?.code }).toEqual({ status, code });
    expect((await editor.get(images(id))).json()).toEqual([]);
    expect(await storedFiles()).toEqual(before);
    return response.json().error;
  }

  it('takes a real 1024×768 JPEG at its decoded size', async () => {
    const id = await newDraft();
    const up = await editor.upload(images(id), await jpeg(1024, 768), 'real.jpg');
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ mime: 'image/jpeg', width: 1024, height: 768, checks: [] });
  });

  it('refuses a truncated JPEG and a truncated PNG', async () => {
    const photo = await jpeg(1024, 768);
    await expectRefused(photo.subarray(0, Math.floor(photo.length * 0.6)), 'cut.jpg', 422, 'image_invalid');
    await expectRefused(photo.subarray(0, photo.length - 2), 'no-end.jpg', 422, 'image_invalid');
    const picture = png(1024, 768);
    const error = await expectRefused(picture.subarray(0, picture.length - 30), 'cut.png', 422, 'image_invalid');
    expect(error.message).toContain('不完整或已损坏');
  });

  it('refuses a JPEG whose pixel data is damaged', async () => {
    const photo = Buffer.from(await jpeg(1024, 768));
    const middle = Math.floor(photo.length * 0.7);
    for (let i = 0; i < 64; i += 1) photo[middle + i] = (i * 37) & 0xff;
    await expectRefused(photo, 'damaged.jpg', 422, 'image_invalid');
  });

  it('refuses a header that lies about the size: 10×10 pixels that claim 1000×800', async () => {
    // Within the pixel limit, so only decoding tells: the header alone says the photo passes 800×600.
    await expectRefused(png(10, 10, { width: 1000, height: 800 }), 'forged.png', 422, 'image_invalid');
  });

  it('refuses a decompression bomb by its claimed size, before decoding its pixels', async () => {
    const bomb = await expectRefused(png(10, 10, { width: 50_000, height: 50_000 }), 'bomb.png', 422, 'image_too_large');
    expect(bomb.details).toEqual({ width: 50_000, height: 50_000, maxPixels: MAX_PIXELS });
    expect(bomb.message).toBe('图片为50000×50000像素（约25亿像素），超过100万像素的上限，请缩小后上传。');
    // Only 10×10 pixels behind a 1200×900 header: decoding would call it damaged, so the limit came first.
    await expectRefused(png(10, 10, { width: 1200, height: 900 }), 'lying.png', 422, 'image_too_large');
    // A genuine picture over the limit is refused the same way.
    await expectRefused(png(1200, 900), 'large.png', 422, 'image_too_large');
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
    const refused = await approver.post(`/v1/submissions/${id}/actions`, { action: 'sign_off', signer: '王主任', gates: FIVE_GATES });
    t.clock.set('2024-05-20T10:00:00+08:00');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details).toEqual([
      { code: 'event_date', severity: 'error', field: 'eventDate', message: '事件日期2024-05-18已超过两周，按规定不予采用。' },
    ]);
  });
});
