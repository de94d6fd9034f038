import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { DomainError } from '@maillage/core';

/**
 * The link of a booking-confirmation e-mail: `<holdId>.<expires, epoch s>.<mac>`, the MAC an
 * HMAC-SHA256 with a key derived (HKDF) from MAILLAGE_SECRET_KEY for this purpose only. Signed, so a
 * link cannot be made up; single use because confirming moves the hold's reservations out of HELD
 * (a second click finds nothing held: CONFLICT). Nothing but the hold id is stored.
 */
export class HoldTokens {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    this.key = Buffer.from(hkdfSync('sha256', secretKey, 'maillage', 'booking-hold-confirmation/v1', 32));
  }

  sign(holdId: string, expiresAt: Date): string {
    const body = `${holdId}.${Math.ceil(expiresAt.getTime() / 1000)}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The hold id of a genuine, unexpired link; UNAUTHENTICATED otherwise (a tampered, malformed or expired link). */
  verify(token: string, now = Date.now()): string {
    const m = /^([0-9a-f-]{36})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token.trim());
    const bad = (why: string) => new DomainError('UNAUTHENTICATED', `Confirmation link ${why}`, { messageFr: why === 'expired' ? 'Ce lien de confirmation a expiré : le créneau a été libéré' : 'Ce lien de confirmation n’est pas valide' });
    if (!m) throw bad('malformed');
    const expected = Buffer.from(this.mac(`${m[1]}.${m[2]}`));
    const given = Buffer.from(m[3]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw bad('not genuine');
    if (Number(m[2]) * 1000 < now) throw bad('expired');
    return m[1];
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
