import { Args, Field, ID, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentActor } from '../auth/actor';
import GraphQLJSON from '../common/json-scalar';
import { secretNames } from '@maillage/core';
import { AdaptersService } from './adapters.service';
import { AdapterHost } from './adapter-host';

@ObjectType('AdapterManifest', { description: 'An installed adapter; configSchema (JSON Schema) drives the admin form, secret properties are write-only.' })
export class AdapterManifestView {
  @Field() id!: string;
  @Field({ description: 'conferencing, endpoint, concierge or notification.' }) kind!: string;
  @Field() version!: string;
  @Field() displayName!: string;
  @Field(() => [String]) capabilities!: string[];
  @Field(() => GraphQLJSON) configSchema!: unknown;
  @Field(() => [String], { description: 'Properties of configSchema passed in `secrets`, never returned.' }) secretNames!: string[];
  @Field(() => [String], { description: 'Events delivered to the adapter.' }) subscribes!: string[];
}

@ObjectType('AdapterHealth')
export class AdapterHealthView {
  @Field({ description: 'up, degraded or down.' }) status!: string;
  @Field(() => String, { nullable: true }) detail?: string | null;
}

@ObjectType('AdapterBinding', { description: 'An adapter bound to a point. Secrets are write-only: only their names are shown.' })
export class AdapterBindingView {
  @Field(() => ID) id!: string;
  @Field(() => ID) pointId!: string;
  @Field() adapterId!: string;
  @Field(() => GraphQLJSON) config!: Record<string, unknown>;
  @Field(() => [String]) secretNames!: string[];
  @Field() enabled!: boolean;
  @Field() createdAt!: Date;
}

@Resolver(() => AdapterBindingView)
export class AdaptersResolver {
  constructor(
    private readonly service: AdaptersService,
    private readonly host: AdapterHost,
  ) {}

  @Query(() => [AdapterManifestView], { description: 'The adapters this platform can bind (public).' })
  adapters(): AdapterManifestView[] {
    return [...this.host.registry.values()].map(({ manifest: m }) => ({
      id: m.id,
      kind: m.kind,
      version: m.version,
      displayName: m.displayName,
      capabilities: m.capabilities,
      configSchema: m.configSchema,
      secretNames: secretNames(m.configSchema),
      subscribes: m.subscribes,
    }));
  }

  @Query(() => [AdapterBindingView], { description: "A point's adapter bindings, with health. Organisation admins of the point." })
  adapterBindings(@CurrentActor() actor: Actor, @Args('pointId', { type: () => ID }) pointId: string): Promise<AdapterBindingView[]> {
    return this.service.bindings(actor, pointId);
  }

  @Mutation(() => AdapterBindingView, { description: 'Binds an adapter to a point. config is checked against the manifest (BAD_USER_INPUT with the field path, nothing written).' })
  bindAdapter(
    @CurrentActor() actor: Actor,
    @Args('pointId', { type: () => ID }) pointId: string,
    @Args('adapterId') adapterId: string,
    @Args('config', { type: () => GraphQLJSON }) config: unknown,
    @Args('secrets', { type: () => GraphQLJSON, nullable: true, description: 'Write-only: { name: value } for the secret properties.' }) secrets?: unknown,
  ): Promise<AdapterBindingView> {
    return this.service.bind(actor, pointId, adapterId, config, secrets);
  }

  @Mutation(() => Boolean, { description: 'Removes a binding; its adapter instance is disposed on every API process.' })
  unbindAdapter(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.unbind(actor, id);
  }

  @ResolveField(() => AdapterHealthView)
  async health(@Parent() binding: AdapterBindingView): Promise<AdapterHealthView> {
    const h = await this.service.health(binding.id);
    return { status: h.status, detail: h.detail ?? null };
  }
}
