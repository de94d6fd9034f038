import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@maillage/core';

/**
 * Survey links: `/enquete/<token>`, one per respondent of a reservation (its organiser, or a guest
 * by the participant id of their join link). The token is `<payload>.<mac>` (base64url), an
 * HMAC-SHA256 with a key derived (HKDF) from MAILLAGE_SECRET_KEY for this purpose only. Nothing is
 * stored: the same reservation and respondent always give the same link (an e-mail sent twice, a
 * record rebuilt), and the answer table's unique key makes the link work once.
 */
export type Respondent = 'organiser' | `guest:${string}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PART = /^[A-Za-z0-9_-]{1,400}$/;

export const surveyTokenKey = (secretKey: string): Buffer => Buffer.from(hkdfSync('sha256', secretKey, 'maillage', 'survey-link/v1', 32));

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest();

export function signSurveyToken(key: Buffer, reservationId: string, respondent: Respondent): string {
  const payload = Buffer.from(`${reservationId}|${respondent}`).toString('base64url');
  return `${payload}.${mac(key, payload).toString('base64url')}`;
}

const invalid = () => new DomainError('NOT_FOUND', 'Unknown or altered survey link', { messageFr: 'Lien d’enquête inconnu ou altéré' });

export function readSurveyToken(key: Buffer, token: string): { reservationId: string; respondent: Respondent } {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 2 || !parts.every((p) => PART.test(p))) throw invalid();
  const expected = mac(key, parts[0]);
  const given = Buffer.from(parts[1], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  const [reservationId, respondent] = Buffer.from(parts[0], 'base64url').toString('utf8').split('|');
  if (!UUID.test(reservationId ?? '') || !(respondent === 'organiser' || /^guest:[0-9a-f-]{36}$/i.test(respondent ?? ''))) throw invalid();
  return { reservationId, respondent: respondent as Respondent };
}

export const SURVEY_PATH = '/enquete/';
