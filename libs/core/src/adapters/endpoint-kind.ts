/**
 * The endpoint kind of the adapter SDK: a room system (codec) driven by Maillage. Every vendor
 * driver (Cisco RoomOS over xAPI, a generic SIP room system, …) implements `EndpointAdapter` and
 * maps its own statuses onto the shared `EndpointState`, so that the platform, the pre-call test and
 * the admin screens speak one language whatever the hardware.
 */
import type { AdapterFailure } from './contained';
import type { AdapterInstance } from './sdk';

/** What a room system is doing, whatever its vendor calls it. */
export const ENDPOINT_STATES = ['idle', 'in-call', 'connecting', 'standby', 'offline', 'error'] as const;
export type EndpointState = (typeof ENDPOINT_STATES)[number];

/** What an endpoint driver can do; the manifest's `capabilities` lists those it offers. */
export const ENDPOINT_CAPABILITIES = ['wake', 'standby', 'dial', 'hang-up', 'status', 'diagnostics', 'status-events', 'camera', 'microphone', 'peripherals'] as const;
export type EndpointCapability = (typeof ENDPOINT_CAPABILITIES)[number];

export interface EndpointPeripheral {
  /** e.g. 'Room Navigator', 'Quad Camera', 'Table Microphone'. */
  name: string;
  /** Vendor type, lowercased: 'touchpanel', 'camera', 'microphone', 'isdnlink', … */
  type: string;
  connected: boolean;
}

/** A snapshot of a room system. Fields the driver cannot know are null. */
export interface EndpointStatus {
  state: EndpointState;
  /** The remote party while in a call (or connecting). */
  callRemote: string | null;
  /** True when the main camera is connected and its video is not muted; null when unknown. */
  cameraOn: boolean | null;
  microphoneMuted: boolean | null;
  peripherals: EndpointPeripheral[];
  /** The vendor's own words for the state (e.g. 'Standby', 'Connected'), for operators. */
  vendorState?: string;
  detail?: string;
}

export type CheckOutcome = 'ok' | 'warning' | 'failed' | 'skipped';

/** One check of a diagnostics run or of a pre-call test. */
export interface EndpointCheck {
  /** Stable, lowercase-kebab: 'reachable', 'wake', 'diagnostics', 'camera', 'microphone', 'test-call', … */
  id: string;
  outcome: CheckOutcome;
  /** Machine-readable cause when not ok, e.g. 'offline', 'auth-failed', 'diagnostics-warning', 'call-failed'. */
  cause?: string;
  /** Human-readable detail (vendor messages), shown to operators. */
  detail?: string;
  /** Measured figures (latency ms, packet loss %, …). */
  measures?: Record<string, number>;
}

export interface EndpointDiagnostics {
  outcome: Exclude<CheckOutcome, 'skipped'>;
  checks: EndpointCheck[];
}

export interface EndpointDialResult {
  /** The vendor's call id, when it has one. */
  callId: string | null;
}

/**
 * A room system driver. Methods reject with a `DomainError` when the device refuses
 * (`UNAUTHENTICATED` wrong credentials, `UNAVAILABLE` offline or unreachable, `CONFLICT` a call
 * refused); the host wraps every call with a time limit.
 */
export interface EndpointAdapter extends AdapterInstance {
  /** Leaves standby (screens on, ready to call). Resolves when the device is awake; idempotent. */
  wake(): Promise<void>;
  /** Enters standby. Idempotent. */
  standby(): Promise<void>;
  /** Dials a URI (sip:…, h323:…, a number); resolves when the device accepted to place the call. */
  dial(uri: string): Promise<EndpointDialResult>;
  /** Hangs up every call; resolves when none is left. Idempotent. */
  hangUp(): Promise<void>;
  /** The current status; an unreachable device resolves `offline` (with the reason in `detail`) rather than rejecting. */
  status(): Promise<EndpointStatus>;
  /** The device's self-test, one check per finding. */
  diagnostics(): Promise<EndpointDiagnostics>;
  /** Pushes every status change (capability 'status-events'); returns the unsubscribe function. */
  onStatusChange?(listener: (status: EndpointStatus) => void): () => void;
}

const RANK: Record<CheckOutcome, number> = { skipped: 0, ok: 1, warning: 2, failed: 3 };

/**
 * The outcome of a set of checks: failed when one failed, warning when one warned, ok otherwise
 * (skipped checks do not count, and a set without any check that ran is ok). The cause is the
 * first check's of the worst outcome.
 */
export function worstOutcome(checks: readonly EndpointCheck[]): { outcome: Exclude<CheckOutcome, 'skipped'>; cause: string | null } {
  let worst: EndpointCheck | undefined;
  for (const check of checks) if (check.outcome !== 'ok' && check.outcome !== 'skipped' && (!worst || RANK[check.outcome] > RANK[worst.outcome])) worst = check;
  if (!worst) return { outcome: 'ok', cause: null };
  return { outcome: worst.outcome as 'warning' | 'failed', cause: worst.cause ?? worst.id };
}

export const isEndpointState = (value: unknown): value is EndpointState => typeof value === 'string' && (ENDPOINT_STATES as readonly string[]).includes(value);

/** Why an endpoint status snapshot is malformed (empty when it is well formed): the testkit and the host check drivers with it. */
export function endpointStatusProblems(status: unknown): string[] {
  if (typeof status !== 'object' || status === null) return ['status is not an object'];
  const s = status as Partial<Record<keyof EndpointStatus, unknown>>;
  const problems: string[] = [];
  if (!isEndpointState(s.state)) problems.push(`state ${JSON.stringify(s.state)} is not one of ${ENDPOINT_STATES.join(', ')}`);
  if (s.callRemote !== null && typeof s.callRemote !== 'string') problems.push('callRemote must be a string or null');
  if (s.cameraOn !== null && typeof s.cameraOn !== 'boolean') problems.push('cameraOn must be a boolean or null');
  if (s.microphoneMuted !== null && typeof s.microphoneMuted !== 'boolean') problems.push('microphoneMuted must be a boolean or null');
  if (!Array.isArray(s.peripherals)) problems.push('peripherals must be an array');
  else if (s.peripherals.some((p: Partial<EndpointPeripheral>) => typeof p?.name !== 'string' || typeof p?.type !== 'string' || typeof p?.connected !== 'boolean')) problems.push('every peripheral needs name, type and connected');
  return problems;
}

/** Why a diagnostics result is malformed (empty when well formed). */
export function endpointDiagnosticsProblems(diagnostics: unknown): string[] {
  if (typeof diagnostics !== 'object' || diagnostics === null) return ['diagnostics is not an object'];
  const d = diagnostics as Partial<EndpointDiagnostics>;
  const problems: string[] = [];
  if (!['ok', 'warning', 'failed'].includes(d.outcome as string)) problems.push(`outcome ${JSON.stringify(d.outcome)} is not ok, warning or failed`);
  if (!Array.isArray(d.checks)) return [...problems, 'checks must be an array'];
  for (const check of d.checks) {
    if (typeof check?.id !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(check.id)) problems.push(`check id ${JSON.stringify(check?.id)} is not lowercase kebab-case`);
    if (!['ok', 'warning', 'failed', 'skipped'].includes(check?.outcome)) problems.push(`check ${check?.id}: outcome ${JSON.stringify(check?.outcome)} is unknown`);
  }
  if (problems.length === 0 && worstOutcome(d.checks).outcome !== d.outcome) problems.push(`outcome ${d.outcome} does not match its checks (${worstOutcome(d.checks).outcome})`);
  return problems;
}

/** Why a driver call failed, machine-readable: the pre-call test and incidents use it as their cause. */
export type EndpointFailureCause = 'offline' | 'auth-failed' | 'timeout' | 'call-failed' | 'refused' | 'protocol';

/** What an endpoint driver rejects with when the device (not the caller) is the problem. */
export class EndpointDriverError extends Error {
  constructor(
    readonly failure: EndpointFailureCause,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'EndpointDriverError';
  }
}

/** The cause of any error thrown by a driver call ('protocol' for what is not an EndpointDriverError). */
export const endpointFailureCause = (error: unknown): EndpointFailureCause => (error instanceof EndpointDriverError ? error.failure : 'protocol');

/** The cause of a contained driver call's failure: 'timeout' when the host gave up, else the driver's. */
export const driverCallFailureCause = (failure: AdapterFailure): EndpointFailureCause => (failure.kind === 'timeout' ? 'timeout' : endpointFailureCause(failure.cause));
