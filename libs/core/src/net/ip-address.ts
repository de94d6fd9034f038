/**
 * IP addresses as numbers, and which ones a server of the platform may connect to on a user's behalf
 * (host-block imports, adapters' HTTP calls). Pure: the API's safe fetcher resolves the name itself,
 * asks `classifyAddress` about every address, then connects to the address it checked.
 */
export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  /** 32 bits (IPv4) or 128 bits (IPv6). */
  value: bigint;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function parseIpv4(text: string): IpAddress | undefined {
  const m = V4.exec(text);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255) || m.slice(1).some((p) => p.length > 1 && p.startsWith('0'))) return undefined;
  return { family: 4, value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
}

export function parseIpv6(input: string): IpAddress | undefined {
  let text = input.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) text = text.slice(0, zone);
  if (!/^[0-9a-f:.]+$/.test(text) || text.split('::').length > 2) return undefined;
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two hextets.
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    if (!v4 || lastColon < 0) return undefined;
    text = `${text.slice(0, lastColon + 1)}${(v4.value >> 16n).toString(16)}:${(v4.value & 0xffffn).toString(16)}`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const groups = (s: string) => (s === '' ? [] : s.split(':'));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...right];
  if (all.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return { family: 6, value: all.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

/** An IPv4 or IPv6 literal (brackets accepted), or undefined. */
export function parseIp(text: string): IpAddress | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return parseIpv4(bare) ?? parseIpv6(bare);
}

export interface Cidr {
  family: IpFamily;
  network: bigint;
  prefix: number;
}

const bits = (family: IpFamily) => (family === 4 ? 32 : 128);

export function cidr(text: string): Cidr {
  const [addr, prefixText] = text.split('/');
  const ip = parseIp(addr);
  if (!ip) throw new Error(`not an IP address: ${text}`);
  const prefix = prefixText === undefined ? bits(ip.family) : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits(ip.family)) throw new Error(`bad prefix length: ${text}`);
  return { family: ip.family, network: ip.value >> BigInt(bits(ip.family) - prefix), prefix };
}

export const inCidr = (ip: IpAddress, range: Cidr): boolean =>
  ip.family === range.family && ip.value >> BigInt(bits(ip.family) - range.prefix) === range.network;

/** Why an address is not one of the public Internet (the first range that holds it), or null when it is. */
const V4_REFUSED: readonly (readonly [string, string])[] = [
  ['0.0.0.0/8', 'this network'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.169.254/32', 'cloud metadata'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', '6to4 relay'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];
const V4_RANGES = V4_REFUSED.map(([range, why]) => ({ range: cidr(range), why }));

const V6_RANGES = (
  [
    ['::/128', 'unspecified'],
    ['::1/128', 'loopback'],
    ['64:ff9b:1::/48', 'local NAT64'],
    ['100::/64', 'discard'],
    ['2001::/32', 'Teredo'],
    ['2001::/23', 'IETF protocol assignments'],
    ['2001:db8::/32', 'documentation'],
    ['fc00::/7', 'unique local (ULA)'],
    ['fe80::/10', 'link-local'],
    ['fec0::/10', 'site-local'],
    ['ff00::/8', 'multicast'],
  ] as const
).map(([range, why]) => ({ range: cidr(range), why }));
const GLOBAL_UNICAST = cidr('2000::/3');
/** IPv6 forms that carry an IPv4 address: judged by that address. */
const EMBEDDING: { range: Cidr; v4: (value: bigint) => bigint }[] = [
  { range: cidr('::ffff:0:0/96'), v4: (v) => v & 0xffffffffn }, // IPv4-mapped
  { range: cidr('::/96'), v4: (v) => v & 0xffffffffn }, // IPv4-compatible (deprecated)
  { range: cidr('64:ff9b::/96'), v4: (v) => v & 0xffffffffn }, // NAT64
  { range: cidr('2002::/16'), v4: (v) => (v >> 80n) & 0xffffffffn }, // 6to4
];

export function refusedBecause(ip: IpAddress): string | null {
  if (ip.family === 4) return V4_RANGES.find((r) => inCidr(ip, r.range))?.why ?? null;
  if (ip.value === 0n) return 'unspecified';
  if (ip.value === 1n) return 'loopback';
  for (const e of EMBEDDING) {
    if (inCidr(ip, e.range)) {
      const why = refusedBecause({ family: 4, value: e.v4(ip.value) });
      return why ? `${why} (IPv4 inside IPv6)` : null;
    }
  }
  const why = V6_RANGES.find((r) => inCidr(ip, r.range))?.why;
  if (why) return why;
  return inCidr(ip, GLOBAL_UNICAST) ? null : 'not global unicast';
}

/** Prints an address as the usual literal (IPv6 uncompressed, lower case): for messages and allow-lists. */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((s) => ((ip.value >> s) & 0xffn).toString()).join('.');
  return Array.from({ length: 8 }, (_, i) => ((ip.value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(':');
}
