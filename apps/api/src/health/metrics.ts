import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per app instance (tests start several in one process). */
export class Metrics {
  readonly registry = new Registry();
  readonly graphqlOperations = new Counter({
    name: 'maillage_graphql_operations_total',
    help: 'GraphQL operations by type and outcome',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly graphqlDuration = new Histogram({
    name: 'maillage_graphql_duration_seconds',
    help: 'GraphQL operation duration',
    labelNames: ['type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly graphqlErrors = new Counter({
    name: 'maillage_graphql_errors_total',
    help: 'GraphQL errors by code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'maillage_' });
  }

  apolloPlugin(): ApolloServerPlugin {
    const { graphqlDuration, graphqlErrors, graphqlOperations } = this;
    return {
      async requestDidStart() {
        const end = graphqlDuration.startTimer();
        let type = 'unknown';
        return {
          async didResolveOperation(ctx) {
            type = ctx.operation?.operation ?? 'unknown';
          },
          async willSendResponse(ctx) {
            const errors = ctx.response.body.kind === 'single' ? (ctx.response.body.singleResult.errors ?? []) : [];
            for (const e of errors) graphqlErrors.inc({ code: String(e.extensions?.code ?? 'UNKNOWN') });
            graphqlOperations.inc({ type, outcome: errors.length ? 'error' : 'ok' });
            end({ type });
          },
        };
      },
    };
  }
}
