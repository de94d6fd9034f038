import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AbuseLimits } from './abuse-limits';
import { ApiKeyOrigins } from './api-key-origins';
import { PublicUrl } from './public-url';
import { RateLimiter } from './rate-limiter';
import { SafeFetcher } from './safe-fetch';
import type { SecuritySettings } from './security-settings';
import { SECURITY_SETTINGS } from './tokens';

/** Abuse limits, the safe outbound fetcher and the platform's public address, for every module (ADR 0010, 0009). */
@Global()
@Module({})
export class SecurityModule {
  static forRoot(settings: SecuritySettings, publicUrl: string | undefined): DynamicModule {
    return {
      module: SecurityModule,
      providers: [
        { provide: SECURITY_SETTINGS, useValue: settings },
        { provide: SafeFetcher, useValue: new SafeFetcher(settings.outbound) },
        { provide: PublicUrl, useValue: new PublicUrl(publicUrl) },
        RateLimiter,
        AbuseLimits,
        ApiKeyOrigins,
      ],
      exports: [SECURITY_SETTINGS, SafeFetcher, PublicUrl, RateLimiter, AbuseLimits, ApiKeyOrigins],
    };
  }
}
