import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentActor } from '../auth/actor';
import type { Connection } from '../common/pagination';
import { PageArgs } from '../common/pagination';
import { Incident } from './incident.entity';
import { IncidentConnection, IncidentFilter, IncidentsService, ResolveIncidentArgs } from './incidents.service';

@Resolver(() => Incident)
export class IncidentsResolver {
  constructor(private readonly service: IncidentsService) {}

  @Query(() => IncidentConnection, { description: "Incidents of the caller's points (network admins: all), newest first. Point operators and above." })
  incidents(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgs,
    @Args('filter', { type: () => IncidentFilter, nullable: true }) filter?: IncidentFilter,
  ): Promise<Connection<Incident>> {
    return this.service.list(actor, filter ?? {}, page);
  }

  @Mutation(() => Incident, { description: 'Marks an open incident resolved (CONFLICT when it already is). Operators of one of its points.' })
  resolveIncident(@CurrentActor() actor: Actor, @Args() args: ResolveIncidentArgs): Promise<Incident> {
    return this.service.resolve(actor, args.id, args.resolution);
  }
}
