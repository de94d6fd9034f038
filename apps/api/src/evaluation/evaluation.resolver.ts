import { Args, Float, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { invalidInput } from '@maillage/core';
import { type Actor, CurrentActor } from '../auth/actor';
import { CoverageService } from './coverage.service';
import {
  EvaluationFilter, EvaluationMetrics, MeetingRecordPage, OpeningGainView, PublicEvaluationSummary, SurveyAnswerInput, SurveyLink, SurveyView, TerritoryCoverage,
} from './dtos/evaluation.dtos';
import { MeetingRecordsService } from './meeting-records.service';
import { MetricsService } from './metrics.service';
import { RecordsService } from './records.service';
import { SurveyService } from './survey.service';

const pageArgs = (first: number, offset: number) => {
  if (!Number.isInteger(first) || first < 1 || first > 100) throw invalidInput(['first'], 'first must be between 1 and 100', { messageFr: 'Taille de page invalide (1 à 100)' });
  if (!Number.isInteger(offset) || offset < 0 || offset > 1_000_000) throw invalidInput(['offset'], 'offset must be between 0 and 1000000', { messageFr: 'Décalage invalide' });
};

@Resolver()
export class EvaluationResolver {
  constructor(
    private readonly metrics: MetricsService,
    private readonly records: RecordsService,
    private readonly recordWriter: MeetingRecordsService,
    private readonly surveys: SurveyService,
    private readonly coverage: CoverageService,
  ) {}

  @Query(() => EvaluationMetrics, { description: 'Evaluation metrics of a period: the network (network admin), an organisation’s points (its staff), one point.' })
  async evaluationMetrics(@CurrentActor() actor: Actor, @Args('filter') filter: EvaluationFilter): Promise<EvaluationMetrics> {
    return this.metrics.metrics(await this.metrics.scopeFor(actor, filter));
  }

  @Query(() => MeetingRecordPage, { description: 'The meeting records of the caller’s scope, newest first (an organisation sees those touching its points).' })
  async meetingRecords(
    @CurrentActor() actor: Actor,
    @Args('filter') filter: EvaluationFilter,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset: number,
  ): Promise<MeetingRecordPage> {
    pageArgs(first, offset);
    return this.records.list(await this.metrics.scopeFor(actor, filter), first, offset);
  }

  @Query(() => PublicEvaluationSummary, { description: 'The network’s anonymised yearly summary, for anyone.' })
  publicEvaluationSummary(@Args('year', { type: () => Int }) year: number): Promise<PublicEvaluationSummary> {
    return this.metrics.publicSummary(year);
  }

  @Mutation(() => Int, { description: 'Recomputes every meeting record from the state of record (network admins). Returns the number of records.' })
  rebuildMeetingRecords(@CurrentActor() actor: Actor): Promise<number> {
    return this.recordWriter.rebuild(actor);
  }

  @Query(() => SurveyView, { description: 'What a survey link is about (the link is the credential).' })
  survey(@Args('token') token: string): Promise<SurveyView> {
    return this.surveys.view(token);
  }

  @Mutation(() => SurveyView, { description: 'Answers a survey, once per link (CONFLICT the second time).' })
  submitSurvey(@Args('token') token: string, @Args('input') input: SurveyAnswerInput): Promise<SurveyView> {
    return this.surveys.submit(token, input);
  }

  @Query(() => SurveyLink, { description: 'The survey link of a meeting participant, from their join token (the meeting page shows it at the end).' })
  surveyLinkForMeeting(@Args('joinToken') joinToken: string): SurveyLink {
    return this.surveys.linkForMeeting(joinToken);
  }

  @Query(() => TerritoryCoverage, { description: 'Share of the population of Brittany within `radiusKm` of an active point, the communes left out, the best places for a new point.' })
  territoryCoverage(
    @Args('radiusKm', { type: () => Float, defaultValue: 20 }) radiusKm: number,
    @Args('uncoveredLimit', { type: () => Int, defaultValue: 50 }) uncoveredLimit: number,
    @Args('openings', { type: () => Int, defaultValue: 10 }) openings: number,
  ): Promise<TerritoryCoverage> {
    return this.coverage.coverage(radiusKm, Math.max(0, uncoveredLimit), Math.max(0, openings));
  }

  @Query(() => OpeningGainView, { description: 'What opening a point in the commune (INSEE code) would add to the coverage.' })
  coverageIfOpened(@Args('communeCode') communeCode: string, @Args('radiusKm', { type: () => Float, defaultValue: 20 }) radiusKm: number): Promise<OpeningGainView> {
    return this.coverage.ifOpened(communeCode, radiusKm);
  }
}
