import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentActor } from '../auth/actor';
import { CreatePriceListInput, OperatingCostInput, PriceListVersionInput, QuoteInput } from './dtos/tariff.inputs';
import { CostPerCallView, FrozenQuoteView, OperatingCostView, PointTariffs, PriceListView, QuoteView } from './dtos/tariff.outputs';
import { QuotesService } from './quotes.service';
import { TariffsService } from './tariffs.service';
import { AbuseLimits } from '../security/abuse-limits';
import { ClientIp } from '../security/client-ip';

@Resolver()
export class TariffsResolver {
  constructor(
    private readonly tariffsService: TariffsService,
    private readonly quotes: QuotesService,
    private readonly limits: AbuseLimits,
  ) {}

  @Query(() => PointTariffs, { description: 'Public: the tariff of a point — the version in force, upcoming versions and the whole history.' })
  tariffs(@Args('pointId', { type: () => ID }) pointId: string): Promise<PointTariffs> {
    return this.tariffsService.tariffs(pointId);
  }

  @Query(() => QuoteView, { description: 'Public: the price of a draft reservation before booking, every euro explained by a line.' })
  async quote(
    @CurrentActor() actor: Actor,
    @ClientIp() ip: string,
    @Args('input') input: QuoteInput,
    @Args('draft', {
      type: () => PriceListVersionInput,
      nullable: true,
      description: 'Prices with this unpublished version instead of the one in force (the tariff editor’s live preview); its errors come under ["draft", …]. Nothing is written.',
    })
    draft?: PriceListVersionInput,
  ): Promise<QuoteView> {
    await this.limits.anonymous(actor, 'quotePerIp', ip);
    return this.quotes.quote(input, draft ?? undefined);
  }

  @Query(() => FrozenQuoteView, { nullable: true, description: 'The quote frozen when the reservation was confirmed (null: none), for its organiser or its host.' })
  reservationQuote(
    @CurrentActor() actor: Actor,
    @Args('reservationId', { type: () => ID }) reservationId: string,
    @Args('accessToken', { nullable: true }) accessToken?: string,
  ): Promise<FrozenQuoteView | null> {
    return this.quotes.frozen(actor, reservationId, accessToken);
  }

  @Mutation(() => PriceListView, { description: 'Admin of the organisation: a price list for a point, or for all the organisation’s points.' })
  createPriceList(@CurrentActor() actor: Actor, @Args('input') input: CreatePriceListInput): Promise<PriceListView> {
    return this.tariffsService.createPriceList(actor, input);
  }

  @Mutation(() => PriceListView, { description: 'Admin of the organisation: a new immutable version; the previous open-ended one ends where it starts.' })
  publishPriceListVersion(
    @CurrentActor() actor: Actor,
    @Args('priceListId', { type: () => ID }) priceListId: string,
    @Args('input') input: PriceListVersionInput,
  ): Promise<PriceListView> {
    return this.tariffsService.publishVersion(actor, priceListId, input);
  }

  @Mutation(() => OperatingCostView, { description: 'Admin of the organisation: a recurring (monthly) or one-off cost of a point.' })
  addOperatingCost(@CurrentActor() actor: Actor, @Args('input') input: OperatingCostInput): Promise<OperatingCostView> {
    return this.tariffsService.addOperatingCost(actor, input);
  }

  @Mutation(() => Boolean)
  removeOperatingCost(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.tariffsService.removeOperatingCost(actor, id);
  }

  @Query(() => CostPerCallView, { description: 'Admin of the point’s organisation: costs, completed meetings, cost per meeting and revenue, by month and year.' })
  costPerCall(
    @CurrentActor() actor: Actor,
    @Args('pointId', { type: () => ID }) pointId: string,
    @Args('fromMonth') fromMonth: string,
    @Args('toMonth') toMonth: string,
  ): Promise<CostPerCallView> {
    return this.tariffsService.costPerCall(actor, pointId, fromMonth, toMonth);
  }
}
