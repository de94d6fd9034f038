/** The concierge-http contract as code: configuration, manifest, vendor operations, status mapping, vendor errors. */
import type { AdapterManifest, ConciergeCallStatus } from '@maillage/core';

/** Validated by the host against `configSchema` (secrets are read from `context.secrets`). */
export type ConciergeHttpConfig = {
  baseUrl: string;
  callbackUrl: string;
  timeoutMs?: number;
};

export const DEFAULT_TIMEOUT_MS = 10_000;
export const HEALTH_TIMEOUT_MS = 3_000;

export const conciergeHttpManifest: AdapterManifest = {
  id: 'concierge-http',
  kind: 'concierge',
  version: '1.0.0',
  displayName: 'Concierge vendor (generic HTTP contract)',
  capabilities: ['schedule-call', 'cancel-call', 'pre-call-test', 'tickets', 'webhooks'],
  configSchema: {
    type: 'object',
    properties: {
      baseUrl: { type: 'string', format: 'uri', title: 'Vendor API base URL', description: 'e.g. https://concierge.vendor.example/api/v1', minLength: 8, maxLength: 500 },
      callbackUrl: {
        type: 'string',
        format: 'uri',
        title: 'Status webhook URL',
        description: 'Maillage URL the vendor POSTs call statuses to (this binding’s webhook endpoint).',
        minLength: 8,
        maxLength: 500,
      },
      timeoutMs: { type: 'integer', title: 'Request time-out (ms)', minimum: 500, maximum: 60_000, default: DEFAULT_TIMEOUT_MS },
      apiKey: { type: 'string', title: 'Vendor API key', description: 'Sent as a bearer token.', minLength: 8, maxLength: 500, secret: true },
      webhookSecret: { type: 'string', title: 'Webhook signing secret', description: 'Shared with the vendor; at least 32 characters.', minLength: 32, maxLength: 500, secret: true },
    },
    required: ['baseUrl', 'callbackUrl', 'apiKey', 'webhookSecret'],
    additionalProperties: false,
  },
  subscribes: ['reservation.confirmed', 'reservation.cancelled', 'reservation.rejected'],
};

/** The vendor operations this adapter calls; the spec checks each is in openapi.json. */
export const CONCIERGE_VENDOR_OPERATIONS = [
  { operationId: 'scheduleCall', method: 'POST', path: '/calls' },
  { operationId: 'cancelCall', method: 'DELETE', path: '/calls/{vendorCallId}' },
  { operationId: 'requestPreCallTest', method: 'POST', path: '/calls/{vendorCallId}/pre-call-test' },
  { operationId: 'openTicket', method: 'POST', path: '/tickets' },
  { operationId: 'health', method: 'GET', path: '/health' },
] as const;

export type ConciergeVendorOperation = (typeof CONCIERGE_VENDOR_OPERATIONS)[number]['operationId'];

/**
 * Vendor statuses → the shared enum (Novu style). The contract's six statuses, plus spellings we
 * tolerate; openapi.json's `x-maillage-status-mapping` documents the same table (checked by the spec).
 */
export const VENDOR_STATUS_MAPPING: Readonly<Record<string, ConciergeCallStatus>> = {
  scheduled: 'scheduled',
  tested: 'tested',
  'in-progress': 'in-progress',
  in_progress: 'in-progress',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  canceled: 'cancelled',
};

export function mapVendorStatus(status: string): ConciergeCallStatus | undefined {
  return Object.hasOwn(VENDOR_STATUS_MAPPING, status) ? VENDOR_STATUS_MAPPING[status] : undefined;
}

/** RFC 9457 problem details, as the vendor returns them (or as we reconstruct them). */
export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { field: string; message: string }[];
}

/**
 * The vendor refused a request or could not be reached. `problem` is the vendor's problem detail;
 * `retryable` says whether the same request may succeed later (network, time-out, 408, 429, 5xx).
 */
export class ConciergeVendorError extends Error {
  override readonly name = 'ConciergeVendorError';

  constructor(
    readonly operation: ConciergeVendorOperation,
    /** HTTP status, or null when no answer arrived. */
    readonly status: number | null,
    readonly problem: ProblemDetails,
    readonly retryable: boolean,
  ) {
    super(`Concierge vendor ${operation} failed: ${problem.title}${problem.detail ? ` — ${problem.detail}` : ''}${status === null ? '' : ` (HTTP ${status})`}`);
  }
}

