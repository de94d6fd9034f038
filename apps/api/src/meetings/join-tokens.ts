import { randomUUID } from 'node:crypto';
import type { ParticipantRole } from '@maillage/media';
import { type JoinClaims, joinTokenKey, readJoinToken, signJoinToken, verifyJoinToken } from './join-token';
import { meetingTimes } from './meeting-times';

/** Issues and checks join tokens with the platform's key (a Nest provider built from the config). */
export class JoinTokens {
  private readonly key: Buffer;

  constructor(
    secretKey: string,
    readonly graceMinutes: number,
  ) {
    this.key = joinTokenKey(secretKey);
  }

  /** A new participant's link to a meeting: valid from the bridge's opening to its closing. */
  issue(meeting: { id: string; start: Date | number; end: Date | number }, participant: { name: string; role: ParticipantRole }): { token: string; claims: JoinClaims } {
    const times = meetingTimes(meeting.start, meeting.end, this.graceMinutes);
    const claims: JoinClaims = { meetingId: meeting.id, participantId: randomUUID(), name: participant.name, role: participant.role, notBefore: times.opensAt, expires: times.closesAt };
    return { token: signJoinToken(this.key, claims), claims: { ...claims, notBefore: Math.floor(claims.notBefore / 1000) * 1000, expires: Math.ceil(claims.expires / 1000) * 1000 } };
  }

  read(token: string): JoinClaims {
    return readJoinToken(this.key, token);
  }

  verify(token: string, options: { now: number; meetingId?: string; expiresNoEarlierThan?: number }): JoinClaims {
    return verifyJoinToken(this.key, token, options);
  }
}
