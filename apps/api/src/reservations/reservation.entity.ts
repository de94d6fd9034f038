import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export enum ReservationStatus {
  /** An anonymous booking holding its slot until its organiser confirms it from the e-mail (or the hold expires). */
  HELD = 'HELD',
  /** A hold nobody confirmed in time: its slot is free again. */
  EXPIRED = 'EXPIRED',
  REQUESTED = 'REQUESTED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  COMPLETED = 'COMPLETED',
  NO_SHOW = 'NO_SHOW',
}
export enum RequesterCategory {
  COMPANY = 'COMPANY',
  ASSOCIATION = 'ASSOCIATION',
  PUBLIC_SERVICE = 'PUBLIC_SERVICE',
  INDIVIDUAL = 'INDIVIDUAL',
  INTERNAL = 'INTERNAL',
}
export enum Purpose {
  COORDINATION = 'COORDINATION',
  ADMINISTRATION = 'ADMINISTRATION',
  TECHNICAL_FOLLOW_UP = 'TECHNICAL_FOLLOW_UP',
  TRAINING = 'TRAINING',
  CLIENT_RELATIONS = 'CLIENT_RELATIONS',
  RECRUITMENT = 'RECRUITMENT',
  HEALTH = 'HEALTH',
  EDUCATION = 'EDUCATION',
  CULTURE = 'CULTURE',
  OTHER = 'OTHER',
}
export enum ParticipantKind {
  SIP = 'SIP',
  WEB_GUEST = 'WEB_GUEST',
  PHONE = 'PHONE',
}
export enum ReservationOutcome {
  COMPLETED = 'COMPLETED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(ReservationStatus, { name: 'ReservationStatus' });
registerEnumType(ReservationOutcome, { name: 'ReservationOutcome' });
registerEnumType(RequesterCategory, { name: 'RequesterCategory' });
registerEnumType(Purpose, { name: 'Purpose' });
registerEnumType(ParticipantKind, { name: 'ParticipantKind' });

/** Statuses whose rooms stay held (their room_slot rows are active). */
export const HOLDING_STATUSES: ReadonlySet<ReservationStatus> = new Set([ReservationStatus.HELD, ReservationStatus.REQUESTED, ReservationStatus.CONFIRMED]);

@ObjectType()
@Entity('reservation')
export class Reservation {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field({ description: 'Human reference, e.g. MLG-0000042.' }) @Column({ insert: false, update: false }) reference!: string;
  @Field() @Column() title!: string;
  @Column({ name: 'organiser_name' }) organiserName!: string;
  @Column({ name: 'organiser_email' }) organiserEmail!: string;
  @Column({ name: 'organiser_phone', type: 'text', nullable: true }) organiserPhone!: string | null;
  @Field(() => RequesterCategory) @Column({ name: 'requester_category', type: 'text' }) requesterCategory!: RequesterCategory;
  @Column({ name: 'requester_postcode', type: 'text', nullable: true }) requesterPostcode!: string | null;
  @Field({ description: 'Requester inside the host organisation’s territory.' }) @Column({ name: 'in_territory' }) inTerritory!: boolean;
  @Field(() => Purpose) @Column({ type: 'text' }) purpose!: Purpose;
  @Field(() => Date) @Column({ name: 'start_at', type: 'timestamptz' }) start!: Date;
  @Field(() => Date) @Column({ name: 'end_at', type: 'timestamptz' }) end!: Date;
  @Field(() => ReservationStatus) @Column({ type: 'text' }) status!: ReservationStatus;
  @Field(() => ID, { nullable: true }) @Column({ name: 'series_id', type: 'uuid', nullable: true }) seriesId!: string | null;
  @Field(() => Int, { nullable: true }) @Column({ name: 'series_index', type: 'integer', nullable: true }) seriesIndex!: number | null;
  @Column({ name: 'access_token_hash' }) accessTokenHash!: string;
  @Column({ name: 'created_by' }) createdBy!: string;
  @Field(() => String, { nullable: true }) @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason!: string | null;
  @Field(() => Int, { description: 'iCalendar SEQUENCE: increases with every change.' }) @Column({ type: 'integer', default: 0 }) sequence!: number;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
  /** The anonymous request this reservation was held with (one e-mail confirms every reservation of it). */
  @Column({ name: 'hold_id', type: 'uuid', nullable: true }) holdId!: string | null;
  @Field(() => Date, { nullable: true, description: 'HELD: the slot is freed at this instant unless the organiser confirms from the e-mail.' })
  @Column({ name: 'hold_expires_at', type: 'timestamptz', nullable: true })
  holdExpiresAt!: Date | null;
  /** HELD: the host must still approve it once confirmed (it becomes REQUESTED, not CONFIRMED). */
  @Column({ name: 'hold_needs_approval', type: 'boolean', nullable: true }) holdNeedsApproval!: boolean | null;
}

@Entity('room_slot')
export class RoomSlot {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'room_id', type: 'uuid' }) roomId!: string;
  /** tstzrange '[start,end)' */
  @Column({ type: 'tstzrange' }) during!: string;
  @Column({ type: 'text' }) kind!: 'RESERVATION' | 'HOST_BLOCK';
  @Column() active!: boolean;
  @Column({ name: 'reservation_id', type: 'uuid', nullable: true }) reservationId!: string | null;
  @Column({ name: 'expected_participants', type: 'integer', nullable: true }) expectedParticipants!: number | null;
  @Column({ name: 'block_source', type: 'text', nullable: true }) blockSource!: string | null;
  @Column({ name: 'block_uid', type: 'text', nullable: true }) blockUid!: string | null;
  @Column({ name: 'block_summary', type: 'text', nullable: true }) blockSummary!: string | null;
}

@ObjectType()
@Entity('reservation_participant')
export class ReservationParticipant {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'reservation_id', type: 'uuid' }) reservationId!: string;
  @Field(() => ParticipantKind) @Column({ type: 'text' }) kind!: ParticipantKind;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'sip_uri', type: 'text', nullable: true }) sipUri!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Postcode of the commune the participant joins from (France); the evaluation counts the trip avoided from there.' })
  @Column({ name: 'origin_postcode', type: 'text', nullable: true }) originPostcode!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166 country the participant joins from, when not France.' })
  @Column({ name: 'origin_country', type: 'text', nullable: true }) originCountry!: string | null;
}

@ObjectType()
@Entity('reservation_change')
export class ReservationChange {
  @Field(() => ID) @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ name: 'reservation_id', type: 'uuid' }) reservationId!: string;
  @Field() @Column() kind!: string;
  @Field() @Column() actor!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'from_start', type: 'timestamptz', nullable: true }) fromStart!: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'from_end', type: 'timestamptz', nullable: true }) fromEnd!: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'to_start', type: 'timestamptz', nullable: true }) toStart!: Date | null;
  @Field(() => Date, { nullable: true }) @Column({ name: 'to_end', type: 'timestamptz', nullable: true }) toEnd!: Date | null;
  @Field() @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}
