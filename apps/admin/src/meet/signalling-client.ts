// The browser side of the signalling protocol: one WebSocket, typed requests answered by id, typed
// notifications. Knows nothing of mediasoup; MeetingSession drives it.
import {
  MAX_MESSAGE_BYTES,
  SIGNALLING_PATH,
  type NotificationMap,
  type NotificationName,
  type RequestMap,
  type RequestMethod,
  type ServerMessage,
  type SignallingErrorCode,
} from './protocol';

/** The server's codes, plus two the client finds by itself. */
export type ClientErrorCode = SignallingErrorCode | 'DISCONNECTED' | 'TIMEOUT';

export class SignallingRequestError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SignallingRequestError';
  }
}

/** The part of the DOM WebSocket the client uses (a fake in the unit tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

export interface SignallingClientOptions {
  /** Default: the browser's WebSocket. */
  socketFactory?: SocketFactory;
  /** Per request, and for opening the socket. Default 10 s. */
  timeoutMs?: number;
}

const OPEN = 1;

interface Pending {
  method: RequestMethod;
  resolve(data: unknown): void;
  reject(error: SignallingRequestError): void;
  timer: ReturnType<typeof setTimeout>;
}

type Handler<N extends NotificationName> = (data: NotificationMap[N]) => void;
export interface CloseInfo {
  code: number;
  reason: string;
  /** True when this side called close(). */
  byClient: boolean;
}

/** ws:// or wss:// on the origin that served the page. */
export function signallingUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SIGNALLING_PATH}`;
}

export class SignallingClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<NotificationName, Set<(data: never) => void>>();
  private readonly closeHandlers = new Set<(info: CloseInfo) => void>();
  private closedByClient = false;
  private closed = false;

  private constructor(
    private readonly socket: SocketLike,
    private readonly timeoutMs: number,
  ) {
    socket.onmessage = (event) => this.receive(event.data);
    socket.onclose = (event) => this.onSocketClosed(event.code, event.reason);
  }

  /** Opens the socket; rejects with DISCONNECTED when it cannot, TIMEOUT when it takes too long. */
  static connect(url: string, options: SignallingClientOptions = {}): Promise<SignallingClient> {
    const timeoutMs = options.timeoutMs ?? 10_000;
    const socket = (options.socketFactory ?? ((u: string) => new WebSocket(u) as unknown as SocketLike))(url);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.onopen = socket.onclose = socket.onerror = null;
        socket.close();
        reject(new SignallingRequestError('TIMEOUT', 'the signalling server did not answer'));
      }, timeoutMs);
      socket.onopen = () => {
        clearTimeout(timer);
        socket.onopen = socket.onerror = null;
        resolve(new SignallingClient(socket, timeoutMs));
      };
      socket.onerror = () => undefined;
      socket.onclose = (event) => {
        clearTimeout(timer);
        reject(new SignallingRequestError('DISCONNECTED', `the signalling connection failed (${event.code})`));
      };
    });
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === OPEN;
  }

  /** Sends one request; resolves with its answer's data, rejects with a SignallingRequestError. */
  request<M extends RequestMethod>(method: M, data: RequestMap[M]['request']): Promise<RequestMap[M]['response']> {
    if (!this.isOpen) return Promise.reject(new SignallingRequestError('DISCONNECTED', 'the signalling connection is closed'));
    const id = this.nextId++;
    const frame = JSON.stringify({ id, method, data });
    if (new TextEncoder().encode(frame).length > MAX_MESSAGE_BYTES) return Promise.reject(new SignallingRequestError('TOO_LARGE', `${method}: the request is too large`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new SignallingRequestError('TIMEOUT', `${method}: no answer after ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (d: unknown) => void, reject, timer });
      this.socket.send(frame);
    });
  }

  /** Listens to one notification; returns the function that stops listening. */
  on<N extends NotificationName>(name: N, handler: Handler<N>): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler as (data: never) => void);
    return () => set.delete(handler as (data: never) => void);
  }

  onClose(handler: (info: CloseInfo) => void): () => void {
    this.closeHandlers.add(handler);
    return () => this.closeHandlers.delete(handler);
  }

  /** Closes the socket; pending requests fail with DISCONNECTED. */
  close(): void {
    if (this.closed) return;
    this.closedByClient = true;
    this.socket.close(1000, 'leave');
    this.onSocketClosed(1000, 'leave');
  }

  private receive(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let message: ServerMessage;
    try {
      message = JSON.parse(raw) as ServerMessage;
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    if ('notification' in message) {
      for (const handler of this.handlers.get(message.notification) ?? []) (handler as (data: unknown) => void)(message.data);
      return;
    }
    if (!('ok' in message) || message.id === null) return;
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.data);
    else pending.reject(new SignallingRequestError(message.error.code, message.error.message));
  }

  private onSocketClosed(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.onmessage = this.socket.onclose = null;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new SignallingRequestError('DISCONNECTED', `${pending.method}: the connection closed`));
      this.pending.delete(id);
    }
    for (const handler of this.closeHandlers) handler({ code, reason, byClient: this.closedByClient });
  }
}
