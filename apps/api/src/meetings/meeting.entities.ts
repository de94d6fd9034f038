import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ParticipantRole } from '@maillage/media';

export type MeetingCloseReason = 'ended' | 'cancelled' | 'closed-by-operator';
export type LeftReason = 'left' | 'disconnected' | 'replaced' | 'meeting-closed' | 'server-stopped';

/** The bridge of one reservation: opened (through which conferencing adapter), warned, closed. */
@Entity('meeting')
export class MeetingRow {
  @PrimaryColumn({ name: 'reservation_id', type: 'uuid' }) reservationId!: string;
  @Column({ type: 'text' }) status!: 'OPEN' | 'CLOSED';
  @Column({ name: 'adapter_id', type: 'text' }) adapterId!: string;
  @Column({ name: 'binding_id', type: 'uuid', nullable: true }) bindingId!: string | null;
  @Column({ name: 'bridge_id', type: 'text' }) bridgeId!: string;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  /** The end time `meeting.ending-soon` was sent for (a later extension warns again). */
  @Column({ name: 'ending_soon_for', type: 'timestamptz', nullable: true }) endingSoonFor!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'close_reason', type: 'text', nullable: true }) closeReason!: MeetingCloseReason | null;
}

/** One participant's presence: a row per join, closed when they leave or are disconnected. */
@Entity('meeting_attendance')
export class MeetingAttendanceRow {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ name: 'reservation_id', type: 'uuid' }) reservationId!: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) role!: ParticipantRole;
  @Column({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
  @Column({ name: 'left_at', type: 'timestamptz', nullable: true }) leftAt!: Date | null;
  /** `failed`: a call the meeting placed (dial-out) that never connected; joined_at = left_at = when it gave up. */
  @Column({ name: 'left_reason', type: 'text', nullable: true }) leftReason!: LeftReason | 'failed' | null;
  /** A failed dial-out's cause (busy, no-answer, not-found…). */
  @Column({ name: 'sip_cause', type: 'text', nullable: true }) sipCause!: string | null;
  /** How they joined: a browser (WebRTC) or a room system over SIP. */
  @Column({ type: 'text', default: 'browser' }) channel!: 'browser' | 'sip';
}
