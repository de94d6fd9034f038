import fc from 'fast-check';
import { formatIp, parseIp } from './ip-address';
import { checkOutboundAddress, checkOutboundUrl, parseAllowList } from './outbound-policy';

const refused = (address: string, port = 80, allow = '') => {
  const verdict = checkOutboundAddress(address, port, parseAllowList(allow));
  return verdict.ok ? null : verdict.reason;
};

describe('outbound requests reach the public Internet only', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.7', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.10.1', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fd00:ec2::254', 'unique local'],
    ['fc12::1', 'unique local'],
    ['fe80::1%eth0', 'link-local'],
    ['::ffff:127.0.0.1', 'loopback (IPv4 inside IPv6)'],
    ['::ffff:7f00:1', 'loopback (IPv4 inside IPv6)'],
    ['::ffff:169.254.169.254', 'cloud metadata (IPv4 inside IPv6)'],
    ['64:ff9b::10.0.0.1', 'private (IPv4 inside IPv6)'],
    ['2002:c0a8:0101::1', 'private (IPv4 inside IPv6)'],
    ['2001:db8::1', 'documentation'],
    ['ff02::1', 'multicast'],
  ])('refuses %s (%s)', (address, why) => {
    expect(refused(address)).toContain(why);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2a01:cb00::1', '::ffff:93.184.215.14', '2002:5db8:d70e::1'])('accepts the public address %s', (address) => {
    expect(refused(address)).toBeNull();
  });

  it('lets an allow-listed address through, on its port only when the entry names one', () => {
    expect(refused('127.0.0.1', 8080, '127.0.0.1:8080')).toBeNull();
    expect(refused('127.0.0.1', 5432, '127.0.0.1:8080')).toContain('loopback');
    expect(refused('10.9.8.7', 443, '10.0.0.0/8')).toBeNull();
    expect(refused('::1', 8080, '[::1]:8080')).toBeNull();
    expect(() => parseAllowList('localhost')).toThrow(/OUTBOUND_ALLOW/);
  });

  it('fetches http and https URLs without credentials only', () => {
    expect(checkOutboundUrl(new URL('https://agenda.example.org/a.ics'))).toEqual({ ok: true });
    for (const url of ['file:///etc/passwd', 'ftp://example.org/a.ics', 'gopher://example.org/', 'http://u:p@example.org/']) {
      expect(checkOutboundUrl(new URL(url)).ok).toBe(false);
    }
  });

  it('judges an IPv4 address and its IPv4-mapped IPv6 form alike (property)', () => {
    const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((p) => p.join('.'));
    fc.assert(
      fc.property(v4, (address) => {
        expect(refused(`::ffff:${address}`) === null).toBe(refused(address) === null);
        expect(formatIp(parseIp(address)!)).toBe(address);
      }),
    );
  });
});
