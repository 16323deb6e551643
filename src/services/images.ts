import { createHash, randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../machines/submission.types.ts';
import { checkPhoto, MAX_IMAGES, type ImageFacts } from '../checks/image-rules.ts';
import type { CheckResult } from '../checks/types.ts';
import { AppError, errors } from '../errors.ts';
import type { ImageStore } from '../storage/image-store.ts';
import { decodeImage, sniffType, SNIFF_BYTES, type ImageKind } from './image-decoder.ts';
import { canSee } from './submission-commands.ts';

export interface ImageView extends ImageFacts {
  createdAt: string;
}

/** An uploaded photo as answered: the stored photo and its own findings (附件3), known at once. */
export interface UploadedImage extends ImageView {
  checks: CheckResult[];
}

export interface ImageLimits {
  /** Largest file in bytes. */
  maxBytes: number;
  /** Largest picture in pixels (width × height) that is decoded. */
  maxPixels: number;
}

const unsupportedType = () => new AppError(415, 'unsupported_image_type', '只接受JPEG或PNG格式的图片（按文件内容判断）。');
const tooManyImages = () => errors.conflict('too_many_images', `每条信息所附图片不超过${MAX_IMAGES}张。`);

/** Photos of items: uploads streamed to the store and measured by decoding them, listed, captioned, removed. */
export class ImageService {
  private readonly db: Kysely<Database>;
  private readonly store: ImageStore;
  private readonly limits: ImageLimits;

  constructor(db: Kysely<Database>, store: ImageStore, limits: ImageLimits) {
    this.db = db;
    this.store = store;
    this.limits = limits;
  }

  get maxImageBytes() {
    return this.limits.maxBytes;
  }

  /** The item, if the actor may see it; for changes it must also be the actor's draft. */
  private async itemFor(actor: Actor, itemId: string, forChange: boolean) {
    const item = await this.db.selectFrom('items').select(['id', 'unit_code', 'state']).where('id', '=', itemId).executeTakeFirst();
    if (!item || !canSee(actor, item.unit_code)) throw errors.notFound('Submission');
    if (forChange) {
      if (actor.role !== 'editor') throw errors.forbidden('Only the unit’s editor changes photos');
      if (item.state !== 'draft') throw errors.invalidTransition('Photos can be changed only while the item is a draft', { state: item.state });
    }
    return item;
  }

  async facts(itemId: string): Promise<ImageFacts[]> {
    const rows = await this.db
      .selectFrom('item_images')
      .select(['id', 'position', 'mime', 'width', 'height', 'bytes', 'caption'])
      .where('item_id', '=', itemId)
      .orderBy('position')
      .execute();
    return rows;
  }

  async list(actor: Actor, itemId: string): Promise<ImageView[]> {
    await this.itemFor(actor, itemId, false);
    const rows = await this.db.selectFrom('item_images').selectAll().where('item_id', '=', itemId).orderBy('position').execute();
    return rows.map(toView);
  }

  async open(actor: Actor, itemId: string, imageId: string): Promise<{ mime: string; bytes: number; stream: Readable }> {
    await this.itemFor(actor, itemId, false);
    const row = await this.imageRow(itemId, imageId);
    return { mime: row.mime, bytes: row.bytes, stream: await this.store.read(row.storage_key) };
  }

  async setCaption(actor: Actor, itemId: string, imageId: string, caption: string | null): Promise<ImageView> {
    await this.itemFor(actor, itemId, true);
    const row = await this.db
      .updateTable('item_images')
      .set({ caption })
      .where('id', '=', imageId)
      .where('item_id', '=', itemId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw errors.notFound('Image');
    return toView(row);
  }

  async remove(actor: Actor, itemId: string, imageId: string): Promise<void> {
    await this.itemFor(actor, itemId, true);
    const row = await this.db.deleteFrom('item_images').where('id', '=', imageId).where('item_id', '=', itemId).returning('storage_key').executeTakeFirst();
    if (!row) throw errors.notFound('Image');
    await this.store.remove(row.storage_key);
  }

  /**
   * Streams one upload to the store (only its first bytes stay in memory), then decodes the stored
   * file to measure it. A file that is not a whole JPEG or PNG, or is too large, is refused and its
   * bytes are removed; the size limit is enforced by the multipart parser while streaming.
   */
  async upload(actor: Actor, itemId: string, file: Readable, caption: string | null): Promise<UploadedImage> {
    await this.itemFor(actor, itemId, true);
    const count = await this.db.selectFrom('item_images').select((eb) => eb.fn.countAll<number>().as('n')).where('item_id', '=', itemId).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_IMAGES) {
      file.resume();
      throw tooManyImages();
    }

    const id = randomUUID();
    const target = await this.store.begin(id);
    try {
      const received = await receive(file, target.stream);
      // busboy stops at the size limit and marks the stream truncated.
      if ((file as Readable & { truncated?: boolean }).truncated) {
        throw errors.tooLarge(`图片不得超过${Math.round(this.limits.maxBytes / 1024 / 1024)}MB，请压缩后上传。`);
      }
      const decoded = await decodeImage(target.localPath, this.limits.maxPixels);
      const row = await this.insertAtFreePosition({ id, itemId, ...decoded, bytes: received.bytes, sha256: received.sha256, caption, actor });
      await target.commit();
      const image = toView(row);
      return { ...image, checks: checkPhoto(image, this.limits.maxBytes) };
    } catch (error) {
      await target.discard();
      file.resume();
      throw error;
    }
  }

  private async insertAtFreePosition(input: {
    id: string;
    itemId: string;
    kind: ImageKind;
    width: number;
    height: number;
    bytes: number;
    sha256: string;
    caption: string | null;
    actor: Actor;
  }) {
    for (let attempt = 0; attempt < MAX_IMAGES; attempt += 1) {
      const taken = new Set((await this.db.selectFrom('item_images').select('position').where('item_id', '=', input.itemId).execute()).map((r) => r.position));
      const position = [1, 2, 3].find((p) => !taken.has(p));
      if (position === undefined) break;
      try {
        return await this.db
          .insertInto('item_images')
          .values({
            id: input.id,
            item_id: input.itemId,
            position,
            storage_key: input.id,
            mime: input.kind,
            width: input.width,
            height: input.height,
            bytes: input.bytes,
            sha256: input.sha256,
            caption: input.caption,
            created_by: input.actor.id,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      } catch (error) {
        if ((error as { code?: string }).code !== '23505') throw error;
      }
    }
    throw tooManyImages();
  }

  private async imageRow(itemId: string, imageId: string) {
    const row = await this.db.selectFrom('item_images').selectAll().where('id', '=', imageId).where('item_id', '=', itemId).executeTakeFirst();
    if (!row) throw errors.notFound('Image');
    return row;
  }
}

/**
 * Writes the upload to `target`, refusing it as soon as its first bytes show it is no JPEG or PNG
 * (the decoder has the last word). Only those first bytes are kept; the hash and length are taken
 * on the way.
 */
async function receive(file: Readable, target: Writable): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let bytes = 0;
  await pipeline(
    file,
    async function* measure(source: AsyncIterable<Buffer>) {
      for await (const chunk of readUpload(source)) {
        if (head.length < SNIFF_BYTES) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          if (head.length === SNIFF_BYTES && sniffType(head) === null) throw unsupportedType();
        }
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    },
    target,
  );
  if (sniffType(head) === null) throw unsupportedType();
  return { bytes, sha256: hash.digest('hex') };
}

/** The upload's chunks; a stream that breaks off (malformed multipart, client gone) is the caller's error. */
async function* readUpload(file: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of file) yield chunk;
  } catch (error) {
    if (error instanceof AppError || (error as { statusCode?: number }).statusCode) throw error;
    throw errors.validation(`The upload is incomplete or malformed: ${(error as Error).message}`);
  }
}

function toView(row: { id: string; position: number; mime: string; width: number; height: number; bytes: number; caption: string | null; created_at: Date }): ImageView {
  return {
    id: row.id,
    position: row.position,
    mime: row.mime,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    caption: row.caption,
    createdAt: row.created_at.toISOString(),
  };
}
