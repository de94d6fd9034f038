import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import type { SipCallHost, SipLegEndReason, SipLegMedia, SipMeetingLookup, SipMediaLeg } from '@maillage/core';
import { MediaServer } from '@maillage/media';
import { openIncident } from '../incidents/incidents';
import type { LeftReason } from '../meetings/meeting.entities';
import { type ParticipantSession, MeetingSessions } from '../meetings/meeting-sessions';
import { MeetingsService } from '../meetings/meetings.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Reservation references, e.g. MLG-0000042 (dialled in any case). */
const REFERENCE = /^[a-z]{2,6}-[0-9]{1,12}$/i;

/** A SIP call's participant id in the attendance (a uuid like a browser's): derived from its Call-ID (SHA-1, UUID v5 layout). */
export function sipParticipantId(callId: string): string {
  const hex = createHash('sha1').update(`maillage-sip-call:${callId}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** How a call's end is recorded in the attendance. */
const LEFT_REASON: Record<SipLegEndReason, LeftReason> = { bye: 'left', cancel: 'left', 'bridge-closed': 'meeting-closed', failed: 'disconnected', shutdown: 'server-stopped' };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The platform's meetings as the SIP gateway's host capability (`SipCallHost`, context.sip of the
 * sip-drachtio adapter): the dialled user part is a reservation's reference (or its id), admitted
 * under the join links' rules (MeetingsService.sipAdmission), and an accepted call is one more
 * participant of the meeting: its media legs through `MediaServer.sip`, its presence in
 * MeetingSessions on the sip channel (the `meeting` participants, attendance, participant-joined/-left events). A
 * call whose media cannot be opened opens an incident `sip.call-failed`. When the meeting ends its
 * participants (bridge closed), the gateway hangs the call up (BYE) through `hangUp`.
 */
@Injectable()
export class SipMeetings implements SipCallHost {
  private readonly log = new Logger('SipMeetings');
  private readonly sessions = new Map<string, ParticipantSession>();
  /** SIP participants whose room system holds the call (re-INVITE), by participant id. */
  private readonly held = new Set<string>();
  private readonly legsEnded = new Subject<{ callId: string; reason: SipLegEndReason }>();
  /** Every call's end, with its reason, once its media and presence are closed (dial-out redials a leg that `failed`). */
  readonly legEnded$: Observable<{ callId: string; reason: SipLegEndReason }> = this.legsEnded.asObservable();
  /** Set by the gateway: hangs a call up (BYE, then closeLeg). */
  hangUp?: (callId: string, reason: SipLegEndReason) => Promise<void>;
  /** Test meetings of the pre-call test (preflight/sip-test-call.ts): code → bridge id. Not reservations: no presence, no attendance. */
  private readonly testMeetings = new Map<string, string>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MediaServer) private readonly media: MediaServer,
    private readonly meetings: MeetingsService,
    private readonly presence: MeetingSessions,
  ) {}

  /** Admits `code` as a test meeting on the bridge `meetingId` (opened by the caller) until `removeTestMeeting`. */
  addTestMeeting(code: string, meetingId: string): void {
    this.testMeetings.set(code, meetingId);
  }

  removeTestMeeting(code: string): void {
    this.testMeetings.delete(code);
  }

  private isTestMeeting(meetingId: string): boolean {
    return [...this.testMeetings.values()].includes(meetingId);
  }

  async lookup(code: string): Promise<SipMeetingLookup> {
    const test = this.testMeetings.get(code);
    if (test) return { status: 'open', meetingId: test, title: 'Test de la salle' };
    const id = await this.reservationIdOf(code);
    return id ? this.meetings.sipAdmission(id) : { status: 'unknown' };
  }

  async openLeg(call: { meetingId: string; callId: string; displayName: string; legs: SipMediaLeg[] }): Promise<SipLegMedia> {
    let media: SipLegMedia;
    try {
      media = await this.media.sip.openLeg(call);
    } catch (error) {
      await this.incident(call, error);
      throw error;
    }
    if (this.isTestMeeting(call.meetingId)) return media; // a pre-call test: media only
    let session: ParticipantSession;
    try {
      session = await this.join(call);
    } catch (error) {
      // The adapter answers 503 and forgets the call: its media must not outlive it.
      await this.media.sip.closeLeg(call.callId, 'failed');
      await this.incident(call, error);
      throw error;
    }
    this.sessions.set(call.callId, session);
    return media;
  }

  private async join(call: { meetingId: string; callId: string; displayName: string }): Promise<ParticipantSession> {
    const pointIds = await this.meetings.pointIdsOf(call.meetingId);
    return this.presence.joined(
      call.meetingId,
      { peerId: sipParticipantId(call.callId), name: call.displayName, role: 'room' },
      pointIds,
      () => {
        // The meeting ended its participants (closed): hang up (BYE).
        void this.hangUp?.(call.callId, 'bridge-closed').catch((error: unknown) => this.log.warn(`hanging up SIP call ${call.callId} failed: ${message(error)}`));
      },
      'sip',
    );
  }

  async closeLeg(callId: string, reason: SipLegEndReason): Promise<void> {
    await this.media.sip.closeLeg(callId, reason);
    this.held.delete(sipParticipantId(callId));
    const session = this.sessions.get(callId);
    this.sessions.delete(callId);
    if (session) await this.presence.left(session, LEFT_REASON[reason]);
    this.legsEnded.next({ callId, reason });
  }

  /** The room system held (re-INVITE a=sendonly/inactive) or resumed its streams: the media stops or resumes sending to it; `meeting` shows the hold. */
  async setOutbound(callId: string, outbound: { audio: boolean; video: boolean }): Promise<void> {
    await this.media.sip.setOutbound(callId, outbound);
    const participantId = sipParticipantId(callId);
    if (outbound.audio || outbound.video) this.held.delete(participantId);
    else this.held.add(participantId);
    this.log.log(`SIP call ${callId}: ${outbound.audio || outbound.video ? 'resumed' : 'on hold'}`);
  }

  /** Whether a SIP participant (its attendance id) holds the call now. */
  onHold(participantId: string): boolean {
    return this.held.has(participantId);
  }

  requestKeyFrame(callId: string): Promise<void> {
    return this.media.sip.requestKeyFrame(callId);
  }

  onPictureWanted(listener: (callId: string) => void): void {
    this.media.sip.pictureWanted = listener;
  }

  /** The bridge id is the reservation id: its reference is the address' user part. */
  async meetingCode(bridgeId: string): Promise<string> {
    const test = [...this.testMeetings].find(([, meetingId]) => meetingId === bridgeId);
    if (test) return test[0];
    if (!UUID.test(bridgeId)) throw new Error(`not a bridge id: ${bridgeId}`);
    const [row]: { reference: string }[] = await this.db.query(`SELECT reference FROM reservation WHERE id = $1`, [bridgeId]);
    if (!row) throw new Error(`no reservation ${bridgeId}`);
    return row.reference;
  }

  private async reservationIdOf(code: string): Promise<string | undefined> {
    const value = code.trim();
    if (UUID.test(value)) {
      const [row]: { id: string }[] = await this.db.query(`SELECT id FROM reservation WHERE id = $1`, [value]);
      return row?.id;
    }
    if (!REFERENCE.test(value)) return undefined;
    const [row]: { id: string }[] = await this.db.query(`SELECT id FROM reservation WHERE reference = $1`, [value.toUpperCase()]);
    return row?.id;
  }

  private async incident(call: { meetingId: string; callId: string; displayName: string }, error: unknown): Promise<void> {
    this.log.error(`SIP call ${call.callId} into ${call.meetingId}: media not opened: ${message(error)}`);
    await this.db
      .transaction((em) =>
        openIncident(em, {
          kind: 'sip.call-failed',
          severity: 'failure',
          source: 'sip',
          cause: 'media-unavailable',
          detail: `The SIP call of ${call.displayName} could not join: ${message(error)}`,
          reservationId: call.meetingId,
          data: { callId: call.callId, sipStatus: 503 },
          dedupeKey: `sip.call-failed:${call.callId}`,
        }),
      )
      .catch((failure: unknown) => this.log.error(`incident of SIP call ${call.callId} not recorded: ${message(failure)}`));
  }
}
