import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import GraphQLJSON from '../common/json-scalar';

export enum IncidentSeverity {
  WARNING = 'warning',
  FAILURE = 'failure',
}
registerEnumType(IncidentSeverity, { name: 'IncidentSeverity', description: 'warning: worth a look, the meeting can go on; failure: something did not work.' });

/** Whatever went wrong under a meeting, a point or a room system (see migration 1796283000000-incidents). */
@ObjectType()
@Entity('incident')
export class Incident {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field({ description: "'<area>.<what>', e.g. 'media.worker-died', 'sip.call-failed', 'endpoint.preflight-failed'." }) @Column({ type: 'text' }) kind!: string;
  @Field(() => IncidentSeverity) @Column({ type: 'text' }) severity!: IncidentSeverity;
  @Field({ description: "Who reported it: 'media', an adapter id, 'preflight'." }) @Column({ type: 'text' }) source!: string;
  @Field({ description: "Machine-readable cause, e.g. 'worker-died', 'sip-486', 'no-answer'." }) @Column({ type: 'text' }) cause!: string;
  @Field() @Column({ type: 'text' }) detail!: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'reservation_id', type: 'uuid', nullable: true }) reservationId!: string | null;
  @Field(() => [ID]) @Column({ name: 'point_ids', type: 'uuid', array: true }) pointIds!: string[];
  @Field(() => ID, { nullable: true }) @Column({ name: 'endpoint_id', type: 'uuid', nullable: true }) endpointId!: string | null;
  @Field(() => GraphQLJSON, { description: 'What the source recorded with it (a SIP cause code, a worker pid, a diagnostics report).' })
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Field() @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Field(() => Date, { nullable: true }) @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) resolution!: string | null;
  @Column({ name: 'resolved_by', type: 'text', nullable: true }) resolvedBy!: string | null;
  @Column({ name: 'dedupe_key', type: 'text', nullable: true }) dedupeKey!: string | null;
}
