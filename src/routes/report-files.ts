import type { FastifyReply } from 'fastify';
import { MIME, type ReportFile } from '../services/reports/bulletin-files.ts';

/** Sends a report file with its Chinese name (RFC 6266 filename*) and an ASCII fallback. */
export function sendFile(reply: FastifyReply, file: ReportFile) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .type(MIME[file.kind])
    .header('content-disposition', `attachment; filename="${ascii}.${file.kind}"; filename*=UTF-8''${encodeURIComponent(file.name)}.${file.kind}`)
    .send(file.body);
}
