import { Field, ID, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from '../common/json-scalar';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EndpointKind, EndpointProtocol } from '../common/enums';
import { Room } from './room.entity';

/** A room system or device, bound to an adapter. Secrets are write-only: stored encrypted, never exposed. */
@ObjectType()
@Entity('endpoint')
export class Endpoint {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => ID) @Column({ name: 'room_id', type: 'uuid' }) roomId!: string;
  @ManyToOne(() => Room, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'room_id' }) room?: Room;
  @Field() @Column() name!: string;
  @Field(() => EndpointKind) @Column({ type: 'text' }) kind!: EndpointKind;
  @Field(() => EndpointProtocol) @Column({ type: 'text' }) protocol!: EndpointProtocol;
  @Field(() => String, { nullable: true }) @Column({ name: 'sip_uri', type: 'text', nullable: true }) sipUri!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) vendor!: string | null;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) model!: string | null;
  @Field(() => String, { nullable: true }) @Column({ name: 'adapter_id', type: 'text', nullable: true }) adapterId!: string | null;
  @Field(() => GraphQLJSON, { description: 'Non-secret adapter configuration.' })
  @Column({ name: 'adapter_config', type: 'jsonb', default: () => "'{}'" }) adapterConfig!: Record<string, unknown>;
  /** AES-256-GCM ciphertext of the adapter secrets (JSON). Never exposed. */
  @Column({ name: 'adapter_secrets', type: 'text', nullable: true }) adapterSecrets!: string | null;
  @Field(() => [String], { description: 'Names of the secrets that are set (values are write-only).' })
  @Column({ name: 'secret_names', type: 'text', array: true, default: () => "'{}'" }) secretNames!: string[];
}
