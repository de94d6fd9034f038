import { Injectable } from '@nestjs/common';

const positive = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/**
 * When and how the pre-call tests run (environment, read once; tests change the instance):
 * PREFLIGHT_FIRST_MINUTES (30) and PREFLIGHT_SECOND_MINUTES (15) before the start, polled every
 * PREFLIGHT_POLL_MS (30 000), at most PREFLIGHT_CONCURRENCY (8) room systems tested at once per
 * process, PREFLIGHT_TEST_URI: the address a room system dials for its test call (unset: no test call).
 */
@Injectable()
export class PreflightSettings {
  firstLeadMinutes = positive(process.env.PREFLIGHT_FIRST_MINUTES, 30);
  secondLeadMinutes = positive(process.env.PREFLIGHT_SECOND_MINUTES, 15);
  pollMs = positive(process.env.PREFLIGHT_POLL_MS, 30_000);
  concurrency = Math.floor(positive(process.env.PREFLIGHT_CONCURRENCY, 8));
  testUri: string | null = process.env.PREFLIGHT_TEST_URI?.trim() || null;
  /** How long a test call may take to connect, ms. */
  callConnectMs = positive(process.env.PREFLIGHT_CALL_CONNECT_MS, 15_000);
  /** How long a SIP test call measures media both ways once connected (up to twice as long while one way has none), ms. */
  testCallMediaMs = positive(process.env.PREFLIGHT_TEST_CALL_MEDIA_MS, 2_000);
  /** The meeting's address room systems dial at T-10 (MEETING_SIP_URI_TEMPLATE, {reference} and {reservationId}); unset: they are only woken. */
  dialInUriTemplate: string | null = process.env.MEETING_SIP_URI_TEMPLATE?.trim() || null;
  /** A claimed run not finished within this is taken over by another instance, ms. */
  leaseMs = positive(process.env.PREFLIGHT_LEASE_MS, 5 * 60_000);
}
