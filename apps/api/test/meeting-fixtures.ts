import WebSocket from 'ws';
import { MediaServer, SIGNALLING_PATH, type NotificationName, type RequestMap, type RequestMethod, type ServerNotification, type ServerResponse } from '@maillage/media';
import { MeetingClock } from '../src/meetings/meeting-clock';
import { MeetingsService } from '../src/meetings/meetings.service';
import { BOOK, bookConfirmed, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from './booking-fixtures';
import { ADMIN, type TestApi } from './harness';

export const MINUTE = 60_000;

export interface BookedMeeting {
  id: string;
  /** The organiser's access token (createJoinLink without an account). */
  accessToken: string;
  start: number;
  end: number;
  roomId: string;
  pointId: string;
}

/** Opening hours and the test policy on a seeded point (idempotent); returns its first room. */
export async function meetingRoom(api: TestApi, slug = 'lannion-tregor-communaute-siege') {
  const admin = await api.loginAs(ADMIN.email, ADMIN.password);
  const room = await roomOf(api, slug);
  await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
  await setPolicy(api, admin, room.pointId);
  return room;
}

/**
 * A confirmed reservation (a weekday `weeksAhead` weeks from now at `hour`, `minutes` long) in `room`.
 * Booked anonymously unless `headers` are given; an anonymous booking is confirmed through the link of
 * its e-mail (ADR 0010), as its organiser would.
 */
export async function bookMeeting(
  api: TestApi,
  room: { roomId: string; pointId: string },
  options: { weeksAhead?: number; hour?: number; minute?: number; minutes?: number; headers?: Record<string, string>; title?: string; otherRooms?: { roomId: string }[]; participants?: Record<string, unknown>[] } = {},
): Promise<BookedMeeting> {
  const start = nextWeekdayAt(3, options.hour ?? 10, options.minute ?? 0, 7 * (options.weeksAhead ?? 1));
  const end = plusMinutes(start, options.minutes ?? 60);
  const res = await bookConfirmed<{ book: { accessToken: string; reservation: { id: string; status: string } } }>(
    api,
    BOOK,
    { input: bookingInput([room.roomId, ...(options.otherRooms ?? []).map((r) => r.roomId)], start, end, { ...(options.title ? { title: options.title } : {}), ...(options.participants ? { participants: options.participants } : {}) }) },
    options.headers,
  );
  if (res.data?.book.reservation.status !== 'CONFIRMED') throw new Error(`booking failed: ${JSON.stringify(res.errors ?? res.data)}`);
  return { id: res.data.book.reservation.id, accessToken: res.data.book.accessToken, start: new Date(start).getTime(), end: new Date(end).getTime(), roomId: room.roomId, pointId: room.pointId };
}

/**
 * Moves the meetings' clock (MeetingClock) to `at` and runs one lifecycle pass: the bridge opens
 * from start − 10 min, warns from end − 5 min, closes from end + grace. Tokens and the join page
 * read the same clock. Returns a setter for later moves; `restore()` gives the real time back.
 */
export function meetingClock(api: TestApi) {
  const clock = api.app.get(MeetingClock);
  const meetings = api.app.get(MeetingsService);
  let spy: jest.SpyInstance<number, []> | undefined;
  return {
    async at(ms: number): Promise<void> {
      spy ??= jest.spyOn(clock, 'now');
      spy.mockReturnValue(ms);
      await meetings.tick();
    },
    restore(): void {
      spy?.mockRestore();
      spy = undefined;
    },
  };
}

/** The media server of the API under test (worker pids for kill tests, stats). */
export const mediaOf = (api: TestApi): MediaServer => api.app.get(MediaServer);

export const CREATE_JOIN_LINK = `mutation($r: ID!, $n: String!, $role: MeetingRole, $t: String) {
  createJoinLink(reservationId: $r, name: $n, role: $role, accessToken: $t) { url token validFrom validUntil }
}`;

export interface JoinLinkData {
  url: string;
  token: string;
  validFrom: string;
  validUntil: string;
}

/** A join link through GraphQL, as the organiser (access token) unless headers are given. */
export async function createJoinLink(api: TestApi, meeting: BookedMeeting, name: string, role: 'HOST' | 'ROOM' | 'GUEST' = 'GUEST', headers?: Record<string, string>): Promise<JoinLinkData> {
  const res = await api.gql<{ createJoinLink: JoinLinkData }>(CREATE_JOIN_LINK, { r: meeting.id, n: name, role, t: headers ? undefined : meeting.accessToken }, headers);
  if (!res.data?.createJoinLink) throw new Error(`createJoinLink failed: ${JSON.stringify(res.errors)}`);
  return res.data.createJoinLink;
}

type Failure = Extract<ServerResponse, { ok: false }>;
export type Reply<M extends RequestMethod> = { id: number; ok: true; data: RequestMap[M]['response'] } | Failure;

/**
 * A node client of the signalling protocol (what the join page does, without media): `request`
 * sends a frame and resolves with its answer (ok or not); notifications are kept in order.
 */
export class SignallingTestClient {
  readonly notifications: ServerNotification[] = [];
  /** Answers with no request id (TOO_LARGE, binary frames…). */
  readonly unsolicited: ServerResponse[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: ServerResponse) => void>();
  private readonly watchers: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerResponse | ServerNotification;
      if ('notification' in message) this.notifications.push(message);
      else if (message.id !== null && this.waiting.has(message.id)) {
        this.waiting.get(message.id)!(message);
        this.waiting.delete(message.id);
      } else this.unsolicited.push(message);
      for (const watch of this.watchers.splice(0)) watch();
    });
  }

  static async connect(api: { url: string }, query = ''): Promise<SignallingTestClient> {
    const ws = new WebSocket(`${api.url.replace(/^http/, 'ws')}${SIGNALLING_PATH}${query}`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new SignallingTestClient(ws);
  }

  request<M extends RequestMethod>(method: M, data: RequestMap[M]['request'], timeoutMs = 10_000): Promise<Reply<M>> {
    const id = this.nextId++;
    return this.sendRaw(JSON.stringify({ id, method, data }), id, timeoutMs) as Promise<Reply<M>>;
  }

  /** Sends any text and waits for the answer with request id `id`. */
  sendRaw(frame: string | Buffer, id: number, timeoutMs = 10_000): Promise<ServerResponse> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to request ${id} within ${timeoutMs} ms`)), timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.ws.send(frame);
    });
  }

  /** Sends a frame and waits for the next answer without a request id. */
  async sendExpectingUnsolicited(frame: string | Buffer, options: { binary?: boolean } = {}, timeoutMs = 10_000): Promise<ServerResponse> {
    const before = this.unsolicited.length;
    this.ws.send(frame, { binary: options.binary ?? false });
    await this.until(() => this.unsolicited.length > before, timeoutMs);
    return this.unsolicited[before];
  }

  async join(token: string): Promise<Reply<'join'>> {
    return this.request('join', { token });
  }

  async waitFor<N extends NotificationName>(name: N, timeoutMs = 10_000): Promise<Extract<ServerNotification, { notification: N }>> {
    await this.until(() => this.notifications.some((n) => n.notification === name), timeoutMs);
    return this.notifications.find((n) => n.notification === name) as Extract<ServerNotification, { notification: N }>;
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close();
  }

  private until(condition: () => boolean, timeoutMs: number): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`condition not met within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (condition()) {
          clearTimeout(timer);
          resolve();
        } else this.watchers.push(check);
      };
      this.watchers.push(check);
    });
  }
}

/** Waits until `probe` returns a truthy value (polling), e.g. an attendance row written after a disconnect. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
