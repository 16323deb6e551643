import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { imageSize } from 'image-size';
import { imageSizeFromFile } from 'image-size/fromFile';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Actor } from '../../machines/submission.types.ts';
import { MAX_IMAGES, type ImageFacts } from '../checks/image-rules.ts';
import { AppError, errors } from '../errors.ts';
import type { ImageStore } from '../storage/image-store.ts';
import { canSee } from './submission-commands.ts';

const HEAD_BYTES = 256 * 1024;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]); // IEND chunk type + CRC

type Kind = 'image/jpeg' | 'image/png';

/** The type from the first bytes, whatever the name or the declared content type say. */
export function sniffType(head: Buffer): Kind | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/** A complete file ends as its format says: JPEG with the EOI marker, PNG with its IEND chunk. */
export function looksComplete(kind: Kind, tail: Buffer): boolean {
  if (kind === 'image/png') return tail.length >= 8 && tail.subarray(tail.length - 8).equals(PNG_END);
  // Some cameras pad after EOI; allow trailing zero bytes.
  let end = tail.length;
  while (end > 0 && tail[end - 1] === 0x00) end -= 1;
  return end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9;
}

/** Width and height as the photo is shown: EXIF orientations 5–8 turn it a quarter. */
export function displaySize(size: { width: number; height: number; orientation?: number }) {
  const turned = size.orientation !== undefined && size.orientation >= 5 && size.orientation <= 8;
  return turned ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
}

export interface ImageView extends ImageFacts {
  createdAt: string;
}

const imageError = (code: string, message: string) => new AppError(422, code, message);

/** Photos of items: uploads measured from their bytes while streaming, listed, captioned, removed. */
export class ImageService {
  private readonly db: Kysely<Database>;
  private readonly store: ImageStore;
  private readonly maxBytes: number;

  constructor(db: Kysely<Database>, store: ImageStore, maxBytes: number) {
    this.db = db;
    this.store = store;
    this.maxBytes = maxBytes;
  }

  get maxImageBytes() {
    return this.maxBytes;
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
   * Streams one upload to the store, reading only the head into memory. The type and pixel size are
   * measured from the bytes; the size limit is enforced by the multipart parser while streaming.
   */
  async upload(actor: Actor, itemId: string, file: Readable, caption: string | null): Promise<ImageView> {
    await this.itemFor(actor, itemId, true);
    const count = await this.db.selectFrom('item_images').select((eb) => eb.fn.countAll<number>().as('n')).where('item_id', '=', itemId).executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_IMAGES) {
      file.resume();
      throw errors.conflict('too_many_images', `An item carries at most ${MAX_IMAGES} photos (每条信息所附图片不超过3张)`);
    }

    const id = randomUUID();
    const target = await this.store.begin(id);
    const hash = createHash('sha256');
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let tail: Buffer = Buffer.alloc(0);
    let bytes = 0;
    let kind: Kind | null = null;
    try {
      for await (const chunk of readUpload(file)) {
        if (headLength < HEAD_BYTES) {
          headChunks.push(chunk);
          headLength += chunk.length;
        }
        if (kind === null && headLength >= 8) {
          kind = sniffType(Buffer.concat(headChunks));
          if (kind === null) throw new AppError(415, 'unsupported_image_type', 'Only JPEG and PNG photos are accepted (checked by content)');
        }
        hash.update(chunk);
        bytes += chunk.length;
        tail = chunk.length >= 16 ? chunk.subarray(-16) : Buffer.concat([tail, chunk]).subarray(-16);
        if (!target.stream.write(chunk)) await once(target.stream, 'drain');
      }
      target.stream.end();
      await once(target.stream, 'finish');
      // busboy stops at the size limit and marks the stream truncated.
      if ((file as Readable & { truncated?: boolean }).truncated) {
        throw errors.tooLarge(`A photo may be at most ${Math.round(this.maxBytes / 1024 / 1024)} MB (图片不超过10MB)`);
      }
      const head = Buffer.concat(headChunks);
      if (kind === null) kind = sniffType(head);
      if (kind === null) throw new AppError(415, 'unsupported_image_type', 'Only JPEG and PNG photos are accepted (checked by content)');
      if (!looksComplete(kind, tail)) throw imageError('image_invalid', 'The photo file is incomplete or damaged (图片文件不完整)');
      const size = await this.measure(head, target.localPath);
      if (!size || (size.type !== 'jpg' && size.type !== 'png')) throw imageError('image_invalid', 'The photo cannot be read (图片无法识别)');
      const { width, height } = displaySize(size);
      const row = await this.insertAtFreePosition({ id, itemId, kind, width, height, bytes, sha256: hash.digest('hex'), caption, actor });
      await target.commit();
      return toView(row);
    } catch (error) {
      await target.discard();
      file.resume();
      throw error;
    }
  }

  private async measure(head: Buffer, localPath: string) {
    try {
      return imageSize(head);
    } catch {
      // The size marker lies beyond the head (large EXIF blocks): read the stored file.
      try {
        return await imageSizeFromFile(localPath);
      } catch {
        return null;
      }
    }
  }

  private async insertAtFreePosition(input: {
    id: string;
    itemId: string;
    kind: Kind;
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
    throw errors.conflict('too_many_images', `An item carries at most ${MAX_IMAGES} photos (每条信息所附图片不超过3张)`);
  }

  private async imageRow(itemId: string, imageId: string) {
    const row = await this.db.selectFrom('item_images').selectAll().where('id', '=', imageId).where('item_id', '=', itemId).executeTakeFirst();
    if (!row) throw errors.notFound('Image');
    return row;
  }
}

/** The upload's chunks; a stream that breaks off (malformed multipart, client gone) is the caller's error. */
async function* readUpload(file: Readable): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of file as AsyncIterable<Buffer>) yield chunk;
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
