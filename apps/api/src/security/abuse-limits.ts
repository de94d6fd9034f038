import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { RateLimiter } from './rate-limiter';
import type { SecuritySettings } from './security-settings';
import { SECURITY_SETTINGS } from './tokens';

type AnonymousRule = 'quotePerIp' | 'joinLinkPerIp';

/** The limits of what visitors may do without an account (quote bursts, join links made with an access token), per client IP. */
@Injectable()
export class AbuseLimits {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(SECURITY_SETTINGS) private readonly settings: SecuritySettings,
  ) {}

  /** RATE_LIMITED (with Retry-After) when an anonymous caller from `ip` went over `rule`; signed-in callers and API keys (which have quotas) pass. */
  async anonymous(actor: Actor, rule: AnonymousRule, ip: string): Promise<void> {
    if (actor.kind !== 'anonymous') return;
    await this.limiter.enforce(this.settings.rules[rule], ip);
  }
}
