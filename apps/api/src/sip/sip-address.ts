import type { ApiConfig } from '../config';

/** Nest token of `ApiConfig.sip` (DRACHTIO_URL, SIP_DOMAIN). */
export const SIP_SETTINGS = Symbol('SIP_SETTINGS');

/**
 * A meeting's SIP address for a reservation reference, `sip:<reference>@SIP_DOMAIN`, when this API
 * runs the SIP gateway (DRACHTIO_URL set); null without SIP. Shown in `meeting`, the join page, the
 * invitation e-mails and the .ics.
 */
export function meetingSipAddress(settings: ApiConfig['sip'], reference: string): string | null {
  return settings.drachtioUrl ? `sip:${encodeURIComponent(reference)}@${settings.domain}` : null;
}
