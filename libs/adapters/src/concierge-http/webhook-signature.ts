/**
 * The status-webhook signature of the concierge contract (openapi.json, "Webhook signature"):
 * `X-Maillage-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`, keyed with the secret
 * shared at binding time. Used by the adapter to verify and by the vendor simulator to sign.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-Maillage-Timestamp';
export const SIGNATURE_HEADER = 'X-Maillage-Signature';
/** A webhook whose timestamp is further than this from our clock is refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export function computeSignature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** The headers a vendor sends with a webhook body. */
export function signWebhook(secret: string, rawBody: string, timestampSeconds: number): Record<string, string> {
  const timestamp = String(Math.floor(timestampSeconds));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: `v1=${computeSignature(secret, timestamp, rawBody)}` };
}

/**
 * True when one of the `v1=` signatures of the header matches. Compares digests in constant time
 * (both sides are 32 bytes once decoded, so the length check leaks nothing).
 */
export function verifySignature(secret: string, timestamp: string, rawBody: string, header: string): boolean {
  const expected = Buffer.from(computeSignature(secret, timestamp, rawBody), 'hex');
  let matched = false;
  for (const part of header.split(',')) {
    const [scheme, value] = part.trim().split('=', 2);
    if (scheme !== 'v1' || value === undefined || !/^[0-9a-fA-F]{64}$/.test(value)) continue;
    // No early exit: every candidate is compared.
    if (timingSafeEqual(expected, Buffer.from(value.toLowerCase(), 'hex'))) matched = true;
  }
  return matched;
}

/** Header lookup that ignores case, as HTTP does. */
export function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(',') : value;
  }
  return undefined;
}
