import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { BookingPolicy, OpeningSchedule } from '@maillage/core';
import { AccessPolicy, HostSiteType, NetworkLine, PointStatus } from '../common/enums';
import { Organisation } from '../organisations/organisation.entity';
import type { Room } from './room.entity';

/**
 * A public videoconference point. Fields without @Field (fixedIp, internalNotes) or resolved by
 * field resolvers (rooms' endpoints, openingSchedule) are governed by points.resolver.ts.
 */
@ObjectType()
@Entity('point')
export class Point {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => ID) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'organisation_id' }) organisation?: Organisation;
  @Field() @Column({ unique: true }) slug!: string;
  @Field() @Column() name!: string;
  @Field(() => HostSiteType) @Column({ name: 'host_site_type', type: 'text' }) hostSiteType!: HostSiteType;
  @Field(() => AccessPolicy) @Column({ name: 'access_policy', type: 'text' }) accessPolicy!: AccessPolicy;
  @Field() @Column() address!: string;
  @Field() @Column() postcode!: string;
  @Field() @Column() town!: string;
  @Field(() => Float) @Column({ type: 'double precision' }) latitude!: number;
  @Field(() => Float) @Column({ type: 'double precision' }) longitude!: number;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Field({ description: 'IANA time zone in which opening hours are read.' }) @Column({ name: 'time_zone', default: 'Europe/Paris' }) timeZone!: string;
  @Field() @Column({ name: 'accessible_reduced_mobility', default: false }) accessibleReducedMobility!: boolean;
  @Field() @Column({ name: 'independent_entrance', default: false }) independentEntrance!: boolean;
  @Field() @Column({ name: 'reception_on_site', default: false }) receptionOnSite!: boolean;
  @Field() @Column({ name: 'technician_on_site', default: false }) technicianOnSite!: boolean;
  @Field(() => NetworkLine) @Column({ name: 'network_line', type: 'text' }) networkLine!: NetworkLine;
  @Field(() => Int, { description: 'Guaranteed bandwidth each way, kbit/s (at least 512).' })
  @Column({ name: 'bandwidth_kbps', type: 'integer' }) bandwidthKbps!: number;
  /** Private: the fixed IP of the line. */
  @Column({ name: 'fixed_ip', type: 'text', nullable: true }) fixedIp!: string | null;
  /** Private: notes of the host for its staff. */
  @Column({ name: 'internal_notes', type: 'text', nullable: true }) internalNotes!: string | null;
  @Field(() => PointStatus) @Column({ type: 'text', default: PointStatus.ACTIVE }) status!: PointStatus;
  @Field(() => String, { nullable: true, description: 'Rules of use (règlement intérieur).' })
  @Column({ name: 'rules_of_use', type: 'text', nullable: true }) rulesOfUse!: string | null;
  @Column({ name: 'opening_schedule', type: 'jsonb' }) openingSchedule!: OpeningSchedule;
  /** Booking rules for every room of the point (a room may override them); null: the platform default. */
  @Column({ name: 'booking_policy', type: 'jsonb', nullable: true }) bookingPolicy!: BookingPolicy | null;
  @OneToMany('Room', 'point') rooms?: Room[];
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field() @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
