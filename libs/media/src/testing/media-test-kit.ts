/** Helpers for the media specs: a quiet server, peers that record their notifications, waiting. */
import { MediaServer } from '../media-server';
import type { MeetingBridge } from '../meeting-bridge';
import type { MediaLogger, MediaServerOptions } from '../media-options';
import { SignallingError, type MeetingSnapshot, type NotificationName, type NotificationMap, type ParticipantRole, type PeerInfo, type ServerNotification } from '../protocol';

/** Keeps the log lines (a spec may look at them) instead of printing them. */
export function recordingLogger(): MediaLogger & { lines: string[] } {
  const lines: string[] = [];
  const record = (level: string) => (message: string, details?: object) => void lines.push(`${level} ${message} ${JSON.stringify(details ?? {})}`);
  return { lines, info: record('info'), warn: record('warn'), error: record('error') };
}

/** One worker unless told otherwise; the worker binary from MEDIASOUP_WORKER_BIN (jest's global setup). */
export function testMediaServer(options: MediaServerOptions = {}): MediaServer {
  return new MediaServer({ workers: 1, logger: recordingLogger(), ...options });
}

export function meetingSnapshot(meetingId: string, startsAt = '2026-11-24T09:00:00.000Z'): MeetingSnapshot {
  const start = Date.parse(startsAt);
  const iso = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
  return { meetingId, title: 'Comité de pilotage', startsAt: iso(0), endsAt: iso(60), closesAt: iso(65) };
}

export interface RecordingPeer extends PeerInfo {
  notifications: ServerNotification[];
  /** The data of every notification of that name, in order. */
  received<N extends NotificationName>(name: N): NotificationMap[N][];
  replaced: boolean;
  /** Leaves as this session (a replaced session's leave does nothing). */
  leave(): void;
}

/** Joins the bridge as `peerId` and records what the bridge sends it. */
export function joinAs(bridge: MeetingBridge, peerId: string, role: ParticipantRole = 'guest'): RecordingPeer {
  const notifications: ServerNotification[] = [];
  const send = (notification: ServerNotification) => void notifications.push(notification);
  const peer: RecordingPeer = {
    peerId,
    name: peerId[0].toUpperCase() + peerId.slice(1),
    role,
    notifications,
    received: <N extends NotificationName>(name: N) =>
      notifications.filter((n) => n.notification === name).map((n) => n.data as NotificationMap[N]),
    replaced: false,
    leave: () => bridge.leave(peerId, send),
  };
  bridge.join({ peerId, name: peer.name, role }, send, () => (peer.replaced = true));
  return peer;
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/** Polls `check` every 50 ms until it returns something truthy, and returns that; fails after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 5000): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/** The code of the SignallingError an action fails with, or 'accepted'. Other errors fail the test. */
export async function refusal(action: () => unknown): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (error instanceof SignallingError) return error.code;
    throw error;
  }
  return 'accepted';
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether a process still exists (signal 0 checks without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
