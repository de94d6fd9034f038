import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { BookingPolicy } from '@maillage/core';
import { Point } from './point.entity';

@ObjectType()
@Entity('room')
export class Room {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => ID) @Column({ name: 'point_id', type: 'uuid' }) pointId!: string;
  @ManyToOne(() => Point, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'point_id' }) point?: Point;
  @Field() @Column() name!: string;
  @Field(() => Int) @Column({ type: 'integer' }) capacity!: number;
  @Field({ description: 'Dedicated to videoconference, or shared with other uses (host blocks).' })
  @Column({ default: true }) dedicated!: boolean;
  @Field(() => [String]) @Column({ type: 'text', array: true, default: () => "'{}'" }) equipment!: string[];
  /** Overrides the point's booking policy for this room. */
  @Column({ name: 'booking_policy', type: 'jsonb', nullable: true }) bookingPolicy!: BookingPolicy | null;
}
