import { describe, expect, it } from 'vitest';
import { AddressGuard, AddressRefused } from '../../src/webhooks/address-guard.ts';

describe('the webhook address guard', () => {
  const guard = new AddressGuard('');

  it.each([
    ['127.0.0.1', '环回地址'],
    ['127.255.0.9', '环回地址'],
    ['::1', '环回地址'],
    ['::ffff:127.0.0.1', '环回地址'],
    ['0.0.0.0', '未指定地址'],
    ['::', '未指定地址'],
    ['169.254.169.254', '链路本地地址'],
    ['::ffff:169.254.169.254', '链路本地地址'],
    ['fe80::1', '链路本地地址'],
    ['10.1.2.3', '内网地址'],
    ['172.16.0.1', '内网地址'],
    ['172.31.255.255', '内网地址'],
    ['192.168.1.1', '内网地址'],
    ['::ffff:192.168.1.1', '内网地址'],
    ['100.64.0.1', '内网地址'],
    ['100.127.255.254', '内网地址'],
    ['fd00::1', '内网地址'],
    ['fc00::1', '内网地址'],
    ['224.0.0.1', '组播地址'],
    ['ff02::1', '组播地址'],
    ['255.255.255.255', '保留或广播地址'],
    ['::7f00:1', '保留或广播地址'],
  ])('refuses %s as %s', (address, reason) => {
    expect(guard.refusalOf(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '11.0.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('lets public %s through', (address) => {
    expect(guard.refusalOf(address)).toBeNull();
  });

  it('lets the allow-list open IPs, CIDRs and host names, and nothing else', async () => {
    const allowing = new AddressGuard(' 127.0.0.1, ::1, 10.20.0.0/16 ,fd00::/8, Hooks.Internal ');
    expect(allowing.refusalOf('127.0.0.1')).toBeNull();
    expect(allowing.refusalOf('127.0.0.2')).toBe('环回地址');
    expect(allowing.refusalOf('10.20.3.4')).toBeNull();
    expect(allowing.refusalOf('10.21.0.1')).toBe('内网地址');
    expect(allowing.refusalOf('fd12::1')).toBeNull();
    expect(() => allowing.checkLiteral('hooks.internal')).not.toThrow();
    expect(() => allowing.checkLiteral('192.168.0.1')).toThrow(AddressRefused);
    // localhost is not allowed by name here, but it resolves to allowed addresses only…
    expect((await allowing.resolve('localhost')).map((a) => a.address)).toContain('127.0.0.1');
    // …and a guard without the allow-list refuses it after DNS, unless the name itself is allowed.
    await expect(guard.resolve('localhost')).rejects.toThrow(/localhost（解析为 (127\.0\.0\.1|::1)）是环回地址/);
    expect((await new AddressGuard('localhost').resolve('localhost')).length).toBeGreaterThan(0);
  });

  it.each(['10.0.0.0/33', '::/129', '10.0.0.1/8/2', 'http://x', 'a b'])('refuses to start with a malformed allow-list entry %s', (entry) => {
    expect(() => new AddressGuard(entry)).toThrow(/WEBHOOK_ALLOW_HOSTS/);
  });

  it('refuses literal internal hosts at registration without looking them up', () => {
    for (const host of ['127.0.0.1', '[::1]', '[::ffff:7f00:1]', 'localhost', 'api.localhost', '169.254.169.254']) {
      expect(() => guard.checkLiteral(host), host).toThrow(AddressRefused);
    }
    for (const host of ['hooks.example.com', '8.8.8.8', '[2606:4700:4700::1111]']) {
      expect(() => guard.checkLiteral(host), host).not.toThrow();
    }
  });
});
