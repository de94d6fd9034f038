import { Args, Field, ID, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalidInput, notFound } from '@maillage/core';
import { type Actor, assertCanActFor, CurrentActor, requireSignedIn } from '../auth/actor';
import { Role } from '../common/enums';
import { Point } from '../points/point.entity';
import { HostBlock } from './ical/host-blocks.resolver';
import { Reservation } from './reservation.entity';

const MAX_PERIOD_DAYS = 62;
const MAX_RESERVATIONS = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ObjectType({ description: 'Who booked: shown to the organiser and to the host’s staff (every path to a reservation is one of theirs).' })
export class ReservationOrganiser {
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Postcode of the requester’s commune.' }) postcode!: string | null;
}

@ObjectType({ description: 'What holds the rooms of a point over a period: the operators’ week calendar.' })
export class PointCalendar {
  @Field(() => ID) pointId!: string;
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => [Reservation], { description: 'Reservations overlapping the period, cancelled and rejected ones included, by start.' }) reservations!: Reservation[];
  @Field(() => [HostBlock], { description: 'The host’s own uses of its rooms (manual or imported), by start.' }) hostBlocks!: HostBlock[];
}

interface BlockRow {
  id: string;
  room_id: string;
  start: Date;
  end: Date;
  block_summary: string | null;
  block_source: string;
  block_uid: string;
}

@Resolver(() => Reservation)
export class PointCalendarResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Query(() => PointCalendar, {
    description: 'The reservations and host blocks of a point’s rooms over a period (at most 62 days): its organisation’s operators and admins, network admins.',
  })
  async pointCalendar(
    @CurrentActor() actor: Actor,
    @Args('pointId', { type: () => ID }) pointId: string,
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
  ): Promise<PointCalendar> {
    requireSignedIn(actor); // before any lookup: a visitor learns nothing about ids
    const point = UUID.test(pointId) ? await this.db.getRepository(Point).findOneBy({ id: pointId }) : null;
    if (!point) throw notFound('Point', pointId);
    assertCanActFor(actor, point.organisationId, Role.POINT_OPERATOR);
    if (!(to.getTime() > from.getTime())) throw invalidInput(['to'], 'to must be after from', { messageFr: 'La fin de la période doit suivre son début' });
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * 86_400_000) {
      throw invalidInput(['to'], `At most ${MAX_PERIOD_DAYS} days at once`, { messageFr: `${MAX_PERIOD_DAYS} jours au plus`, details: { maxDays: MAX_PERIOD_DAYS } });
    }
    const reservations = await this.db
      .getRepository(Reservation)
      .createQueryBuilder('r')
      .where(`EXISTS (SELECT 1 FROM room_slot s JOIN room m ON m.id = s.room_id WHERE s.reservation_id = r.id AND m.point_id = :pointId)`, { pointId })
      .andWhere('r.start_at < :to AND r.end_at > :from', { from, to })
      .orderBy('r.start_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .take(MAX_RESERVATIONS)
      .getMany();
    const blocks: BlockRow[] = await this.db.query(
      `SELECT s.id, s.room_id, lower(s.during) AS start, upper(s.during) AS end, s.block_summary, s.block_source, s.block_uid
         FROM room_slot s JOIN room m ON m.id = s.room_id
        WHERE m.point_id = $1 AND s.kind = 'HOST_BLOCK' AND s.active AND s.during && tstzrange($2, $3, '[)')
        ORDER BY lower(s.during), s.id`,
      [pointId, from.toISOString(), to.toISOString()],
    );
    return {
      pointId,
      from,
      to,
      reservations,
      hostBlocks: blocks.map((b) => ({ id: b.id, roomId: b.room_id, start: b.start, end: b.end, summary: b.block_summary, source: b.block_source, uid: b.block_uid })),
    };
  }

  @ResolveField(() => ReservationOrganiser)
  organiser(@Parent() r: Reservation): ReservationOrganiser {
    return { name: r.organiserName, email: r.organiserEmail, phone: r.organiserPhone, postcode: r.requesterPostcode };
  }
}
