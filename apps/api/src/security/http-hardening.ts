import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import type { ApiKeyOrigins } from './api-key-origins';
import { PERSISTED_OPERATIONS } from './persisted-operations';
import type { SecuritySettings } from './security-settings';

/** The booking widget's pages: framed by the sites its API key allows (`/widget/…?cle=<API key>`). */
export const WIDGET_PATH = /^\/widget(\/|$)/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `trust proxy` as Express reads it: a hop count, true, or a list of addresses/names (loopback, 10.0.0.0/8…). */
export function trustProxyValue(text: string): boolean | number | string {
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

/** The web app's Content-Security-Policy: its own scripts and styles only; WebRTC media, the meetings' signalling and GraphQL on this host. */
export function contentSecurityPolicy(host: string, frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self' ws://${host} wss://${host}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/**
 * HTTP hardening of every answer (ADR 0010): the client's address behind a proxy only when TRUST_PROXY
 * says so; a body limit; security headers (CSP for the web app, HSTS when the request came over TLS,
 * no framing except the booking widget by its API key's origins, nosniff, no referrer: links carry tokens);
 * CORS on /graphql for the origins API keys allow; the web app's persisted operations (a request may
 * send only `extensions.persistedQuery.sha256Hash`; with GRAPHQL_ANONYMOUS_PERSISTED_ONLY=1 visitors
 * may send nothing else). Registered before Nest's routes and the web app.
 */
export function applyHttpHardening(app: NestExpressApplication, settings: SecuritySettings, deps: { origins: ApiKeyOrigins; db: DataSource }): void {
  if (settings.trustProxy) app.set('trust proxy', trustProxyValue(settings.trustProxy));
  app.useBodyParser('json', { limit: settings.bodyLimit });
  app.use(async (req: Request, res: Response, next: NextFunction) => {
    try {
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('referrer-policy', 'no-referrer');
      res.setHeader('cross-origin-opener-policy', 'same-origin');
      res.setHeader('permissions-policy', 'camera=(self), microphone=(self), geolocation=(), payment=()');
      if (req.secure) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
      const widget = WIDGET_PATH.test(req.path);
      const ancestors = widget ? await widgetAncestors(req, deps.db) : "'none'";
      if (ancestors === "'none'") res.setHeader('x-frame-options', 'DENY');
      res.setHeader('content-security-policy', contentSecurityPolicy(req.headers.host ?? 'localhost', ancestors));
      if (req.path === '/graphql' && (await cors(req, res, deps.origins))) return;
      if (req.path === '/graphql' && req.method === 'POST' && !persisted(req, res, settings)) return;
      next();
    } catch (error) {
      next(error);
    }
  });
}

/** `frame-ancestors` of a widget page: the allowed origins of the (unrevoked) API key named by `cle`, else none. */
async function widgetAncestors(req: Request, db: DataSource): Promise<string> {
  const key = typeof req.query.cle === 'string' ? req.query.cle : undefined;
  if (!key) return "'none'";
  const rows: { allowed_origins: string[] }[] = await db.query(`SELECT allowed_origins FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL`, [sha256(key)]);
  const origins = rows[0]?.allowed_origins ?? [];
  return origins.length ? origins.join(' ') : "'none'";
}

/** Answers a preflight (true: done) and adds CORS headers for an origin some API key allows; others get none. */
async function cors(req: Request, res: Response, origins: ApiKeyOrigins): Promise<boolean> {
  const origin = req.headers.origin;
  if (!origin) return false;
  const allowed = (await origins.all()).has(origin);
  if (allowed) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('vary', 'Origin');
  }
  if (req.method !== 'OPTIONS') return false;
  if (allowed) {
    res.setHeader('access-control-allow-methods', 'POST, GET, OPTIONS');
    res.setHeader('access-control-allow-headers', 'content-type, x-api-key, authorization');
    res.setHeader('access-control-max-age', '600');
  }
  res.status(204).end();
  return true;
}

/** Resolves a hash-only persisted operation; false when the request was refused (answered here). */
function persisted(req: Request, res: Response, settings: SecuritySettings): boolean {
  const body = req.body as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | unknown[] | undefined;
  if (!body || Array.isArray(body) || typeof body !== 'object') return true;
  const hash = body.extensions?.persistedQuery?.sha256Hash;
  if (typeof body.query !== 'string' && typeof hash === 'string') {
    const query = PERSISTED_OPERATIONS[hash];
    if (!query) return refuse(res, 'PERSISTED_QUERY_NOT_FOUND', 'Unknown persisted operation');
    body.query = query;
    delete body.extensions!.persistedQuery;
    return true;
  }
  const anonymous = !req.headers.authorization && !req.headers['x-api-key'];
  if (settings.anonymousPersistedOnly && anonymous && typeof body.query === 'string' && !PERSISTED_OPERATIONS[sha256(body.query)]) {
    return refuse(res, 'PERSISTED_QUERY_NOT_FOUND', 'Visitors may only run the web app’s operations here; sign in or use an API key for other queries');
  }
  // Apollo's automatic persisted queries would store any query a client sends: not offered.
  if (typeof hash === 'string') delete body.extensions!.persistedQuery;
  return true;
}

function refuse(res: Response, code: string, message: string): false {
  res.status(400).json({ errors: [{ message, extensions: { code } }] });
  return false;
}
