/**
 * Cisco RoomOS room systems (Room Kit, Board, Desk, SX/MX) through Cisco's own npm library
 * `jsxapi` (MIT), over the codec's WebSocket xAPI (JSON-RPC 2.0 on `/ws`, `wss:` by default).
 * Wake = `Standby Deactivate`, dial = `Dial`, hang up = `Call Disconnect`, status from
 * `Status Standby/Call/Audio/Video/Cameras/Peripherals/SystemUnit`, self-test = `Diagnostics Run`,
 * status events from `xFeedback` on Status Call, Standby and microphone mute.
 *
 * The connection is opened on the first call and re-opened after it drops, so a codec switched off
 * when the API starts is simply `offline` until it comes back. Vendor states map onto the shared
 * `EndpointState` with `ciscoEndpointState`.
 */
import { connect, type XAPI } from 'jsxapi';
import { DomainError, EndpointDriverError, worstOutcome } from '@maillage/core';
import type {
  AdapterContext,
  AdapterDefinition,
  AdapterHealth,
  AdapterManifest,
  EndpointAdapter,
  EndpointCheck,
  EndpointDiagnostics,
  EndpointDialResult,
  EndpointPeripheral,
  EndpointState,
  EndpointStatus,
} from '@maillage/core';

export type CiscoXapiConfig = {
  host: string;
  port: number;
  protocol: 'wss' | 'ws';
  username: string;
  /** Time limit of the connection and of each xAPI request, ms. */
  timeoutMs: number;
};

export const ROOM_CISCO_XAPI_MANIFEST: AdapterManifest = {
  id: 'room-cisco-xapi',
  kind: 'endpoint',
  version: '1.0.0',
  displayName: 'Cisco RoomOS (xAPI)',
  capabilities: ['wake', 'standby', 'dial', 'hang-up', 'status', 'diagnostics', 'status-events', 'camera', 'microphone', 'peripherals'],
  configSchema: {
    type: 'object',
    properties: {
      host: { type: 'string', format: 'hostname', title: 'Adresse du codec', description: 'Nom ou adresse IP, p. ex. 192.0.2.10' },
      port: { type: 'integer', minimum: 1, maximum: 65535, title: 'Port', default: 443 },
      protocol: { type: 'string', enum: ['wss', 'ws'], title: 'Protocole', description: 'wss (TLS) sur un vrai codec ; ws seulement sur un réseau isolé', default: 'wss' },
      username: { type: 'string', minLength: 1, maxLength: 100, title: 'Identifiant', default: 'admin' },
      password: { type: 'string', maxLength: 200, title: 'Mot de passe', secret: true },
      timeoutMs: { type: 'integer', minimum: 100, maximum: 60000, title: 'Délai d’attente (ms)', default: 8000 },
    },
    required: ['host'],
    additionalProperties: false,
  },
  subscribes: [],
};

interface CiscoCallNode {
  id?: number | string;
  Status?: string;
  RemoteNumber?: string;
}

const NO_MATCH = 3;

/** The shared state of a codec from its standby state and its calls (Cisco's words). */
export function ciscoEndpointState(standby: string | undefined, calls: readonly CiscoCallNode[]): EndpointState {
  const live = calls.filter((c) => c.Status !== 'Idle' && c.Status !== 'Disconnecting');
  if (live.some((c) => c.Status === 'Connected' || c.Status === 'OnHold')) return 'in-call';
  if (live.length > 0) return 'connecting';
  if (standby === 'Standby' || standby === 'EnteringStandby') return 'standby';
  if (standby === 'Off' || standby === 'Halfwake') return 'idle';
  return 'error';
}

/** A `Diagnostics Run` message as a check: warnings warn, errors and critical ones fail. */
export function ciscoDiagnosticsCheck(message: { Level?: string; Type?: string; Description?: string }): EndpointCheck {
  const id =
    String(message.Type ?? 'diagnostics')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'diagnostics';
  const outcome = message.Level === 'Warning' ? 'warning' : 'failed';
  return { id, outcome, cause: `diagnostics-${outcome === 'warning' ? 'warning' : 'error'}`, detail: message.Description ?? message.Type };
}

const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error));
const codeOf = (error: unknown) => (typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined);

/** Turns a connection failure into the driver's typed error. */
function connectionError(error: unknown): EndpointDriverError {
  const text = messageOf(error);
  if (/\b401\b|unauthori[sz]ed|auth/i.test(text)) return new EndpointDriverError('auth-failed', 'room-cisco-xapi: the codec refused the username or password', { reason: text });
  return new EndpointDriverError('offline', `room-cisco-xapi: cannot reach the codec (${text})`, { reason: text });
}

/** One binding's codec. Single-use: `dispose` closes the connection; `init` after `dispose` rejects. */
export class RoomCiscoXapiAdapter implements EndpointAdapter {
  private disposed = false;
  private initialised = false;
  private connection: Promise<XAPI> | null = null;
  private current: XAPI | null = null;
  private readonly listeners = new Set<(status: EndpointStatus) => void>();
  private feedbackOff: (() => void)[] = [];
  private pushTimer: NodeJS.Timeout | null = null;
  private lastPushed: string | null = null;
  /** Requests waiting for an answer: rejected when the connection drops. */
  private readonly pending = new Set<() => void>();

  constructor(private readonly context: AdapterContext<CiscoXapiConfig>) {}

  async init(): Promise<void> {
    if (this.disposed) throw new DomainError('CONFLICT', 'room-cisco-xapi: this instance was disposed; create a new one');
    this.initialised = true;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.listeners.clear();
    this.drop();
  }

  /** Up when the codec answers with the credentials; down (never a throw) otherwise. */
  async health(): Promise<AdapterHealth> {
    if (!this.initialised || this.disposed) return { status: 'down', detail: this.disposed ? 'disposed' : 'not initialised' };
    try {
      await this.get(['SystemUnit', 'State']);
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', detail: messageOf(error) };
    }
  }

  async wake(): Promise<void> {
    await this.command('Standby/Deactivate');
  }

  async standby(): Promise<void> {
    await this.hangUp();
    await this.command('Standby/Activate');
  }

  async dial(uri: string): Promise<EndpointDialResult> {
    const match = /^(sips?|h323):(.+)$/i.exec(uri.trim());
    const number = match ? match[2] : uri.trim();
    if (number === '' || /[\r\n]/.test(number)) throw new DomainError('BAD_USER_INPUT', `room-cisco-xapi: cannot dial ${JSON.stringify(uri)}`, { field: ['uri'] });
    const protocol = match?.[1].toLowerCase() === 'h323' ? 'H323' : 'Sip';
    const result = await this.command<{ CallId?: number | string }>('Dial', { Number: number, Protocol: protocol });
    return { callId: result?.CallId !== undefined ? String(result.CallId) : null };
  }

  async hangUp(): Promise<void> {
    try {
      await this.command('Call/Disconnect');
    } catch (error) {
      // "No active call(s)": nothing to hang up.
      if (error instanceof EndpointDriverError && error.failure === 'refused') return;
      throw error;
    }
  }

  async status(): Promise<EndpointStatus> {
    try {
      const [standby, calls, mute, videoMute, cameras, peripherals] = await Promise.all([
        this.get<string>(['Standby', 'State']),
        this.list<CiscoCallNode>(['Call']),
        this.get<string>(['Audio', 'Microphones', 'Mute']).catch(() => undefined),
        this.get<string>(['Video', 'Input', 'MainVideoMute']).catch(() => undefined),
        this.list<{ Connected?: string }>(['Cameras', 'Camera']),
        this.list<{ Name?: string; Type?: string; Status?: string }>(['Peripherals', 'ConnectedDevice']),
      ]);
      const state = ciscoEndpointState(standby, calls);
      const live = calls.find((c) => c.Status !== 'Idle');
      const cameraConnected = cameras.some((c) => c.Connected === 'True');
      return {
        state,
        callRemote: state === 'in-call' || state === 'connecting' ? (live?.RemoteNumber ?? null) : null,
        cameraOn: videoMute === undefined ? (cameras.length ? cameraConnected : null) : cameraConnected && videoMute === 'Off',
        microphoneMuted: mute === undefined ? null : mute === 'On',
        peripherals: peripherals.map((p): EndpointPeripheral => ({ name: p.Name ?? 'device', type: (p.Type ?? 'unknown').toLowerCase(), connected: p.Status === 'Connected' })),
        vendorState: live?.Status ?? standby,
      };
    } catch (error) {
      const failure = error instanceof EndpointDriverError ? error : connectionError(error);
      return { state: failure.failure === 'offline' || failure.failure === 'timeout' ? 'offline' : 'error', callRemote: null, cameraOn: null, microphoneMuted: null, peripherals: [], detail: failure.message };
    }
  }

  async diagnostics(): Promise<EndpointDiagnostics> {
    const result = await this.command<{ Message?: unknown }>('Diagnostics/Run', { ResultSet: 'Alerts' });
    const messages = asList(result?.Message as { Level?: string; Type?: string; Description?: string } | undefined);
    const checks: EndpointCheck[] = messages.length ? messages.map(ciscoDiagnosticsCheck) : [{ id: 'self-test', outcome: 'ok', detail: 'Diagnostics Run: no alert' }];
    return { outcome: worstOutcome(checks).outcome, checks };
  }

  onStatusChange(listener: (status: EndpointStatus) => void): () => void {
    this.listeners.add(listener);
    if (this.current) this.watch(this.current);
    else void this.connect().catch(() => undefined); // subscribes once connected
    return () => this.listeners.delete(listener);
  }

  // ---- connection -------------------------------------------------------------------------------

  private connect(): Promise<XAPI> {
    if (this.disposed) return Promise.reject(new DomainError('CONFLICT', 'room-cisco-xapi: disposed'));
    if (!this.initialised) return Promise.reject(new DomainError('CONFLICT', 'room-cisco-xapi: not initialised'));
    if (this.connection) return this.connection;
    const { host, port, protocol, username, timeoutMs } = this.context.config;
    const attempt = new Promise<XAPI>((resolve, reject) => {
      const xapi = connect(`${protocol}://${host}:${port}`, { username, password: this.context.secrets.get('password') ?? '', loglevel: 'error' });
      const timer = setTimeout(() => {
        xapi.close();
        reject(new EndpointDriverError('offline', `room-cisco-xapi: no answer from ${host}:${port} within ${timeoutMs} ms`));
      }, timeoutMs);
      // An 'error' listener stays for the connection's life: an EventEmitter without one would throw.
      xapi.on('error', (error: Error) => {
        clearTimeout(timer);
        if (this.current === xapi) this.context.logger.warn('room-cisco-xapi: connection lost', { host, reason: messageOf(error) });
        this.forget(xapi);
        reject(connectionError(error));
      });
      xapi.on('close', () => this.forget(xapi));
      xapi.on('ready', () => {
        clearTimeout(timer);
        this.current = xapi;
        if (this.listeners.size) this.watch(xapi);
        resolve(xapi);
      });
    });
    this.connection = attempt;
    attempt.catch(() => {
      if (this.connection === attempt) this.connection = null;
    });
    return attempt;
  }

  private forget(xapi: XAPI): void {
    if (this.current === xapi) {
      for (const gone of [...this.pending]) gone();
      this.current = null;
      this.connection = null;
      this.feedbackOff = [];
      this.lastPushed = null;
      // The codec went away: tell the listeners it is offline.
      if (this.listeners.size && !this.disposed) this.push({ state: 'offline', callRemote: null, cameraOn: null, microphoneMuted: null, peripherals: [], detail: 'connection lost' });
    }
  }

  private drop(): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
    const xapi = this.current;
    this.current = null;
    this.connection = null;
    for (const gone of [...this.pending]) gone();
    xapi?.close();
  }

  /** One xAPI request with the time limit; a dropped connection rejects it at once (`forget`) instead of leaving it hanging. */
  private async request<T>(work: (xapi: XAPI) => Promise<T>): Promise<T> {
    const xapi = await this.connect();
    const { timeoutMs } = this.context.config;
    return new Promise<T>((resolve, reject) => {
      const settle = (fn: () => void) => {
        clearTimeout(timer);
        this.pending.delete(onGone);
        fn();
      };
      const onGone = () => settle(() => reject(new EndpointDriverError('offline', 'room-cisco-xapi: connection lost during the request')));
      const timer = setTimeout(() => settle(() => reject(new EndpointDriverError('timeout', `room-cisco-xapi: no answer within ${timeoutMs} ms`))), timeoutMs);
      this.pending.add(onGone);
      work(xapi).then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
    });
  }

  private async command<T = unknown>(path: string, params?: Record<string, string>): Promise<T> {
    try {
      return await this.request((xapi) => xapi.command<T>(path, params));
    } catch (error) {
      if (error instanceof EndpointDriverError || error instanceof DomainError) throw error;
      const cause = path === 'Dial' ? 'call-failed' : 'refused';
      throw new EndpointDriverError(cause, `room-cisco-xapi: ${path.replace(/\//g, ' ')} refused: ${messageOf(error)}`, { code: codeOf(error) ?? null });
    }
  }

  private async get<T>(path: string[]): Promise<T> {
    try {
      return await this.request((xapi) => xapi.status.get(path) as Promise<T>);
    } catch (error) {
      if (error instanceof EndpointDriverError) throw error;
      throw new EndpointDriverError('protocol', `room-cisco-xapi: Status ${path.join(' ')}: ${messageOf(error)}`, { code: codeOf(error) ?? null });
    }
  }

  /** A list node; "no match" (the codec's answer for an empty list) is []. */
  private async list<T>(path: string[]): Promise<T[]> {
    try {
      return asList(await this.get<T | T[]>(path));
    } catch (error) {
      if (error instanceof EndpointDriverError && error.details.code === NO_MATCH) return [];
      throw error;
    }
  }

  // ---- status events ----------------------------------------------------------------------------

  private watch(xapi: XAPI): void {
    if (this.feedbackOff.length) return;
    const changed = () => this.schedulePush();
    this.feedbackOff = [xapi.status.on('Call', changed), xapi.status.on('Standby', changed), xapi.status.on('Audio Microphones Mute', changed)];
    this.schedulePush();
  }

  /** Feedback comes in bursts (a call goes Dialling → Connected): read the status once the burst settles. */
  private schedulePush(): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = setTimeout(() => {
      this.pushTimer = null;
      void this.status().then((status) => this.push(status));
    }, 25);
  }

  private push(status: EndpointStatus): void {
    const key = JSON.stringify([status.state, status.callRemote, status.microphoneMuted, status.cameraOn]);
    if (key === this.lastPushed) return;
    this.lastPushed = key;
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch (error) {
        this.context.logger.error('room-cisco-xapi: status listener threw', { reason: messageOf(error) });
      }
    }
  }
}

export const roomCiscoXapiAdapter: AdapterDefinition<CiscoXapiConfig, RoomCiscoXapiAdapter> = {
  manifest: ROOM_CISCO_XAPI_MANIFEST,
  create: (context) => new RoomCiscoXapiAdapter(context),
};
