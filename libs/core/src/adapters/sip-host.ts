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
  /** The room system asked for a picture refresh (SIP INFO picture_fast_update): a keyframe of what its video leg shows. */
  requestKeyFrame?(callId: string): Promise<void>;
  /** The SIP user part of a bridge (its meeting code), for join information. */
  meetingCode(bridgeId: string): Promise<string>;
}
