import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { type AllowEntry, checkOutboundAddress, checkOutboundUrl } from '@maillage/core';

/**
 * The one way the platform fetches a URL given by a user (host-block calendars, adapters' HTTP calls):
 * http(s) only; the name is resolved here and every address it resolves to is checked
 * (`checkOutboundAddress`: no loopback, private, link-local, CGNAT, metadata, ULA or IPv4-in-IPv6 forms
 * of those) before connecting *to the checked address* (the socket's lookup is this function's, so no
 * second resolution can swap the address: no TOCTOU); redirects are followed by hand, each hop checked
 * again, at most `maxRedirects`; the body is read with a byte limit and the whole exchange with a time
 * limit, both enforced while streaming. ADR 0011.
 */
export interface SafeFetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, redirects included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface SafeFetchResponse {
  status: number;
  headers: Record<string, string>;
  /** The final URL, after redirects. */
  url: string;
  body: Buffer;
}

/** Why a fetch did not happen or did not finish. `refused`: the policy said no before any connection. */
export class OutboundError extends Error {
  constructor(
    readonly kind: 'refused' | 'too-large' | 'timeout' | 'network' | 'too-many-redirects',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

export interface SafeFetcherSettings {
  /** OUTBOUND_ALLOW: addresses (and ports) allowed although not public. Empty by default. */
  allow: readonly AllowEntry[];
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

export const DEFAULT_OUTBOUND: Omit<SafeFetcherSettings, 'allow'> = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 5 };

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

const defaultPort = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80));

export class SafeFetcher {
  constructor(private readonly settings: SafeFetcherSettings) {}

  /** Throws OutboundError('refused') when the URL may not be fetched; nothing is sent then. */
  assertAllowedUrl(url: URL): void {
    const scheme = checkOutboundUrl(url);
    if (!scheme.ok) throw new OutboundError('refused', scheme.reason, { url: url.toString() });
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host)) {
      const verdict = checkOutboundAddress(host, defaultPort(url), this.settings.allow);
      if (!verdict.ok) throw new OutboundError('refused', verdict.reason, { url: url.toString() });
    }
  }

  async fetch(raw: string | URL, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
    const timeoutMs = Math.min(options.timeoutMs ?? this.settings.timeoutMs, this.settings.timeoutMs);
    const maxBytes = options.maxBytes ?? this.settings.maxBytes;
    const maxRedirects = options.maxRedirects ?? this.settings.maxRedirects;
    const deadline = AbortSignal.timeout(timeoutMs);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OutboundError('refused', 'not a valid URL');
    }
    let method = (options.method ?? 'GET').toUpperCase();
    let body = options.body;
    for (let hop = 0; ; hop++) {
      this.assertAllowedUrl(url);
      const res = await this.once(url, method, options.headers ?? {}, body, deadline, timeoutMs);
      const location = res.headers.location;
      if (res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && location) {
        res.resume();
        if (hop >= maxRedirects) throw new OutboundError('too-many-redirects', `more than ${maxRedirects} redirects`, { maxRedirects });
        url = new URL(String(location), url);
        // 303 (and 301/302 after a POST, as browsers do) continue with GET and no body.
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      return { status: res.statusCode ?? 0, headers: flatHeaders(res), url: url.toString(), body: await readLimited(res, maxBytes, deadline, timeoutMs) };
    }
  }

  /** The socket's name resolution: every address must pass the policy; the connection goes to the one checked. */
  private lookup(port: number) {
    return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
      dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
        if (error) return callback(error, '');
        const list = addresses as LookupAddress[];
        for (const a of list) {
          const verdict = checkOutboundAddress(a.address, port, this.settings.allow);
          if (!verdict.ok) return callback(new OutboundError('refused', `${hostname} resolves to ${verdict.reason}`, { host: hostname }) as NodeJS.ErrnoException, '');
        }
        if (!list.length) return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '');
        if (options.all) callback(null, list);
        else callback(null, list[0].address, list[0].family);
      });
    };
  }

  private once(url: URL, method: string, headers: Record<string, string>, body: string | undefined, signal: AbortSignal, timeoutMs: number): Promise<IncomingMessage> {
    const port = defaultPort(url);
    const requestOptions: RequestOptions = {
      method,
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port,
      path: `${url.pathname}${url.search}`,
      headers: { 'user-agent': 'Maillage', ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      lookup: this.lookup(port) as RequestOptions['lookup'],
      signal,
      // A fresh connection per request: a pooled socket would skip the check of this hop's address.
      agent: false,
    };
    return new Promise((resolve, reject) => {
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(requestOptions, resolve);
      req.on('error', (error) => reject(asOutboundError(error, signal, timeoutMs)));
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
}

function asOutboundError(error: unknown, signal: AbortSignal, timeoutMs: number): OutboundError {
  if (error instanceof OutboundError) return error;
  if (signal.aborted) return new OutboundError('timeout', `timed out after ${timeoutMs} ms`, { timeoutMs });
  return new OutboundError('network', error instanceof Error ? error.message : String(error));
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(res.headers)) if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** The body, at most `maxBytes` (declared or streamed), within the deadline. */
function readLimited(res: IncomingMessage, maxBytes: number, signal: AbortSignal, timeoutMs: number): Promise<Buffer> {
  const declared = Number(res.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    return Promise.reject(new OutboundError('too-large', `the answer is larger than ${maxBytes} bytes`, { maxBytes }));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const fail = (error: OutboundError) => {
      if (settled) return;
      settled = true;
      reject(error);
      res.destroy();
    };
    res.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > maxBytes) fail(new OutboundError('too-large', `the answer is larger than ${maxBytes} bytes`, { maxBytes }));
      else chunks.push(chunk);
    });
    res.on('end', () => {
      if (!settled) resolve(Buffer.concat(chunks));
      settled = true;
    });
    res.on('error', (error) => fail(asOutboundError(error, signal, timeoutMs)));
    res.on('aborted', () => fail(asOutboundError(new Error('the server closed the connection'), signal, timeoutMs)));
  });
}
