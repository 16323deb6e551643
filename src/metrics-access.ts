import { BlockList, isIPv4, isIPv6 } from 'node:net';
import { sameSecret } from './auth/tokens.ts';
import { AppError } from './errors.ts';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.replace(/^::ffff:/i, '');
  if (isIPv4(v4)) return loopback.check(v4, 'ipv4');
  return isIPv6(address) && loopback.check(address, 'ipv6');
}

export interface MetricsRequest {
  /** The TCP peer (not a forwarded address). */
  remoteAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Who may read /metrics (API and worker): with METRICS_TOKEN set, whoever sends it as a bearer
 * token; without it, clients on this machine only. A request that came through a proxy
 * (`Forwarded`, `X-Forwarded-For`) is not local, even when the proxy runs on this machine.
 * Returns the error to answer with, or null to serve the metrics.
 */
export function metricsRefusal(token: string | undefined, request: MetricsRequest): AppError | null {
  if (token) {
    const match = /^Bearer\s+(\S+)$/i.exec(String(request.headers.authorization ?? ''));
    return match && sameSecret(match[1], token) ? null : new AppError(401, 'unauthenticated', {
          zh: '读取监控指标需要有效的指标令牌（METRICS_TOKEN）',
          en: 'Reading the metrics needs the metrics token (METRICS_TOKEN)',
        });
  }
  const proxied = request.headers.forwarded !== undefined || request.headers['x-forwarded-for'] !== undefined;
  return isLoopback(request.remoteAddress) && !proxied
    ? null
    : new AppError(403, 'forbidden', {
        zh: '监控指标仅对本机开放；如需远程采集，请设置 METRICS_TOKEN',
        en: 'The metrics are served to this machine only; set METRICS_TOKEN to scrape them remotely',
      });
}
