import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError, errors } from '../errors.ts';

/**
 * The one file part of a multipart request. The parser's own errors for a malformed body (no
 * boundary, cut-off data) carry no status: they are the caller's mistake, so they become 400.
 */
export async function singleFile(request: FastifyRequest, limits?: { fileSize?: number }): Promise<MultipartFile> {
  if (!request.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data');
  let part: MultipartFile | undefined;
  try {
    part = await request.file(limits ? { limits: { ...limits, files: 1 } } : undefined);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode) throw error;
    throw errors.validation(`The multipart body is malformed: ${(error as Error).message}`);
  }
  if (!part) throw errors.validation('No file in the request', [{ path: 'body.file', message: 'required' }]);
  return part;
}
