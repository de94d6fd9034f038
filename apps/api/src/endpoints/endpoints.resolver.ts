import { Args, Field, ID, Int, Mutation, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, CurrentActor } from '../auth/actor';
import { AdapterHost } from '../adapters/adapter-host';
import { Endpoint } from '../points/endpoint.entity';
import { PreflightResultView, resultsOfEndpoint } from '../preflight/preflight-results';
import { EndpointsService, type LiveStatus } from './endpoints.service';

@ObjectType('EndpointPeripheral')
export class EndpointPeripheralView {
  @Field() name!: string;
  @Field() type!: string;
  @Field() connected!: boolean;
}

@ObjectType('EndpointLiveStatus', { description: 'What the room system’s driver last reported.' })
export class EndpointLiveStatusView {
  @Field({ description: 'idle, in-call, connecting, standby, offline or error (the shared enum every driver maps onto).' }) state!: string;
  @Field(() => String, { nullable: true }) callRemote!: string | null;
  @Field(() => Boolean, { nullable: true }) cameraOn!: boolean | null;
  @Field(() => Boolean, { nullable: true }) microphoneMuted!: boolean | null;
  @Field(() => [EndpointPeripheralView]) peripherals!: EndpointPeripheralView[];
  @Field(() => String, { nullable: true, description: 'The vendor’s own word for the state.' }) vendorState!: string | null;
  @Field(() => String, { nullable: true }) detail!: string | null;
  @Field() at!: Date;
}

@ObjectType('EndpointDriver', { description: 'The adapter driving a room system.' })
export class EndpointDriverView {
  @Field() id!: string;
  @Field() displayName!: string;
  @Field() version!: string;
  @Field(() => [String]) capabilities!: string[];
}

const view = (s: LiveStatus | null): EndpointLiveStatusView | null =>
  s && { state: s.state, callRemote: s.callRemote, cameraOn: s.cameraOn, microphoneMuted: s.microphoneMuted, peripherals: s.peripherals, vendorState: s.vendorState ?? null, detail: s.detail ?? null, at: s.at };

/** Room systems: their driver, live status and tests (the endpoint itself is reached through its room, scoped there). */
@Resolver(() => Endpoint)
export class EndpointsResolver {
  constructor(
    private readonly endpoints: EndpointsService,
    private readonly host: AdapterHost,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @ResolveField(() => EndpointDriverView, { nullable: true, description: 'Null when no driver of kind endpoint is configured or installed.' })
  driver(@Parent() e: Endpoint): EndpointDriverView | null {
    const m = e.adapterId ? this.host.registry.get(e.adapterId)?.manifest : undefined;
    return m?.kind === 'endpoint' ? { id: m.id, displayName: m.displayName, version: m.version, capabilities: m.capabilities } : null;
  }

  @ResolveField(() => EndpointLiveStatusView, { nullable: true, description: 'Null until the driver reported once.' })
  async liveStatus(@Parent() e: Endpoint): Promise<EndpointLiveStatusView | null> {
    return view(await this.endpoints.liveStatus(e.id));
  }

  @ResolveField(() => PreflightResultView, { nullable: true, description: 'The latest test (pre-call round or test now).' })
  async lastTest(@Parent() e: Endpoint): Promise<PreflightResultView | null> {
    return (await resultsOfEndpoint(this.db, e.id, 1))[0] ?? null;
  }

  @ResolveField(() => [PreflightResultView], { description: 'Its tests, newest first.' })
  tests(@Parent() e: Endpoint, @Args('first', { type: () => Int, defaultValue: 10 }) first: number): Promise<PreflightResultView[]> {
    return resultsOfEndpoint(this.db, e.id, Math.min(Math.max(first, 1), 50));
  }

  @Mutation(() => PreflightResultView, { description: '“Tester maintenant”: runs the pre-call test of one room system now (operators of its point).' })
  testEndpointNow(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<PreflightResultView> {
    return this.endpoints.testNow(actor, id);
  }

  @Mutation(() => EndpointLiveStatusView, { nullable: true, description: 'Reads the room system’s status from its driver now.' })
  async refreshEndpointStatus(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<EndpointLiveStatusView | null> {
    return view(await this.endpoints.refresh(actor, id));
  }
}
