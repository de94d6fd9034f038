import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { type ParticipantRole, SignallingError } from '@maillage/media';

/**
 * Join tokens: a link to one meeting, for one participant, valid from 10 minutes before the start
 * until the end plus the grace period. `<payload>.<mac>`, both base64url: the payload is a compact
 * JSON array, the MAC an HMAC-SHA256 with a key derived (HKDF) from MAILLAGE_SECRET_KEY for this
 * purpose only, so a token cannot be forged from another use of the secret (adapter secrets, …).
 * Nothing is stored: the token is its own proof. A leaked link is valid for its window only.
 */
export interface JoinClaims {
  /** The reservation id, which is also the meeting id. */
  meetingId: string;
  participantId: string;
  name: string;
  role: ParticipantRole;
  /** Epoch ms: the token is refused before (NOT_OPEN) and after (ENDED). */
  notBefore: number;
  expires: number;
}

const VERSION = 1;
const ROLES: readonly ParticipantRole[] = ['host', 'room', 'guest'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PART = /^[A-Za-z0-9_-]+$/;
/** A join token is at most this long (the protocol accepts up to 2048). */
const MAX_TOKEN_LENGTH = 1024;
export const MAX_PARTICIPANT_NAME = 80;

/** The signing key of join tokens: HKDF-SHA256 of the platform secret, with its own purpose label. */
export function joinTokenKey(secretKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'maillage', 'meeting-join-token/v1', 32));
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest();

export function signJoinToken(key: Buffer, claims: JoinClaims): string {
  const payload = Buffer.from(
    JSON.stringify([VERSION, claims.meetingId, claims.participantId, claims.name, claims.role, Math.floor(claims.notBefore / 1000), Math.ceil(claims.expires / 1000)]),
  ).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

const unauthenticated = (why: string) => new SignallingError('UNAUTHENTICATED', `invalid join token: ${why}`);

/**
 * Checks the signature and the shape only (not the time window): what the join page needs to say
 * "not open yet" or "ended". Tampered or malformed → UNAUTHENTICATED.
 */
export function readJoinToken(key: Buffer, token: string): JoinClaims {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw unauthenticated('malformed');
  const parts = token.split('.');
  if (parts.length !== 2 || !parts.every((p) => PART.test(p))) throw unauthenticated('malformed');
  const [payload, signature] = parts;
  const expected = mac(key, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthenticated('bad signature');
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw unauthenticated('malformed payload');
  }
  if (!Array.isArray(fields) || fields.length !== 7 || fields[0] !== VERSION) throw unauthenticated('unknown version');
  const [, meetingId, participantId, name, role, nbf, exp] = fields as unknown[];
  if (
    typeof meetingId !== 'string' || !UUID.test(meetingId) ||
    typeof participantId !== 'string' || !UUID.test(participantId) ||
    typeof name !== 'string' || name.length === 0 || name.length > MAX_PARTICIPANT_NAME ||
    typeof role !== 'string' || !(ROLES as readonly string[]).includes(role) ||
    !Number.isSafeInteger(nbf) || !Number.isSafeInteger(exp)
  ) {
    throw unauthenticated('malformed claims');
  }
  return { meetingId, participantId, name, role: role as ParticipantRole, notBefore: (nbf as number) * 1000, expires: (exp as number) * 1000 };
}

/**
 * Full verification for joining: signature, meeting, window. `expiresNoEarlierThan` lets a meeting
 * extended after the link was issued keep its links valid until its new closing time.
 */
export function verifyJoinToken(key: Buffer, token: string, options: { now: number; meetingId?: string; expiresNoEarlierThan?: number }): JoinClaims {
  const claims = readJoinToken(key, token);
  if (options.meetingId !== undefined && options.meetingId !== claims.meetingId) throw new SignallingError('FORBIDDEN', 'this join link is for another meeting');
  if (options.now < claims.notBefore) throw new SignallingError('NOT_OPEN', `the meeting opens at ${new Date(claims.notBefore).toISOString()}`);
  const expires = Math.max(claims.expires, options.expiresNoEarlierThan ?? 0);
  if (options.now >= expires) throw new SignallingError('ENDED', 'this join link has expired: the meeting is over');
  return claims;
}
