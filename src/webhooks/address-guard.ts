import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/** One address a host name resolved to, as `dns.lookup` and `net.connect`'s `lookup` option give it. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Address ranges a webhook never reaches unless allowed, by the reason shown to the admin. */
const FORBIDDEN_RANGES: Array<{ reason: string; subnets: Array<[network: string, prefix: number]> }> = [
  { reason: '环回地址', subnets: [['127.0.0.0', 8], ['::1', 128]] },
  { reason: '未指定地址', subnets: [['0.0.0.0', 8], ['::', 128]] },
  { reason: '链路本地地址', subnets: [['169.254.0.0', 16], ['fe80::', 10]] },
  {
    reason: '内网地址',
    subnets: [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10], ['fc00::', 7], ['fec0::', 10]],
  },
  { reason: '组播地址', subnets: [['224.0.0.0', 4], ['ff00::', 8]] },
  // 240/4 holds the broadcast address 255.255.255.255; ::/96 the deprecated IPv4-compatible addresses.
  { reason: '保留或广播地址', subnets: [['240.0.0.0', 4], ['192.0.0.0', 24], ['198.18.0.0', 15], ['::', 96]] },
];

/** BlockList's name for an address's family. */
const typeOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

function blockListOf(subnets: Array<[string, number]>): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, typeOf(network));
  return list;
}

const FORBIDDEN = FORBIDDEN_RANGES.map(({ reason, subnets }) => ({ reason, list: blockListOf(subnets) }));

/** Names that resolve to loopback by definition (RFC 6761), refused before any lookup. */
const LOOPBACK_NAME = /(^|\.)localhost\.?$/i;

/** Why a webhook may not be delivered to an address or host; the message is for the admin. */
export class AddressRefused extends Error {
  readonly host: string;
  readonly address: string | null;
  constructor(host: string, address: string | null, reason: string) {
    const where = address && address !== host ? `${host}（解析为 ${address}）` : host;
    super(`${where}是${reason}：webhook 只发往公网地址，内部接收方须列入 WEBHOOK_ALLOW_HOSTS`);
    this.name = 'AddressRefused';
    this.host = host;
    this.address = address;
  }
}

/** `[::1]` as a URL's hostname gives it → `::1`. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Decides which addresses a webhook may reach: public addresses, and whatever the deployment
 * allows in WEBHOOK_ALLOW_HOSTS (host names matched exactly, IPs, CIDRs).
 */
export class AddressGuard {
  private readonly allowedNames = new Set<string>();
  private readonly allowedAddresses = new BlockList();

  /** `allowHosts`: comma-separated host names, IPs or CIDRs; a malformed entry throws at start. */
  constructor(allowHosts = '') {
    for (const entry of allowHosts.split(',').map((e) => e.trim()).filter(Boolean)) {
      const [network, prefix, extra] = entry.split('/');
      const family = isIP(network);
      if (family && prefix === undefined) {
        this.allowedAddresses.addAddress(network, typeOf(network));
      } else if (family && extra === undefined && /^\d+$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32)) {
        this.allowedAddresses.addSubnet(network, Number(prefix), typeOf(network));
      } else if (/^[a-z0-9.-]+$/i.test(entry)) {
        this.allowedNames.add(entry.toLowerCase().replace(/\.$/, ''));
      } else {
        throw new Error(`WEBHOOK_ALLOW_HOSTS: "${entry}" is not a host name, an IP address or a CIDR`);
      }
    }
  }

  /** The reason an address is refused, or null when a webhook may reach it. */
  refusalOf(address: string): string | null {
    if (!isIP(address)) return '无效地址';
    const type = typeOf(address);
    if (this.allowedAddresses.check(address, type)) return null;
    // BlockList matches IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) against the IPv4 ranges too.
    return FORBIDDEN.find(({ list }) => list.check(address, type))?.reason ?? null;
  }

  private isAllowedName(host: string): boolean {
    return this.allowedNames.has(host.toLowerCase().replace(/\.$/, ''));
  }

  /**
   * Checks what a URL's host says by itself, without DNS: an address literal in a forbidden range,
   * or a loopback name. Throws AddressRefused. For registration; delivery checks again after DNS.
   */
  checkLiteral(hostname: string): void {
    const host = bareHost(hostname);
    if (this.isAllowedName(host)) return;
    if (isIP(host)) {
      const reason = this.refusalOf(host);
      if (reason) throw new AddressRefused(host, null, reason);
    } else if (LOOPBACK_NAME.test(host) && this.refusalOf('127.0.0.1')) {
      throw new AddressRefused(host, null, '环回地址');
    }
  }

  /**
   * Resolves a host and checks every address it resolves to; throws AddressRefused if any is
   * forbidden. Connect to the returned addresses only, so a second lookup cannot rebind the name.
   */
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    const host = bareHost(hostname);
    const family = isIP(host);
    const addresses: ResolvedAddress[] = family
      ? [{ address: host, family: family as 4 | 6 }]
      : (await lookup(host, { all: true, order: 'verbatim' })).map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
    if (this.isAllowedName(host)) return addresses;
    for (const { address } of addresses) {
      const reason = this.refusalOf(address);
      if (reason) throw new AddressRefused(host, address, reason);
    }
    return addresses;
  }
}
