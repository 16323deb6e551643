import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { detail, errors } from '../errors.ts';
import { unsupportedMediaType } from '../error-handler.ts';

/**
 * The one file part of a multipart request. The parser's own errors for a malformed body (no
 * boundary, cut-off data) carry no status: they are the caller's mistake, so they become 400.
 */
export async function singleFile(request: FastifyRequest, limits?: { fileSize?: number }): Promise<MultipartFile> {
  if (!request.isMultipart()) throw unsupportedMediaType(request);
  let part: MultipartFile | undefined;
  try {
    part = await request.file(limits ? { limits: { ...limits, files: 1 } } : undefined);
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode) throw error;
    throw malformedUpload(error as Error);
  }
  if (!part) {
    throw errors.validation({ zh: '请求中没有文件', en: 'No file in the request' }, [detail('body.file', { zh: '必须提供', en: 'required' })]);
  }
  return part;
}

/** A multipart body that breaks off or is malformed: the parser's own words stay in details. */
export const malformedUpload = (error: Error) =>
  errors.validation({ zh: '上传的内容不完整或格式有误', en: 'The upload is incomplete or malformed' }, { reason: error.message });
