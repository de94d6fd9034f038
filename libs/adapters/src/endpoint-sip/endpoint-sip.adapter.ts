/**
 * A generic SIP room system (any codec that answers SIP: Poly, Yealink, Lifesize, a Cisco without
 * its xAPI, a softphone): driven through the platform's SIP gateway (`context.sipAgent`, the
 * sip-drachtio adapter over drachtio-server), not through a vendor API. Reachability is an OPTIONS
 * ping (an answer: reachable; 408, 502-504 or nothing: offline); dialling a meeting is the bridge calling
 * the room system (dial-out: the room system rings and, configured to auto-answer, joins); hanging
 * up is a BYE. SIP has no standby and says nothing of cameras or microphones: those are unknown.
 */
import { DomainError, EndpointDriverError, type EndpointFailureCause, sipDialFailureCause, type SipDialFailureCause, type SipOptionsResult, type SipUserAgent } from '@maillage/core';
import type { AdapterContext, AdapterDefinition, AdapterHealth, AdapterManifest, EndpointAdapter, EndpointCheck, EndpointDiagnostics, EndpointDialResult, EndpointStatus } from '@maillage/core';

export type EndpointSipConfig = {
  /** The room system's SIP address, e.g. sip:salle-conseil@192.0.2.20:5060. */
  sipUri: string;
  /** The name the room system has in the meeting. */
  displayName: string;
  /** Time limit of an OPTIONS ping, ms. */
  optionsTimeoutMs: number;
  /** How long the room system may ring before the call counts as unanswered, ms. */
  ringTimeoutMs: number;
};

export const ENDPOINT_SIP_MANIFEST: AdapterManifest = {
  id: 'endpoint-sip',
  kind: 'endpoint',
  version: '1.0.0',
  displayName: 'Système de salle SIP (générique)',
  // No 'standby' (SIP has none), no camera/microphone/peripherals (SIP does not tell).
  capabilities: ['wake', 'dial', 'hang-up', 'status', 'diagnostics'],
  configSchema: {
    type: 'object',
    properties: {
      sipUri: { type: 'string', format: 'uri', minLength: 5, maxLength: 300, title: 'Adresse SIP du système de salle', description: 'p. ex. sip:salle-conseil@192.0.2.20:5060 ; le système doit décrocher automatiquement' },
      displayName: { type: 'string', minLength: 1, maxLength: 100, title: 'Nom dans la réunion', default: 'Salle SIP' },
      optionsTimeoutMs: { type: 'integer', minimum: 100, maximum: 30000, title: 'Délai de réponse à OPTIONS (ms)', default: 2000 },
      ringTimeoutMs: { type: 'integer', minimum: 1000, maximum: 120000, title: 'Durée de sonnerie maximale (ms)', description: 'Sous PREFLIGHT_CALL_CONNECT_MS (15 s) de l’API', default: 12000 },
    },
    required: ['sipUri'],
    additionalProperties: false,
  },
  subscribes: [],
};

const NO_GATEWAY = 'endpoint-sip: the SIP gateway is not running (DRACHTIO_URL unset or drachtio unreachable)';
const SIP_SCHEME = /^sips?:[^\s@]+@[^\s]+$/i;

/** A final SIP status to an INVITE as the driver's failure cause: the room system (not us) did not take the call, or could not be reached. */
export function sipDialDriverCause(cause: SipDialFailureCause): EndpointFailureCause {
  if (cause === 'unreachable') return 'offline';
  if (cause === 'meeting-closed') return 'refused';
  return 'call-failed';
}

/**
 * Whether an OPTIONS answer means the room system is reachable: any answer of its own does (a 405 or
 * 404 is still the room system answering); 408 means nothing answered, and 502/503/504 are what
 * drachtio (or a proxy) answers itself when the address cannot be reached (an ICMP port unreachable
 * gives a local 503 within milliseconds), as for a dial-out (`sipDialFailureCause` 'unreachable').
 */
export const optionsReached = (result: SipOptionsResult): boolean => result.status > 0 && result.status !== 408 && sipDialFailureCause(result.status) !== 'unreachable';

/** The meeting a `sip:<code>@host` URI names: its user part (the meeting code or bridge id). */
export function meetingOfUri(uri: string): string {
  const match = /^sips?:([^@;?\s]+)@[^\s]+$/i.exec(uri.trim());
  if (!match) throw new DomainError('BAD_USER_INPUT', `endpoint-sip: cannot dial ${JSON.stringify(uri)}: expected sip:<meeting>@<host>`, { field: ['uri'] });
  try {
    return decodeURIComponent(match[1]);
  } catch {
    throw new DomainError('BAD_USER_INPUT', `endpoint-sip: cannot dial ${JSON.stringify(uri)}: malformed user part`, { field: ['uri'] });
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One binding's room system. Single-use: `dispose` hangs its call up; `init` after `dispose` rejects. */
export class EndpointSipAdapter implements EndpointAdapter {
  private disposed = false;
  private initialised = false;
  /** The call this driver placed (dial), with the address it dialled. */
  private call: { callId: string; remote: string } | null = null;

  constructor(private readonly context: AdapterContext<EndpointSipConfig>) {}

  async init(): Promise<void> {
    if (this.disposed) throw new DomainError('CONFLICT', 'endpoint-sip: this instance was disposed; create a new one');
    if (!SIP_SCHEME.test(this.context.config.sipUri)) throw new DomainError('BAD_USER_INPUT', `endpoint-sip: ${JSON.stringify(this.context.config.sipUri)} is not a sip: or sips: address`, { field: ['config', 'sipUri'] });
    this.initialised = true;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.hangUp().catch((error: unknown) => this.context.logger.warn('endpoint-sip: hang-up at dispose failed', { reason: messageOf(error) }));
  }

  /** Up when the room system answers OPTIONS; down (never a throw) otherwise. */
  async health(): Promise<AdapterHealth> {
    if (!this.initialised || this.disposed) return { status: 'down', detail: this.disposed ? 'disposed' : 'not initialised' };
    const agent = this.context.sipAgent;
    if (!agent) return { status: 'down', detail: NO_GATEWAY };
    const answer = await this.ping(agent).catch((error: unknown) => ({ status: 0, rttMs: 0, reason: messageOf(error) }));
    return optionsReached(answer) ? { status: 'up' } : { status: 'down', detail: `OPTIONS ${this.context.config.sipUri}: ${answer.status} ${answer.reason}` };
  }

  /** SIP has no standby: waking is checking the room system answers. */
  async wake(): Promise<void> {
    const answer = await this.ping(this.agent());
    if (!optionsReached(answer)) throw this.unreachable(answer);
  }

  /** SIP has no standby: only hangs up the call this driver placed. */
  async standby(): Promise<void> {
    await this.hangUp();
  }

  /** The meeting at `uri` calls the room system (dial-out); resolves once it answered and the media are open. */
  async dial(uri: string): Promise<EndpointDialResult> {
    const meeting = meetingOfUri(uri);
    const agent = this.agent();
    if (this.call && agent.callActive(this.call.callId)) {
      if (this.call.remote === uri) return { callId: this.call.callId };
      await this.hangUp();
    }
    const { sipUri, displayName, ringTimeoutMs } = this.context.config;
    let outcome;
    try {
      outcome = await agent.dialOut({ meeting, to: sipUri, displayName, ringTimeoutMs });
    } catch (error) {
      throw new EndpointDriverError('protocol', `endpoint-sip: calling ${sipUri} failed: ${messageOf(error)}`);
    }
    if (!outcome.ok) {
      throw new EndpointDriverError(sipDialDriverCause(outcome.cause), `endpoint-sip: ${sipUri} did not take the call into ${meeting}: SIP ${outcome.status} ${outcome.reason} (${outcome.cause})`, {
        sipStatus: outcome.status,
        sipCause: outcome.cause,
      });
    }
    this.call = { callId: outcome.callId, remote: uri };
    return { callId: outcome.callId };
  }

  /** Hangs up the call this driver placed (BYE); none: nothing. */
  async hangUp(): Promise<void> {
    const call = this.call;
    this.call = null;
    if (!call) return;
    const agent = this.context.sipAgent;
    if (agent?.callActive(call.callId)) await agent.hangUpCall(call.callId);
  }

  async status(): Promise<EndpointStatus> {
    const unknown = { cameraOn: null, microphoneMuted: null, peripherals: [] };
    const agent = this.context.sipAgent;
    if (!agent) return { state: 'offline', callRemote: null, ...unknown, detail: NO_GATEWAY };
    if (this.call && agent.callActive(this.call.callId)) return { state: 'in-call', callRemote: this.call.remote, ...unknown, vendorState: 'SIP call up' };
    if (this.call) this.call = null; // ended by the far end (BYE) or the meeting closing
    try {
      const answer = await this.ping(agent);
      if (!optionsReached(answer)) return { state: 'offline', callRemote: null, ...unknown, detail: this.unreachable(answer).message };
      return { state: 'idle', callRemote: null, ...unknown, vendorState: `OPTIONS ${answer.status} ${answer.reason}`.trim() };
    } catch (error) {
      return { state: 'offline', callRemote: null, ...unknown, detail: `endpoint-sip: OPTIONS ${this.context.config.sipUri} failed: ${messageOf(error)}` };
    }
  }

  /** The OPTIONS round trip, as a measure; nothing else is observable over SIP without a call. */
  async diagnostics(): Promise<EndpointDiagnostics> {
    const answer = await this.ping(this.agent());
    const check: EndpointCheck = optionsReached(answer)
      ? { id: 'sip-options', outcome: 'ok', detail: `OPTIONS ${answer.status} ${answer.reason}`.trim(), measures: { rttMs: answer.rttMs, sipStatus: answer.status } }
      : { id: 'sip-options', outcome: 'failed', cause: 'offline', detail: this.unreachable(answer).message, measures: { sipStatus: answer.status } };
    return { outcome: check.outcome === 'ok' ? 'ok' : 'failed', checks: [check] };
  }

  // ---- helpers ----------------------------------------------------------------------------------

  private agent(): SipUserAgent {
    if (this.disposed) throw new DomainError('CONFLICT', 'endpoint-sip: disposed');
    if (!this.initialised) throw new DomainError('CONFLICT', 'endpoint-sip: not initialised');
    const agent = this.context.sipAgent;
    if (!agent) throw new EndpointDriverError('offline', NO_GATEWAY);
    return agent;
  }

  private ping(agent: SipUserAgent): Promise<SipOptionsResult> {
    return agent.options(this.context.config.sipUri, this.context.config.optionsTimeoutMs);
  }

  private unreachable(answer: SipOptionsResult): EndpointDriverError {
    const { sipUri, optionsTimeoutMs } = this.context.config;
    const why = answer.status === 408 ? `no answer to OPTIONS within ${optionsTimeoutMs} ms` : `OPTIONS ${answer.status} ${answer.reason}`;
    return new EndpointDriverError('offline', `endpoint-sip: ${sipUri} is unreachable (${why})`, { sipStatus: answer.status });
  }
}

export const endpointSipAdapter: AdapterDefinition<EndpointSipConfig, EndpointSipAdapter> = {
  manifest: ENDPOINT_SIP_MANIFEST,
  create: (context) => new EndpointSipAdapter(context),
};
