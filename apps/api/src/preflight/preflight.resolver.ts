import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Reservation } from '../reservations/reservation.entity';
import { latestResultsOfReservation, PreflightResultView } from './preflight-results';

/** The pre-call test on a reservation (whoever may read the reservation may read its results). */
@Resolver(() => Reservation)
export class PreflightResolver {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @ResolveField(() => [PreflightResultView], { description: 'The latest pre-call test of each room system of its rooms (T-30, then T-15); empty before.' })
  preflight(@Parent() r: Reservation): Promise<PreflightResultView[]> {
    return latestResultsOfReservation(this.db, r.id);
  }
}
