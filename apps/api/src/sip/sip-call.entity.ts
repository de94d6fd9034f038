import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SipDialFailureCause } from '@maillage/core';

/** dialling: an INVITE is out; retrying: waiting for the next attempt; connected: answered, in the meeting; ended: hung up; failed: given up; cancelled: stopped by an operator or the meeting closing before it connected. */
export type SipCallStatus = 'dialling' | 'retrying' | 'connected' | 'ended' | 'failed' | 'cancelled';

/** A call a meeting places toward a SIP participant of its reservation or a room's SIP endpoint without a driver. */
@Entity('sip_call')
export class SipCallRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'reservation_id', type: 'uuid' }) reservationId!: string;
  /** The reservation_participant called (kind SIP), or null for an endpoint. */
  @Column({ name: 'participant_id', type: 'uuid', nullable: true }) participantId!: string | null;
  @Column({ name: 'endpoint_id', type: 'uuid', nullable: true }) endpointId!: string | null;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ name: 'sip_uri', type: 'text' }) sipUri!: string;
  @Column({ type: 'text', default: 'out' }) direction!: 'out';
  @Column({ type: 'text' }) status!: SipCallStatus;
  /** Attempts of the current round (a redial or "call again" starts a new round). */
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  /** The last attempt's final SIP status (200 when answered). */
  @Column({ name: 'sip_status', type: 'integer', nullable: true }) sipStatus!: number | null;
  @Column({ type: 'text', nullable: true }) cause!: SipDialFailureCause | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'call_id', type: 'text', nullable: true }) callId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true }) lastAttemptAt!: Date | null;
  @Column({ name: 'connected_at', type: 'timestamptz', nullable: true }) connectedAt!: Date | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
}
