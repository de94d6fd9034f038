/**
 * The host capability a SIP gateway adapter (sip-drachtio) reaches the platform through, as the
 * built-in conferencing adapter reaches its bridge through `BridgeHost`: which meeting a dialled
 * address names and whether it can be joined now, and the media legs of an accepted call (one per
 * negotiated m-line, opened by libs/media on the meeting's bridge). The adapter owns SIP and SDP;
 * the host owns meetings and media.
 */
import type { SipMediaLeg } from '../sip/sdp-negotiation';

/** What a dialled user part (`sip:<meeting-code>@host`) names. */
export type SipMeetingLookup =
  | { status: 'open'; meetingId: string; title?: string }
  /** No such meeting code: 404. */
  | { status: 'unknown' }
  /** Before the joining window (it opens at `opensAt`): 480. */
  | { status: 'too-early'; opensAt: string }
  /** Ended, cancelled, or its bridge closed: 480. */
  | { status: 'closed'; detail: string };

/** Our side of an accepted call's media, for the SDP answer. */
export interface SipLegMedia {
  ip: string;
  /** By the offer's m-line index. */
  legs: Record<number, { port: number; rtcpPort?: number; ssrc?: number }>;
}

export type SipLegEndReason = 'bye' | 'cancel' | 'bridge-closed' | 'failed' | 'shutdown';

export interface SipCallHost {
  lookup(code: string): Promise<SipMeetingLookup>;
  /** Opens the call's media in the meeting; rejects (the call gets a 500/503) when the bridge cannot. */
  openLeg(call: { meetingId: string; callId: string; displayName: string; legs: SipMediaLeg[] }): Promise<SipLegMedia>;
  /** Closes it; closing an unknown or closed call does nothing. */
  closeLeg(callId: string, reason: SipLegEndReason): Promise<void>;
  /**
   * What we send the room system, per kind, after a re-INVITE: false while it holds that stream
   * (a=sendonly or a=inactive on its m-line: hold), true again when it resumes (a=sendrecv).
   */
  setOutbound?(callId: string, outbound: { audio: boolean; video: boolean }): Promise<void>;
  /** The room system asked for a picture refresh (SIP INFO picture_fast_update): a keyframe of what its video leg shows. */
  requestKeyFrame?(callId: string): Promise<void>;
  /** Registers who asks a room system for a fresh picture of its camera (the gateway sends SIP INFO picture_fast_update). */
  onPictureWanted?(listener: (callId: string) => void): void;
  /** The SIP user part of a bridge (its meeting code), for join information. */
  meetingCode(bridgeId: string): Promise<string>;
}

/** Why a call placed by a meeting (dial-out) did not connect, from its final SIP status. */
export type SipDialFailureCause = 'busy' | 'no-answer' | 'declined' | 'not-found' | 'unreachable' | 'incompatible' | 'meeting-closed' | 'failed';

export type SipDialOutcome = { ok: true; callId: string } | { ok: false; status: number; cause: SipDialFailureCause; reason: string };

/** An OPTIONS ping's answer: 408 when nothing answered in time. */
export interface SipOptionsResult {
  status: number;
  rttMs: number;
  reason: string;
}

/**
 * What a SIP gateway offers the platform and room-system drivers (context.sipAgent of an endpoint
 * adapter such as endpoint-sip): calls placed by a meeting toward a SIP address, and OPTIONS pings.
 */
export interface SipUserAgent {
  /**
   * The meeting calls `to`; `meeting` is what a room system would dial: the meeting's code (the user
   * part of its SIP address, e.g. MLG-0000042) or its bridge id. Delayed offer: the INVITE carries no SDP, the callee's
   * 200 carries the offer and our ACK the answer, so the codecs are negotiated as for a dial-in.
   * Resolves once answered and its media open, or with the failure (busy, no answer within
   * ringTimeoutMs, …): a SIP failure never rejects.
   */
  dialOut(call: { meeting: string; to: string; displayName: string; ringTimeoutMs?: number }): Promise<SipDialOutcome>;
  /** OPTIONS to `uri` (reachability, round-trip time). */
  options(uri: string, timeoutMs?: number): Promise<SipOptionsResult>;
  /** Hangs a call up (BYE); unknown or ended calls: nothing. */
  hangUpCall(callId: string): Promise<void>;
  /** Whether the call is still up. */
  callActive(callId: string): boolean;
}

/** The failure cause of a final SIP status to an INVITE. */
export function sipDialFailureCause(status: number): SipDialFailureCause {
  if (status === 486 || status === 600) return 'busy';
  if (status === 408 || status === 480 || status === 487) return 'no-answer';
  if (status === 603 || status === 403) return 'declined';
  if (status === 404 || status === 604 || status === 484) return 'not-found';
  if (status === 488 || status === 606 || status === 415) return 'incompatible';
  if (status === 503 || status === 502 || status === 504) return 'unreachable';
  return 'failed';
}
