/**
 * A Cisco RoomOS device SIMULATOR: no public one exists, so this one speaks the protocol jsxapi
 * speaks to a real codec over WebSocket, for the adapter's tests, the testkit and the benchmark.
 * It is not a device and does no media.
 *
 * What it implements (as jsxapi 6 sends it, `node_modules/jsxapi/lib/transport/ws.js`, `xapi/*.js`):
 * - the HTTP upgrade on `/ws`, authenticated by the sub-protocol `auth-<base64url(user:password)>`
 *   (echoed back on success; wrong credentials: `401 Unauthorized`, no WebSocket);
 * - JSON-RPC 2.0 requests: `xCommand/<Path>` (Standby Activate/Deactivate, Dial, Call Disconnect,
 *   Diagnostics Run, Audio Microphones Mute/Unmute), `xGet` { Path: ['Status', …] } over a status tree
 *   shaped like xStatus's JSON (Standby State, Call[], Audio, Video, Cameras, Peripherals, SystemUnit
 *   State, Diagnostics Message[]), `xFeedback/Subscribe` { Query } → { Id } and `xFeedback/Unsubscribe`;
 * - feedback notifications `{ method: 'xFeedback/Event', params: { Id, Status|Event: … } }` for each
 *   subscription whose query is a prefix of what changed;
 * - errors as JSON-RPC errors: -32700 parse, -32600 invalid request, -32601 unknown method,
 *   3 no match on path, 4 parameter error, 1 command error.
 *
 * It can be told to fail: `goOffline()` (the port refuses connections, open sockets drop),
 * `hang` (accepts, never answers), `callFails` (a dial is rejected by the far end), and
 * `diagnostics` messages (warnings or errors the self-test reports).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export type CiscoStandbyState = 'Standby' | 'EnteringStandby' | 'Halfwake' | 'Off';
export type CiscoCallStatus = 'Dialling' | 'Connecting' | 'Ringing' | 'Connected' | 'Disconnecting' | 'OnHold' | 'Idle';

export interface CiscoCall {
  id: number;
  Status: CiscoCallStatus;
  RemoteNumber: string;
  Direction: 'Outgoing' | 'Incoming';
  CallType: 'Video' | 'Audio';
  Protocol: 'Sip' | 'H323' | 'Spark';
}

export interface CiscoDiagnosticsMessage {
  Level: 'Warning' | 'Error' | 'Critical';
  /** e.g. 'CameraConnection', 'NetworkQuality', 'TouchPanelConnection'. */
  Type: string;
  Description: string;
  References?: string;
}

export interface CiscoDeviceState {
  standby: CiscoStandbyState;
  calls: CiscoCall[];
  microphonesMuted: boolean;
  mainVideoMuted: boolean;
  cameras: { id: number; Connected: boolean; Model: string }[];
  peripherals: { id: number; Name: string; Type: string; Status: 'Connected' | 'LostConnection' }[];
  diagnostics: CiscoDiagnosticsMessage[];
}

export interface CiscoXapiSimulatorOptions {
  username?: string;
  password?: string;
  /** Initial device state (defaults: in standby, one camera, a Room Navigator, no diagnostics). */
  state?: Partial<CiscoDeviceState>;
  /** How long a dialled call stays 'Dialling' before it connects (or fails), ms. */
  connectDelayMs?: number;
}

export interface ReceivedRequest {
  method: string;
  params: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Subscription {
  id: number;
  query: (string | number)[];
}

interface Client {
  ws: WebSocket;
  subscriptions: Subscription[];
}

class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: Json,
  ) {
    super(message);
  }
}

const defaultState = (): CiscoDeviceState => ({
  standby: 'Standby',
  calls: [],
  microphonesMuted: false,
  mainVideoMuted: false,
  cameras: [{ id: 1, Connected: true, Model: 'Cisco Quad Camera' }],
  peripherals: [{ id: 1, Name: 'Cisco Room Navigator', Type: 'TouchPanel', Status: 'Connected' }],
  diagnostics: [],
});

/** `auth-<base64url(user:password)>`, as jsxapi builds it. */
export function authSubProtocol(username: string, password: string): string {
  return `auth-${Buffer.from(`${username}:${password}`).toString('base64').replace(/[/+=]/g, (c) => ({ '+': '-', '/': '_', '=': '' })[c] ?? '')}`;
}

const lower = (s: string | number) => String(s).toLowerCase();

export class CiscoXapiSimulator {
  readonly state: CiscoDeviceState;
  /** Every JSON-RPC request received, in order (for assertions). */
  readonly received: ReceivedRequest[] = [];
  /** Accept connections and never answer a request. */
  hang = false;
  /** The far end rejects dialled calls with this cause (e.g. 'Busy'); null: calls connect. */
  callFails: string | null = null;
  /** Upgrades refused for bad credentials. */
  authFailures = 0;

  private server: Server;
  private readonly wss: WebSocketServer;
  private readonly clients = new Set<Client>();
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private nextCallId = 1;
  private nextSubscriptionId = 1;
  private boundPort = 0;
  private offline = false;

  private constructor(private readonly options: Required<Pick<CiscoXapiSimulatorOptions, 'username' | 'password' | 'connectDelayMs'>>, state: CiscoDeviceState) {
    this.state = state;
    this.wss = new WebSocketServer({ noServer: true, handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith('auth-')) ?? false });
    this.wss.on('connection', (ws: WebSocket) => this.accept(ws));
    this.server = this.createHttpServer();
  }

  /** Starts a simulated codec on 127.0.0.1, on a free port unless `port` is given. */
  static async start(options: CiscoXapiSimulatorOptions = {}, port = 0): Promise<CiscoXapiSimulator> {
    const simulator = new CiscoXapiSimulator(
      { username: options.username ?? 'admin', password: options.password ?? 'cisco-simulator', connectDelayMs: options.connectDelayMs ?? 20 },
      { ...defaultState(), ...options.state },
    );
    await simulator.listen(port);
    return simulator;
  }

  get port(): number {
    return this.boundPort;
  }

  /** The address jsxapi connects to: `ws://127.0.0.1:<port>` (jsxapi adds `/ws`). */
  get url(): string {
    return `ws://127.0.0.1:${this.boundPort}`;
  }

  get connections(): number {
    return this.clients.size;
  }

  /** The device is switched off: open connections drop, new ones are refused. */
  async goOffline(): Promise<void> {
    if (this.offline) return;
    this.offline = true;
    for (const client of this.clients) client.ws.terminate();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  /** Switched on again, on the same port. */
  async comeBack(): Promise<void> {
    if (!this.offline) return;
    this.offline = false;
    this.server = this.createHttpServer();
    await this.listen(this.boundPort);
  }

  /** Changes the state as the device would (a person muting the microphone, a camera unplugged), with feedback. */
  update(change: (state: CiscoDeviceState) => void, paths: (string | number)[][]): void {
    change(this.state);
    for (const path of paths) this.notify(path);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const client of this.clients) client.ws.terminate();
    for (const socket of this.sockets) socket.destroy();
    this.wss.close();
    if (!this.offline) await new Promise<void>((done) => this.server.close(() => done()));
    this.offline = true;
  }

  // ---- transport --------------------------------------------------------------------------------

  private createHttpServer(): Server {
    const server = createServer((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Cisco xAPI simulator: WebSocket on /ws only\n');
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('upgrade', (req, socket, head) => this.upgrade(req, socket as Socket, head));
    return server;
  }

  private listen(port: number): Promise<void> {
    return new Promise((done, fail) => {
      this.server.once('error', fail);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', fail);
        this.boundPort = (this.server.address() as AddressInfo).port;
        done();
      });
    });
  }

  private upgrade(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const refuse = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (new URL(req.url ?? '/', 'http://device').pathname !== '/ws') return refuse('404 Not Found');
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    if (!offered.includes(authSubProtocol(this.options.username, this.options.password))) {
      this.authFailures++;
      return refuse('401 Unauthorized');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  private accept(ws: WebSocket): void {
    const client: Client = { ws, subscriptions: [] };
    this.clients.add(client);
    ws.on('close', () => this.clients.delete(client));
    ws.on('error', () => this.clients.delete(client));
    ws.on('message', (data) => this.onMessage(client, data.toString()));
  }

  private send(client: Client, message: Record<string, Json>): void {
    if (client.ws.readyState === client.ws.OPEN) client.ws.send(JSON.stringify({ jsonrpc: '2.0', ...message }));
  }

  private onMessage(client: Client, text: string): void {
    let request: { id?: Json; method?: unknown; params?: unknown };
    try {
      request = JSON.parse(text) as typeof request;
    } catch {
      return this.send(client, { id: null, error: { code: -32700, message: 'Parse error' } });
    }
    const id = request.id ?? null;
    if (typeof request !== 'object' || request === null || typeof request.method !== 'string') return this.send(client, { id, error: { code: -32600, message: 'Invalid Request' } });
    this.received.push({ method: request.method, params: request.params ?? null });
    if (this.hang) return;
    try {
      const result = this.dispatch(client, request.method, (request.params ?? {}) as Record<string, Json>);
      this.send(client, { id, result });
    } catch (error) {
      const e = error instanceof RpcError ? error : new RpcError(0, error instanceof Error ? error.message : String(error));
      this.send(client, { id, error: { code: e.code, message: e.message, ...(e.data !== undefined ? { data: e.data } : {}) } });
    }
  }

  // ---- the API ----------------------------------------------------------------------------------

  private dispatch(client: Client, method: string, params: Record<string, Json>): Json {
    if (method === 'xGet') return this.get(params.Path);
    if (method === 'xFeedback/Subscribe') {
      const query = params.Query;
      if (!Array.isArray(query) || query.some((p) => typeof p !== 'string' && typeof p !== 'number')) throw new RpcError(4, 'Invalid or missing parameters', { Query: 'required' });
      const subscription = { id: this.nextSubscriptionId++, query: query as (string | number)[] };
      client.subscriptions.push(subscription);
      return { Id: subscription.id };
    }
    if (method === 'xFeedback/Unsubscribe') {
      client.subscriptions = client.subscriptions.filter((s) => s.id !== params.Id);
      return { status: 'OK' };
    }
    if (method.startsWith('xCommand/')) return this.command(method.slice('xCommand/'.length), params);
    throw new RpcError(-32601, 'Method not found', { method });
  }

  private command(path: string, params: Record<string, Json>): Json {
    switch (lower(path)) {
      case 'standby/deactivate':
        this.setStandby('Off');
        return { status: 'OK' };
      case 'standby/activate':
        if (this.state.calls.length > 0) throw new RpcError(1, 'Standby not allowed while in call');
        this.setStandby('Standby');
        return { status: 'OK' };
      case 'standby/halfwake':
        this.setStandby('Halfwake');
        return { status: 'OK' };
      case 'dial':
        return this.dial(params);
      case 'call/disconnect':
        return this.disconnect(params.CallId);
      case 'diagnostics/run':
        return { Message: this.state.diagnostics.map((m, i) => ({ id: i + 1, ...m })) as Json };
      case 'audio/microphones/mute':
      case 'audio/microphones/unmute':
        this.update((s) => (s.microphonesMuted = lower(path).endsWith('/mute')), [['Status', 'Audio', 'Microphones', 'Mute']]);
        return { status: 'OK' };
      default:
        throw new RpcError(3, 'Unknown command', { XPath: `/${path}` });
    }
  }

  private setStandby(state: CiscoStandbyState): void {
    if (this.state.standby === state) return;
    this.update((s) => (s.standby = state), [['Status', 'Standby', 'State']]);
  }

  private dial(params: Record<string, Json>): Json {
    const number = params.Number;
    if (typeof number !== 'string' || number.trim() === '' || number.length > 255) throw new RpcError(4, 'Invalid or missing parameters', { Number: 'required' });
    if (this.state.calls.length >= 3) throw new RpcError(1, 'Maximum number of calls reached');
    this.setStandby('Off');
    const protocol = params.Protocol === 'H323' ? 'H323' : 'Sip';
    const call: CiscoCall = { id: this.nextCallId++, Status: 'Dialling', RemoteNumber: number, Direction: 'Outgoing', CallType: 'Video', Protocol: protocol };
    this.update((s) => s.calls.push(call), [['Status', 'Call']]);
    this.later(() => {
      if (!this.state.calls.includes(call)) return;
      if (this.callFails) {
        const cause = this.callFails;
        this.removeCalls([call]);
        this.event(['Event', 'CallDisconnect'], { CallId: call.id, CauseType: 'RemoteBusy', CauseValue: 17, CauseString: cause, RemoteURI: number });
        return;
      }
      this.update(() => (call.Status = 'Connected'), [['Status', 'Call']]);
    }, this.options.connectDelayMs);
    return { CallId: call.id, ConferenceId: call.id };
  }

  private disconnect(callId: Json | undefined): Json {
    const targets = callId === undefined ? this.state.calls : this.state.calls.filter((c) => c.id === Number(callId));
    if (targets.length === 0) throw new RpcError(1, 'No active call(s) with CallId', { CallId: callId ?? null });
    this.removeCalls(targets);
    for (const call of targets) this.event(['Event', 'CallDisconnect'], { CallId: call.id, CauseType: 'LocalDisconnect', CauseValue: 1, CauseString: '', RemoteURI: call.RemoteNumber });
    return { status: 'OK' };
  }

  /** Removes calls; as a codec does, feedback names each removed call as a ghost: `Call: [{ id, ghost: 'True' }]`. */
  private removeCalls(calls: readonly CiscoCall[]): void {
    this.state.calls = this.state.calls.filter((c) => !calls.includes(c));
    this.feedback(['Status', 'Call'], calls.map((c) => ({ id: c.id, ghost: 'True' })));
  }

  /** The status tree, shaped like `xStatus` JSON (leaves are strings, lists carry `id`). */
  private tree(): Record<string, Json> {
    const s = this.state;
    const active = s.calls.filter((c) => c.Status === 'Connected').length;
    return {
      Status: {
        Standby: { State: s.standby },
        Call: s.calls.map((c) => ({ ...c })),
        Audio: { Microphones: { Mute: s.microphonesMuted ? 'On' : 'Off' } },
        Video: { Input: { MainVideoMute: s.mainVideoMuted ? 'On' : 'Off' } },
        Cameras: { Camera: s.cameras.map((c) => ({ id: c.id, Connected: c.Connected ? 'True' : 'False', Model: c.Model })) },
        Peripherals: { ConnectedDevice: s.peripherals.map((p) => ({ ...p })) },
        SystemUnit: {
          ProductId: 'Cisco Room Kit (simulator)',
          Software: { Version: 'ce11.9.0.0 simulator' },
          State: { NumberOfActiveCalls: active, NumberOfInProgressCalls: s.calls.length - active, NumberOfSuspendedCalls: 0 },
        },
        Diagnostics: { Message: s.diagnostics.map((m, i) => ({ id: i + 1, ...m })) as Json },
      },
    };
  }

  private get(path: Json | undefined): Json {
    if (!Array.isArray(path) || path.length === 0) throw new RpcError(4, 'Invalid or missing parameters', { Path: 'required' });
    let node: Json = this.tree();
    for (const part of path) {
      if (Array.isArray(node)) {
        const found: Json | undefined = node.find((item) => typeof item === 'object' && item !== null && !Array.isArray(item) && item.id === part);
        if (found === undefined) throw new RpcError(3, 'No match on Path argument', { XPath: path.join('/') });
        node = found;
      } else if (typeof node === 'object' && node !== null && typeof part === 'string' && Object.keys(node).some((k) => lower(k) === lower(part))) {
        node = node[Object.keys(node).find((k) => lower(k) === lower(part))!];
      } else throw new RpcError(3, 'No match on Path argument', { XPath: path.join('/') });
    }
    // As a codec does, an empty list is "no match" (e.g. xStatus Call without a call).
    if (Array.isArray(node) && node.length === 0) throw new RpcError(3, 'No match on Path argument', { XPath: path.join('/') });
    return node;
  }

  // ---- feedback ---------------------------------------------------------------------------------

  /** Sends the current value at `path` to every subscription whose query is a prefix of it (or below it). */
  private notify(path: (string | number)[]): void {
    const value = (() => {
      try {
        return this.get(path);
      } catch {
        return [] as Json;
      }
    })();
    this.feedback(path, value);
  }

  private event(path: (string | number)[], body: Record<string, Json>): void {
    this.feedback(path, body);
  }

  private feedback(path: (string | number)[], value: Json): void {
    let body: Json = value;
    for (let i = path.length - 1; i >= 0; i--) body = { [String(path[i])]: body };
    for (const client of this.clients) {
      for (const subscription of client.subscriptions) {
        const n = Math.min(subscription.query.length, path.length);
        if (subscription.query.slice(0, n).every((part, i) => lower(part) === lower(path[i]))) {
          this.send(client, { method: 'xFeedback/Event', params: { Id: subscription.id, ...(body as Record<string, Json>) } });
        }
      }
    }
  }

  private later(work: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }
}
