import { createHmac } from 'node:crypto';
import { SignallingError } from '@maillage/media';
import { joinTokenKey, readJoinToken, signJoinToken, verifyJoinToken, type JoinClaims } from './join-token';
import { JoinTokens } from './join-tokens';

const KEY = joinTokenKey('a-test-secret-key-of-at-least-32-characters');
const MEETING = '3f0c9a4e-6a0b-4c57-9d1e-2b8f5f2f1a10';
const OTHER = '9d1e2b8f-6a0b-4c57-9d1e-3f0c9a4e1a10';
const START = Date.parse('2026-03-12T13:00:00Z');
const END = Date.parse('2026-03-12T15:00:00Z');
const MINUTE = 60_000;

const claims: JoinClaims = { meetingId: MEETING, participantId: 'a1c2e3f4-0000-4000-8000-000000000001', name: 'Camille Martin', role: 'guest', notBefore: START - 10 * MINUTE, expires: END + 5 * MINUTE };
const token = signJoinToken(KEY, claims);

const codeOf = (work: () => unknown) => {
  try {
    work();
    return 'OK';
  } catch (error) {
    if (error instanceof SignallingError) return error.code;
    throw error;
  }
};

describe('a join token is accepted for its meeting within its window only', () => {
  it('fits the protocol’s token pattern and carries its claims', () => {
    expect(token).toMatch(/^[A-Za-z0-9_.-]{16,2048}$/);
    expect(readJoinToken(KEY, token)).toEqual(claims);
  });

  it.each([
    ['10 minutes before the start', 'OK', START - 10 * MINUTE],
    ['11 minutes before the start', 'NOT_OPEN', START - 11 * MINUTE],
    ['during the meeting', 'OK', START + 30 * MINUTE],
    ['in the grace period', 'OK', END + 4 * MINUTE],
    ['at end + grace', 'ENDED', END + 5 * MINUTE],
    ['the next day', 'ENDED', END + 24 * 60 * MINUTE],
  ])('%s: %s', (_label, expected, now) => {
    expect(codeOf(() => verifyJoinToken(KEY, token, { now, meetingId: MEETING }))).toBe(expected);
  });

  it('is FORBIDDEN for another meeting', () => {
    expect(codeOf(() => verifyJoinToken(KEY, token, { now: START, meetingId: OTHER }))).toBe('FORBIDDEN');
  });

  it('stays valid until a later closing time when the meeting was extended', () => {
    expect(codeOf(() => verifyJoinToken(KEY, token, { now: END + 20 * MINUTE, meetingId: MEETING, expiresNoEarlierThan: END + 35 * MINUTE }))).toBe('OK');
  });

  it.each([
    ['a changed payload character', token.replace(/^(.{5})(.)/, (_m, a: string, c: string) => a + (c === 'A' ? 'B' : 'A'))],
    ['a changed signature character', token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')],
    ['the signature of another token', `${token.split('.')[0]}.${signJoinToken(KEY, { ...claims, name: 'Autre' }).split('.')[1]}`],
    ['a token signed with another key', signJoinToken(joinTokenKey('another-secret-key-of-at-least-32-characters'), claims)],
    ['no signature', token.split('.')[0]],
    ['three parts', `${token}.x`],
    ['garbage', 'not-a-token-at-all-but-long-enough'],
    ['a signed payload that is not the expected shape', (() => {
      const payload = Buffer.from(JSON.stringify({ meetingId: MEETING })).toString('base64url');
      return `${payload}.${createHmac('sha256', KEY).update(payload).digest('base64url')}`;
    })()],
  ])('refuses %s as UNAUTHENTICATED', (_label, bad) => {
    expect(codeOf(() => verifyJoinToken(KEY, bad, { now: START, meetingId: MEETING }))).toBe('UNAUTHENTICATED');
    expect(codeOf(() => readJoinToken(KEY, bad))).toBe('UNAUTHENTICATED');
  });

  it('uses a key of its own: the platform secret itself does not sign tokens', () => {
    const raw = Buffer.from('a-test-secret-key-of-at-least-32-characters');
    expect(codeOf(() => readJoinToken(KEY, signJoinToken(raw, claims)))).toBe('UNAUTHENTICATED');
  });

  it('issues a token per participant, valid from T-10 to end + grace', () => {
    const tokens = new JoinTokens('a-test-secret-key-of-at-least-32-characters', 5);
    const a = tokens.issue({ id: MEETING, start: START, end: END }, { name: 'Salle de Lannion', role: 'room' });
    const b = tokens.issue({ id: MEETING, start: START, end: END }, { name: 'Salle de Lannion', role: 'room' });
    expect(a.claims.participantId).not.toBe(b.claims.participantId);
    expect(tokens.read(a.token)).toEqual(a.claims);
    expect(a.claims).toMatchObject({ notBefore: START - 10 * MINUTE, expires: END + 5 * MINUTE, role: 'room' });
  });
});
