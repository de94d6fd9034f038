import { type Cidr, cidr, formatIp, inCidr, type IpAddress, parseIp, refusedBecause } from './ip-address';

/**
 * What the platform may fetch on a user's behalf: http(s) only, and only public addresses after DNS
 * resolution, unless an address (optionally one port of it) is on the operator's allow-list
 * (OUTBOUND_ALLOW, empty by default: e.g. `127.0.0.1:8080` for a local calendar server, or the
 * project's own test servers).
 */
export interface AllowEntry {
  range: Cidr;
  /** Only this port when set. */
  port?: number;
  text: string;
}

/** `127.0.0.1`, `127.0.0.1:8080`, `10.0.0.0/8`, `[::1]`, `[::1]:8080`, `[fd00::]/8`, comma- or space-separated. */
export function parseAllowList(text: string | undefined): AllowEntry[] {
  if (!text?.trim()) return [];
  return text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      const m = /^(?:\[([0-9a-fA-F:.]+)\]|(\d+\.\d+\.\d+\.\d+))(?:\/(\d{1,3}))?(?::(\d{1,5}))?$/.exec(entry);
      if (!m) throw new Error(`OUTBOUND_ALLOW: cannot read "${entry}" (e.g. 127.0.0.1:8080, 10.0.0.0/8, [::1]:8080)`);
      const port = m[4] === undefined ? undefined : Number(m[4]);
      if (port !== undefined && (port < 1 || port > 65535)) throw new Error(`OUTBOUND_ALLOW: bad port in "${entry}"`);
      return { range: cidr(`${m[1] ?? m[2]}${m[3] ? `/${m[3]}` : ''}`), port, text: entry };
    });
}

export type OutboundVerdict = { ok: true } | { ok: false; reason: string };

/** May the platform connect to `address`:`port`? Public addresses yes; others only when allow-listed. */
export function checkOutboundAddress(address: string | IpAddress, port: number, allow: readonly AllowEntry[] = []): OutboundVerdict {
  const ip = typeof address === 'string' ? parseIp(address) : address;
  if (!ip) return { ok: false, reason: `not an IP address: ${String(address)}` };
  if (allow.some((a) => inCidr(ip, a.range) && (a.port === undefined || a.port === port))) return { ok: true };
  const why = refusedBecause(ip);
  return why ? { ok: false, reason: `${formatIp(ip)} is ${why}` } : { ok: true };
}

/** Only http: and https: URLs, without credentials in them. */
export function checkOutboundUrl(url: URL): OutboundVerdict {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `only http and https are fetched, not ${url.protocol}` };
  if (url.username || url.password) return { ok: false, reason: 'credentials in the URL are not accepted' };
  return { ok: true };
}
