import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * Where photo bytes live. Keys are ours (uuids), never a client's file name. A folder by default;
 * an object store can implement the same four calls.
 */
export interface ImageStore {
  /** A writable for a new object, committed with `commit` or thrown away with `discard`. */
  begin(key: string): Promise<{ stream: Writable; commit(): Promise<void>; discard(): Promise<void>; localPath: string }>;
  read(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}$/;

export class FolderImageStore implements ImageStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`bad storage key ${key}`);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async begin(key: string) {
    const final = this.pathOf(key);
    const temporary = `${final}.part`;
    await mkdir(path.dirname(final), { recursive: true });
    const stream = createWriteStream(temporary, { flags: 'wx' });
    const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
    return {
      stream,
      localPath: temporary,
      commit: async () => rename(temporary, final),
      // The file may still be opening: close the stream first, or the file appears after the removal.
      discard: async () => {
        stream.destroy();
        await closed;
        await rm(temporary, { force: true });
      },
    };
  }

  async read(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    await stat(file);
    return createReadStream(file);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
