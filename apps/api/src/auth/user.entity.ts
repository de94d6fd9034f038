import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../common/enums';

@ObjectType()
@Entity('app_user')
export class User {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field() @Column({ unique: true }) email!: string;
  @Field() @Column({ name: 'display_name' }) displayName!: string;
  /** scrypt$N$r$p$salt$hash */
  @Column({ name: 'password_hash' }) passwordHash!: string;
  @Field(() => Role) @Column({ type: 'text' }) role!: Role;
  @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId!: string | null;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('session')
export class Session {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  /** sha256 of the bearer token; the token itself is never stored. */
  @Column({ name: 'token_hash', unique: true }) tokenHash!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
}

@ObjectType({ description: 'An API key acting for one organisation (sites that integrate through GraphQL).' })
@Entity('api_key')
export class ApiKey {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => ID) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Field() @Column() name!: string;
  @Field({ description: 'First characters of the key, to recognise it.' }) @Column() prefix!: string;
  @Column({ name: 'key_hash', unique: true }) keyHash!: string;
  @Field(() => Role) @Column({ type: 'text' }) role!: Role;
  @Field() @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field(() => Date, { nullable: true }) @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Requests per hour (null: the platform default, API_KEY_QUOTA_PER_HOUR).' })
  @Column({ name: 'quota_per_hour', type: 'integer', nullable: true })
  quotaPerHour!: number | null;
  @Field(() => [String], { description: 'Web origins (https://www.epci.example) allowed to call the API with this key from a browser and to frame the booking widget.' })
  @Column({ name: 'allowed_origins', type: 'text', array: true, default: () => "'{}'" })
  allowedOrigins!: string[];
}
