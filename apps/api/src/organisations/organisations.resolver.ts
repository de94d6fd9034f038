import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentActor } from '../auth/actor';
import { CreateOrganisationInput, UpdateOrganisationInput } from './dtos/organisation.inputs';
import { Organisation } from './organisation.entity';
import { OrganisationsService } from './organisations.service';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => [Organisation], { description: 'Every organisation of the network (public directory data).' })
  organisations(): Promise<Organisation[]> {
    return this.service.list();
  }

  @Query(() => Organisation)
  organisation(@Args('id', { type: () => ID }) id: string): Promise<Organisation> {
    return this.service.get(id);
  }

  @Mutation(() => Organisation, { description: 'Network admins only.' })
  createOrganisation(@CurrentActor() actor: Actor, @Args('input') input: CreateOrganisationInput): Promise<Organisation> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Organisation)
  updateOrganisation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateOrganisationInput): Promise<Organisation> {
    return this.service.update(actor, id, input);
  }
}
