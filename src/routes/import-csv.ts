import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { appError, errors, type AppError } from '../errors.ts';
import type { ImportError } from '../services/historical-import.ts';
import { malformedUpload } from './multipart-file.ts';

/**
 * A CSV file read as it arrives: one object per record after the header, handed on one by one so
 * that memory holds a chunk of the file, never all of it. A file that cannot be read from its
 * first record on is refused as a whole (400; 413 past the limit). One that breaks off later has
 * had its earlier rows imported already: reading stops there, and `stoppedAt()` gives the row
 * entry that says so, at the index of the first record not read.
 */
export function csvRows(input: Readable, limitBytes: number): { rows: AsyncIterable<unknown>; stoppedAt(): ImportError | undefined } {
  let stop: ImportError | undefined;
  async function* read() {
    // The parser hands each record over as it completes it (and keeps none itself), so that the
    // records before an error in the same chunk still count: the index of a break is exact.
    const parsed: unknown[] = [];
    const parser = parse({
      columns: true, skip_empty_lines: true, trim: true, bom: true,
      on_record: (record) => {
        parsed.push(record);
        return null;
      },
    });
    // Its errors come back through the write callbacks below.
    parser.on('error', () => {});
    parser.resume();
    let index = 0;
    let bytes = 0;
    try {
      // One chunk at a time: the next is read only when the rows of this one are through.
      for await (const chunk of input) {
        bytes += (chunk as Buffer).length;
        if (bytes > limitBytes) throw tooLarge(limitBytes);
        const failed = await settled((done) => parser.write(chunk, done));
        for (const record of parsed.splice(0)) {
          yield record;
          index += 1;
        }
        if (failed) throw failed;
      }
      const failed = await settled((done) => parser.end(done));
      for (const record of parsed.splice(0)) {
        yield record;
        index += 1;
      }
      if (failed) throw failed;
    } catch (error) {
      if (index === 0) throw refusal(error as ReadError, limitBytes);
      stop = stopRow(index, error as ReadError, limitBytes);
    }
  }
  return { rows: read(), stoppedAt: () => stop };
}

/** Runs a stream call with a completion callback; resolves with its error, if any. */
function settled(call: (done: (error?: Error | null) => void) => void): Promise<Error | undefined> {
  return new Promise((resolve) => call((error) => resolve(error ?? undefined)));
}

/** Whether a request declares a body over the limit: then it is refused before a byte is read. */
export function declaredOverLimit(contentLength: string | undefined, limitBytes: number): AppError | undefined {
  // A multipart body holds the file and a few hundred bytes of headers and boundaries.
  return Number(contentLength ?? 0) > limitBytes + 64 * 1024 ? tooLarge(limitBytes) : undefined;
}

type ReadError = Error & { code?: string; statusCode?: number };

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const tooLarge = (limitBytes: number) => appError('payload_too_large', { limit: megabytes(limitBytes) });
const isCsvError = (error: ReadError) => typeof error.code === 'string' && error.code.startsWith('CSV_');

function refusal(error: ReadError, limitBytes: number): Error {
  if (isCsvError(error)) {
    return errors.validation({ zh: 'CSV 无法读取，请检查格式', en: 'The CSV cannot be read' }, { reason: error.message });
  }
  if (error.statusCode === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(limitBytes);
  return error.statusCode ? error : malformedUpload(error);
}

function stopRow(index: number, error: ReadError, limitBytes: number): ImportError {
  const rest = `第 ${index} 条记录（从 0 数起）及其后的记录均未导入；之前的记录已导入，修正后可重新导入整个文件，已导入的不会重复`;
  if (isCsvError(error)) {
    return { index, code: 'csv_unreadable', message: `CSV 从此处起无法读取（${error.message}）：${rest}` };
  }
  if (error.statusCode === 413) {
    return { index, code: 'file_too_large', message: `文件超过 ${megabytes(limitBytes)} 的上限：${rest}` };
  }
  return { index, code: 'upload_incomplete', message: `上传在此处中断：${rest}` };
}
