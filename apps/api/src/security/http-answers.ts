import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { GraphQLError } from 'graphql';
import { DomainError } from '@maillage/core';
import { isDatabaseDown } from '../common/graphql-errors';

const STATUS: Partial<Record<string, number>> = { RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

/**
 * GraphQL answers that are refusals of the whole operation get their HTTP meaning: RATE_LIMITED is
 * 429 with `Retry-After`, SERVICE_UNAVAILABLE (the database is down) 503 with `Retry-After`, so
 * proxies, browsers and scripts back off without reading the body.
 */
export function httpAnswersPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          let status: number | undefined;
          let retryAfter = 0;
          for (const e of errors ?? []) {
            const code = String(e.extensions?.code ?? '');
            if (!STATUS[code]) continue;
            status = Math.max(status ?? 0, STATUS[code]!);
            retryAfter = Math.max(retryAfter, Number(e.extensions?.retryAfterSeconds ?? 1));
          }
          if (status === undefined) return;
          response.http.headers.set('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
          const nothingAnswered = !data || Object.values(data).every((v) => v === null);
          if (nothingAnswered) response.http.status = status;
        },
      };
    },
  };
}

/**
 * An error of the GraphQL context (who is calling: a session, an API key) as a GraphQL error with its
 * HTTP status: 401 for bad credentials, 403, 429 + Retry-After over an API key's quota, 503 + Retry-After
 * when the database is down; anything else is rethrown.
 */
export function contextError(error: unknown): never {
  if (error instanceof DomainError) {
    const retryAfterSeconds = error.details?.retryAfterSeconds;
    const status = STATUS[error.code] ?? (error.code === 'FORBIDDEN' ? 403 : 401);
    throw new GraphQLError(error.message, {
      extensions: {
        code: error.code,
        ...(error.messageFr ? { messageFr: error.messageFr } : {}),
        ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
        http: { status, ...(typeof retryAfterSeconds === 'number' ? { headers: new Map([['retry-after', String(retryAfterSeconds)]]) } : {}) },
      },
    });
  }
  if (isDatabaseDown(error)) {
    throw new GraphQLError('The database is unavailable; nothing was changed, retry later', {
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5, http: { status: 503, headers: new Map([['retry-after', '5']]) } },
    });
  }
  throw error;
}
