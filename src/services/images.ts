import { createHash, randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { editRefusal, restore, type PersistedSubmission, type Refusal } from '../../machines/submission.runtime.ts';
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
  private readonly clock: () => number;

  constructor(db: Kysely<Database>, store: ImageStore, limits: ImageLimits, clock: () => number = Date.now) {
    this.db = db;
    this.store = store;
    this.limits = limits;
    this.clock = clock;
  }

  get maxImageBytes() {
    return this.limits.maxBytes;
  }

  /**
   * The item, if the actor may see it; for changes the machine must let the actor edit it now (the
   * photos are part of what an editor edits: the same rule, not a second list of roles and states).
   */
  private async itemFor(actor: Actor, itemId: string, forChange: boolean, trx: Kysely<Database> = this.db) {
    let query = trx.selectFrom('items').select(['id', 'unit_code', 'state', 'snapshot']).where('id', '=', itemId);
    if (forChange) query = query.forUpdate();
    const item = await query.executeTakeFirst();
    if (!item || !canSee(actor, item.unit_code)) throw errors.notFound('Submission');
    if (forChange) {
      const refusal = editRefusal(restore(item.snapshot as PersistedSubmission), actor, this.clock());
      if (refusal) throw photoRefusal(refusal, item.state);
    }
    return item;
  }

  /**
   * A change to the item's photos, made under the item's row lock once the machine allows it, and
   * recorded like every other change: the item's version moves on and the step is a history row.
   */
  private async change<T>(
    actor: Actor,
    itemId: string,
    action: 'image_added' | 'image_removed' | 'images_reordered',
    work: (trx: Transaction<Database>) => Promise<{ result: T; details: Record<string, unknown> }>,
  ): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const item = await this.itemFor(actor, itemId, true, trx);
      const { result, details } = await work(trx);
      const now = new Date(this.clock());
      const moved = await trx
        .updateTable('items')
        .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
        .where('id', '=', itemId)
        .returning(['version', 'unit_code'])
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('item_history')
        .values({
          item_id: itemId,
          unit_code: moved.unit_code,
          seq: moved.version,
          action,
          from_state: item.state,
          to_state: item.state,
          actor_id: actor.id,
          actor_name: actor.name,
          actor_role: actor.role,
          reason: null,
          signer: null,
          details: JSON.stringify(details),
          at: now,
          stay_seconds: null,
        })
        .execute();
      return result;
    });
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

  /** Changes a photo's caption and/or moves it to another position (the others keep their order). */
  async update(actor: Actor, itemId: string, imageId: string, patch: { caption?: string | null; position?: number }): Promise<ImageView> {
    if (patch.position === undefined) {
      await this.itemFor(actor, itemId, true);
      const row = await this.db
        .updateTable('item_images')
        .set({ caption: patch.caption ?? null })
        .where('id', '=', imageId)
        .where('item_id', '=', itemId)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw errors.notFound('Image');
      return toView(row);
    }
    const position = patch.position;
    return this.change(actor, itemId, 'images_reordered', async (trx) => {
      const rows = await trx.selectFrom('item_images').select(['id', 'position']).where('item_id', '=', itemId).orderBy('position').execute();
      const moving = rows.find((r) => r.id === imageId);
      if (!moving) throw errors.notFound('Image');
      const order = rows.filter((r) => r.id !== imageId).map((r) => r.id);
      order.splice(Math.min(position, rows.length) - 1, 0, imageId);
      // Positions are unique per item: the check waits for the end of the transaction while they move.
      await sql`SET CONSTRAINTS item_images_item_id_position_key DEFERRED`.execute(trx);
      for (const [index, id] of order.entries()) {
        await trx.updateTable('item_images').set({ position: index + 1 }).where('id', '=', id).execute();
      }
      if (patch.caption !== undefined) await trx.updateTable('item_images').set({ caption: patch.caption }).where('id', '=', imageId).execute();
      const row = await trx.selectFrom('item_images').selectAll().where('id', '=', imageId).executeTakeFirstOrThrow();
      return { result: toView(row), details: { image: { id: imageId, position: row.position }, order } };
    });
  }

  async remove(actor: Actor, itemId: string, imageId: string): Promise<void> {
    const key = await this.change(actor, itemId, 'image_removed', async (trx) => {
      const row = await trx.deleteFrom('item_images').where('id', '=', imageId).where('item_id', '=', itemId)
        .returning(['storage_key', 'position', 'caption']).executeTakeFirst();
      if (!row) throw errors.notFound('Image');
      return { result: row.storage_key, details: { image: { id: imageId, position: row.position, caption: row.caption } } };
    });
    await this.store.remove(key);
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
      const row = await this.change(actor, itemId, 'image_added', async (trx) => {
        const inserted = await this.insertAtFreePosition(trx, { id, itemId, ...decoded, bytes: received.bytes, sha256: received.sha256, caption, actor });
        return { result: inserted, details: { image: { id, position: inserted.position, caption } } };
      });
      await target.commit();
      const image = toView(row);
      return { ...image, checks: checkPhoto(image, this.limits.maxBytes) };
    } catch (error) {
      await target.discard();
      file.resume();
      throw error;
    }
  }

  private async insertAtFreePosition(trx: Kysely<Database>, input: {
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
    // The item's row is locked: no other photo change runs meanwhile.
    const taken = new Set((await trx.selectFrom('item_images').select('position').where('item_id', '=', input.itemId).execute()).map((r) => r.position));
    const position = [1, 2, 3].find((p) => !taken.has(p));
    if (position === undefined) throw tooManyImages();
    return trx
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

/** Why the machine does not let this actor change the photos now. */
function photoRefusal(refusal: Refusal, state: string): AppError {
  if (refusal.kind === 'forbidden') return errors.forbidden('只有本单位撰稿人可以修改图片');
  return errors.invalidTransition('只有草稿可以修改图片', { state });
}
