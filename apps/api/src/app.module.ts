import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { DateTimeScalar } from './common/datetime-scalar';
import { formatGraphQLError } from './common/graphql-errors';
import { aliasLimit, costLimitPlugin, depthLimit } from './common/graphql-limits';
import { SecurityModule } from './security/security.module';
import { contextError, httpAnswersPlugin } from './security/http-answers';
import { normaliseIp } from './security/client-ip';
import { BookingHolds, HOLD_TOKENS } from './reservations/holds/booking-holds.service';
import { HoldTokens } from './reservations/holds/hold-token';
import { ParticipantsService } from './reservations/participants.service';
import { createLoaders } from './common/loaders';
import { SecretBox } from './common/secrets';
import { DomainValidationPipe } from './common/validation.pipe';
import { DomainErrorFilter } from './common/domain-error.filter';
import type { ApiConfig } from './config';
import { dataSourceOptions } from './database/data-source';
import { HealthController } from './health/health.controller';
import { Metrics } from './health/metrics';
import { Organisation } from './organisations/organisation.entity';
import { OrganisationsResolver } from './organisations/organisations.resolver';
import { OrganisationsService } from './organisations/organisations.service';
import { PointsQueryService } from './points/points-query.service';
import { PointsResolver } from './points/points.resolver';
import { PointsService, SECRET_BOX } from './points/points.service';
import { RoomsResolver } from './points/rooms.resolver';
import { SeedService } from './seed/seed.service';
import { EventBus } from './events/event-bus';
import { OutboxRelay } from './events/outbox-relay';
import { AvailabilityService } from './reservations/availability.service';
import { ReservationsResolver } from './reservations/reservations.resolver';
import { PointCalendarResolver } from './reservations/point-calendar.resolver';
import { BookingPolicyResolver } from './reservations/booking-policy.resolver';
import { ReservationsService } from './reservations/reservations.service';
import { ReminderScheduler } from './reservations/reminder-scheduler';
import { SlotWriter } from './reservations/slot-writer';
import { HostBlocksResolver } from './reservations/ical/host-blocks.resolver';
import { HostBlocksService } from './reservations/ical/host-blocks.service';
import { IcalController } from './reservations/ical/ical.controller';
import { IcalService } from './reservations/ical/ical.service';
import { ANONYMOUS } from './auth/actor';
import { QuotesService } from './tariffs/quotes.service';
import { TariffsService } from './tariffs/tariffs.service';
import { TariffsResolver } from './tariffs/tariffs.resolver';
import { StatementsService } from './tariffs/statements.service';
import { StatementsController } from './tariffs/statements.controller';
import { In, DataSource } from 'typeorm';
import { ADAPTERS } from '@maillage/adapters';
import { DurableSubscribers } from './events/durable-subscribers';
import { PgNotifications } from './events/pg-notifications';
import { DeadLettersResolver, DeadLettersService } from './events/dead-letters';
import { AdapterHost, BRIDGE_HOST } from './adapters/adapter-host';
import { MediaServer } from '@maillage/media';
import { BuiltInBridges } from './meetings/built-in-bridges';
import { Conferencing } from './meetings/conferencing';
import { JoinTokens } from './meetings/join-tokens';
import { MeetingAccess } from './meetings/meeting-access';
import { MeetingClock } from './meetings/meeting-clock';
import { MeetingSessions } from './meetings/meeting-sessions';
import { MeetingState } from './meetings/meeting-state';
import { MeetingsResolver } from './meetings/meetings.resolver';
import { MeetingsService } from './meetings/meetings.service';
import { createMediaServer, MediaHost } from './meetings/media-host';
import { SIP_SETTINGS, SipGateway } from './sip/sip-gateway';
import { SipMeetings } from './sip/sip-meetings';
import { SipDialOut } from './sip/sip-dial-out';
import { SipCallsResolver } from './sip/sip-calls.resolver';
import { SignallingGateway } from './meetings/signalling.gateway';
import { ADAPTER_REGISTRY, loadAdapterRegistry } from './adapters/adapter-registry';
import { AdaptersService } from './adapters/adapters.service';
import { AdaptersResolver } from './adapters/adapters.resolver';
import { AdapterWebhookController } from './adapters/webhook.controller';
import { CoverageService } from './evaluation/coverage.service';
import { EvaluationController } from './evaluation/evaluation.controller';
import { EvaluationResolver } from './evaluation/evaluation.resolver';
import { SURVEY_KEY } from './evaluation/evaluation.tokens';
import { MeetingRecordsService } from './evaluation/meeting-records.service';
import { MetricsService } from './evaluation/metrics.service';
import { RecordsService } from './evaluation/records.service';
import { SurveyService } from './evaluation/survey.service';
import { surveyTokenKey } from './evaluation/survey-token';
import { UnmetDemandRecorder } from './evaluation/unmet-demand';
import { IncidentsResolver } from './incidents/incidents.resolver';
import { IncidentsService } from './incidents/incidents.service';
import { EndpointsResolver } from './endpoints/endpoints.resolver';
import { EndpointsService } from './endpoints/endpoints.service';
import { EndpointTest } from './preflight/endpoint-test';
import { PreflightResolver } from './preflight/preflight.resolver';
import { PreflightScheduler } from './preflight/preflight-scheduler';
import { PreflightSettings } from './preflight/preflight-settings';
import { DriverDialTestCall, TEST_CALL } from './preflight/test-call';
import { SipTestCall } from './preflight/sip-test-call';
import { MeetingDialIn } from './preflight/dial-in';

export const API_CONFIG = Symbol('API_CONFIG');


/** Services the GraphQL context factory needs (the caller, batch loaders). */
@Module({ providers: [AuthService, PointsQueryService], exports: [AuthService, PointsQueryService] })
class ReadModelsModule {}

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig & { databaseUrl: string }): DynamicModule {
    const metrics = new Metrics();
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl)),
        SecurityModule.forRoot(config.security, config.publicUrl),
        ReadModelsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [ReadModelsModule],
          inject: [AuthService, PointsQueryService, DataSource],
          useFactory: (auth: AuthService, points: PointsQueryService, db: DataSource) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            introspection: true,
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphQLError,
            validationRules: [depthLimit(config.graphqlMaxDepth), aliasLimit(config.security.graphqlMaxAliases)],
            plugins: [costLimitPlugin(config.graphqlMaxCost), httpAnswersPlugin(), metrics.apolloPlugin()],
            // One operation per HTTP request; no automatic persisted queries (the web app's are a fixed manifest, security/http-hardening.ts).
            allowBatchedHttpRequests: false,
            persistedQueries: false,
            // Keep the HTTP status httpAnswersPlugin gives a refused operation (429, 503) instead of Nest's reset to 200.
            preserveHttpStatusForExecutionErrors: false,
            subscriptions: { 'graphql-ws': { path: '/graphql' } },
            // HTTP requests carry their headers; graphql-ws subscriptions sign in through connectionParams.authorization.
            context: async ({ req, connectionParams }: { req?: { headers: Record<string, string | string[] | undefined>; ip?: string }; connectionParams?: Record<string, unknown> }) => ({
              actor: req
                ? await auth.resolveActor(req.headers).catch(contextError)
                : typeof connectionParams?.authorization === 'string'
                  ? await auth.resolveActor({ authorization: connectionParams.authorization }).catch(contextError)
                  : ANONYMOUS,
              ip: normaliseIp(req?.ip),
              loaders: createLoaders({
                roomsByPoint: (ids) => points.roomsByPoint(ids),
                organisationsById: async (ids) => {
                  const orgs = await db.getRepository(Organisation).findBy({ id: In([...ids]) });
                  return ids.map((id) => orgs.find((o) => o.id === id));
                },
              }),
            }),
          }),
        }),
      ],
      controllers: [HealthController, StatementsController, IcalController, AdapterWebhookController, EvaluationController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: Metrics, useValue: metrics },
        { provide: SECRET_BOX, useValue: new SecretBox(config.secretKey) },
        { provide: APP_PIPE, useClass: DomainValidationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        DateTimeScalar,
        AuthResolver,
        OrganisationsService,
        OrganisationsResolver,
        PointsService,
        PointsResolver,
        RoomsResolver,
        SeedService,
        EventBus,
        OutboxRelay,
        SlotWriter,
        ReservationsService,
        { provide: HOLD_TOKENS, useValue: new HoldTokens(config.secretKey) },
        BookingHolds,
        ParticipantsService,
        ReminderScheduler,
        AvailabilityService,
        ReservationsResolver,
        PointCalendarResolver,
        BookingPolicyResolver,
        QuotesService,
        TariffsService,
        TariffsResolver,
        StatementsService,
        IcalService,
        HostBlocksService,
        HostBlocksResolver,
        PgNotifications,
        DurableSubscribers,
        DeadLettersService,
        DeadLettersResolver,
        { provide: ADAPTER_REGISTRY, useFactory: () => loadAdapterRegistry(Object.values(ADAPTERS)) },
        AdapterHost,
        AdaptersService,
        AdaptersResolver,
        // Live meetings (issue 6): the media server, join tokens, lifecycle, signalling, GraphQL.
        { provide: MediaServer, useFactory: () => createMediaServer(config.media) },
        { provide: JoinTokens, useValue: new JoinTokens(config.secretKey, config.meetingGraceMinutes) },
        MediaHost,
        MeetingClock,
        MeetingSessions,
        BuiltInBridges,
        { provide: BRIDGE_HOST, useExisting: BuiltInBridges },
        Conferencing,
        MeetingsService,
        MeetingAccess,
        MeetingState,
        MeetingsResolver,
        SignallingGateway,
        IncidentsService,
        IncidentsResolver,
        // Evaluation (issue 12): meeting records, survey, metrics, coverage, unmet demand.
        { provide: SURVEY_KEY, useValue: surveyTokenKey(config.secretKey) },
        MeetingRecordsService,
        MetricsService,
        RecordsService,
        SurveyService,
        CoverageService,
        UnmetDemandRecorder,
        EvaluationResolver,
        // Room hardware drivers and the pre-call test (issue 13).
        PreflightSettings,
        DriverDialTestCall,
        SipTestCall,
        { provide: TEST_CALL, useExisting: SipTestCall },
        EndpointTest,
        EndpointsService,
        EndpointsResolver,
        PreflightScheduler,
        PreflightResolver,
        MeetingDialIn,
        // Room systems over SIP (issue 11): the meetings as the sip-drachtio adapter's host, when DRACHTIO_URL is set.
        { provide: SIP_SETTINGS, useValue: config.sip },
        SipMeetings,
        SipGateway,
        // Dial-out: the meeting calls its SIP participants when it opens; operators call again or hang up.
        SipDialOut,
        SipCallsResolver,
      ],
      exports: [SeedService],
    };
  }
}
