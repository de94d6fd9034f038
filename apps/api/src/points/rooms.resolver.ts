import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type BookingPolicy, forbidden } from '@maillage/core';
import { BookingPolicyType } from '../reservations/booking-policy.resolver';
import { type Actor, canActFor, CurrentActor } from '../auth/actor';
import { Role } from '../common/enums';
import { EndpointInput, RoomInput, UpdateRoomInput } from './dtos/point.inputs';
import { Endpoint } from './endpoint.entity';
import { Point } from './point.entity';
import { PointsService } from './points.service';
import { Room } from './room.entity';

@Resolver(() => Room)
export class RoomsResolver {
  constructor(
    private readonly points: PointsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  // Nullable: refused to another organisation, the field alone is null (FORBIDDEN), not the whole point.
  @ResolveField(() => [Endpoint], { nullable: true, description: 'Private to the point’s organisation.' })
  async endpoints(@Parent() room: Room, @CurrentActor() actor: Actor): Promise<Endpoint[]> {
    const point = await this.db.getRepository(Point).findOne({ where: { id: room.pointId }, select: { id: true, organisationId: true } });
    if (!point || !canActFor(actor, point.organisationId, Role.POINT_OPERATOR)) throw forbidden('Endpoints of another organisation’s room');
    return this.db.getRepository(Endpoint).find({ where: { roomId: room.id }, order: { name: 'ASC' } });
  }

  @ResolveField(() => BookingPolicyType, { nullable: true, description: 'The room’s own booking rules; null: the point’s apply.' })
  bookingPolicy(@Parent() room: Room): BookingPolicy | null {
    return room.bookingPolicy;
  }

  @Mutation(() => Room)
  addRoom(@CurrentActor() actor: Actor, @Args('pointId', { type: () => ID }) pointId: string, @Args('input') input: RoomInput): Promise<Room> {
    return this.points.addRoom(actor, pointId, input);
  }

  @Mutation(() => Room)
  updateRoom(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateRoomInput): Promise<Room> {
    return this.points.updateRoom(actor, id, input);
  }

  @Mutation(() => Boolean)
  removeRoom(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.points.removeRoom(actor, id);
  }

  @Mutation(() => Endpoint, { description: 'Adds a room system; adapterSecrets are stored encrypted and never readable.' })
  addEndpoint(@CurrentActor() actor: Actor, @Args('roomId', { type: () => ID }) roomId: string, @Args('input') input: EndpointInput): Promise<Endpoint> {
    return this.points.addEndpoint(actor, roomId, input);
  }

  @Mutation(() => Endpoint)
  updateEndpoint(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input') input: EndpointInput): Promise<Endpoint> {
    return this.points.updateEndpoint(actor, id, input);
  }
}
