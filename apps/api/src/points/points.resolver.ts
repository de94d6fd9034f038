import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { forbidden, frenchPublicHolidays, invalidInput, isOpenAt, nextOpenings } from '@maillage/core';
import { type Actor, canActFor, CurrentActor } from '../auth/actor';
import { Role } from '../common/enums';
import type { Loaders } from '../common/loaders';
import { paginate, PageArgs } from '../common/pagination';
import { Organisation } from '../organisations/organisation.entity';
import { OpeningSchedule, OpeningScheduleInput, OpenInterval, OpenState, PublicHolidayView } from './dtos/opening-schedule.types';
import { CreatePointInput, PointFilter, UpdatePointInput } from './dtos/point.inputs';
import { NetworkSummary, PointSearchConnection } from './dtos/point.outputs';
import { Point } from './point.entity';
import { PointsQueryService } from './points-query.service';
import { PointsService } from './points.service';
import { Room } from './room.entity';

/** Private fields are readable by the point's own organisation (and network admins) only. */
function assertPrivateAccess(actor: Actor, point: Point): void {
  if (!canActFor(actor, point.organisationId, Role.POINT_OPERATOR)) throw forbidden('Private field of another organisation’s point');
}

@Resolver(() => Point)
export class PointsResolver {
  constructor(
    private readonly queries: PointsQueryService,
    private readonly commands: PointsService,
  ) {}

  @Query(() => PointSearchConnection, { description: 'The public directory: points with filters, nearest first when `near` is given.' })
  async points(@Args('filter', { nullable: true }) filter: PointFilter, @Args() page: PageArgs): Promise<PointSearchConnection> {
    return paginate(await this.queries.search(filter ?? {}), page);
  }

  @Query(() => Point)
  point(@Args('id', { type: () => ID }) id: string): Promise<Point> {
    return this.queries.get(id);
  }

  @Query(() => NetworkSummary)
  async networkSummary(): Promise<NetworkSummary> {
    const s = await this.queries.summary(Date.now());
    return {
      organisations: s.organisations,
      activePoints: s.active_points,
      onHoldPoints: s.on_hold_points,
      dismantledPoints: s.dismantled_points,
      accessiblePoints: s.accessible_points,
      rooms: s.rooms,
      seats: s.seats,
      openNow: s.open_now,
    };
  }

  @ResolveField(() => Organisation)
  async organisation(@Parent() point: Point, @Context('loaders') loaders: Loaders): Promise<Organisation | undefined> {
    return loaders.organisation.load(point.organisationId);
  }

  @ResolveField(() => [Room])
  rooms(@Parent() point: Point, @Context('loaders') loaders: Loaders): Promise<Room[]> {
    return loaders.roomsByPoint.load(point.id);
  }

  @ResolveField(() => OpeningSchedule)
  openingSchedule(@Parent() point: Point): OpeningSchedule {
    return point.openingSchedule as OpeningSchedule;
  }

  @ResolveField(() => OpenState, { description: 'Is the point open at this instant (default: now)?' })
  isOpenAt(@Parent() point: Point, @Args('at', { type: () => Date, nullable: true }) at?: Date): OpenState {
    const state = isOpenAt(point.openingSchedule, (at ?? new Date()).getTime());
    return { open: state.open, onRequest: state.onRequest, closesAt: state.closesAt !== undefined ? new Date(state.closesAt) : null };
  }

  @ResolveField(() => [OpenInterval], { description: 'The next opening intervals from an instant (default: now).' })
  nextOpenings(
    @Parent() point: Point,
    @Args('count', { type: () => Int, defaultValue: 5 }) count: number,
    @Args('from', { type: () => Date, nullable: true }) from?: Date,
  ): OpenInterval[] {
    if (count < 1 || count > 50) throw invalidInput(['count'], 'count must be between 1 and 50');
    return nextOpenings(point.openingSchedule, (from ?? new Date()).getTime(), count).map((i) => ({
      start: new Date(i.start),
      end: new Date(i.end),
      onRequest: i.onRequest,
    }));
  }

  @ResolveField(() => [PublicHolidayView], { description: 'The public holidays of a year in the point’s holiday calendar (shown by the opening-hours editor).' })
  publicHolidays(@Parent() point: Point, @Args('year', { type: () => Int }) year: number): PublicHolidayView[] {
    return frenchPublicHolidays(year, point.openingSchedule.holidayCalendar ?? 'metropole');
  }

  @ResolveField(() => String, { nullable: true, description: 'Private: the fixed IP of the line.' })
  fixedIp(@Parent() point: Point, @CurrentActor() actor: Actor): string | null {
    assertPrivateAccess(actor, point);
    return point.fixedIp;
  }

  @ResolveField(() => String, { nullable: true, description: 'Private: notes for the host’s staff.' })
  internalNotes(@Parent() point: Point, @CurrentActor() actor: Actor): string | null {
    assertPrivateAccess(actor, point);
    return point.internalNotes;
  }

  @Mutation(() => Point)
  createPoint(@CurrentActor() actor: Actor, @Args('input') input: CreatePointInput): Promise<Point> {
    return this.commands.create(actor, input);
  }

  @Mutation(() => Point)
  updatePoint(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdatePointInput): Promise<Point> {
    return this.commands.update(actor, id, input);
  }

  @Mutation(() => Point, { description: 'Replaces the weekly rules, dated exceptions and holiday rule of a point.' })
  setOpeningHours(
    @CurrentActor() actor: Actor,
    @Args('pointId', { type: () => ID }) pointId: string,
    @Args('schedule') schedule: OpeningScheduleInput,
  ): Promise<Point> {
    return this.commands.setOpeningHours(actor, pointId, schedule);
  }
}
