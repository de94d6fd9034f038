import { TypeMetadataStorage } from '@nestjs/graphql';
import type { MediaServerOptions } from '@maillage/media';
import { startApi, type RunningApi } from '../src/bootstrap';
import { loadConfig } from '../src/config';
import { createTestDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; field?: (string | number)[]; details?: Record<string, unknown>; messageFr?: string } }[];
}

export interface TestApi extends RunningApi {
  /** POSTs a GraphQL operation over HTTP to the running app. */
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** A direct connection to this test's database, for assertions. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Signs in and returns the Authorization header. */
  loginAs(email: string, password: string): Promise<Record<string, string>>;
}

export const ADMIN = { email: 'admin@test.maillage', password: 'network-admin-password' };

/**
 * The abuse limits of the tests that are not about them: one test file books from 127.0.0.1 for one
 * organiser address far more than a visitor would (ADR 0010). The abuse tests pass `{ limits: 'production' }`
 * and meet the defaults of security/security-settings.ts.
 */
export const GENEROUS_LIMITS: Record<string, string> = {
  RATE_BOOKING_PER_IP: '100000/100000/1',
  RATE_BOOKING_PER_ORGANISER: '100000/100000/1',
  RATE_QUOTE_PER_IP: '100000/100000/1',
  RATE_JOIN_LINK_PER_IP: '100000/100000/1',
  RATE_LOGIN_PER_IP: '100000/100000/1',
  MAX_PENDING_HOLDS_PER_EMAIL: '100000',
};

/**
 * A fresh database cloned from the migrated template, and the API listening on 127.0.0.1:<random>.
 * `media` overrides the media server's options (the worker binary comes from MEDIASOUP_WORKER_BIN;
 * workers start with the first meeting, so tests without meetings start none). `env`: settings as the
 * environment would give them (e.g. OUTBOUND_ALLOW for a test's own local servers); `limits`: see GENEROUS_LIMITS.
 */
export async function startTestApi(
  options: { seed?: boolean; media?: MediaServerOptions; env?: Record<string, string>; limits?: 'production' | 'generous' } = {},
): Promise<TestApi> {
  const db = await createTestDatabase();
  const api = await startApi({
    ...loadConfig({ ...(options.limits === 'production' ? {} : GENEROUS_LIMITS), ...options.env }),
    environment: 'test',
    databaseUrl: db.url,
    port: 0,
    media: { workers: 1, ...options.media },
    seedOnStart: options.seed ?? true,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
  });
  const gql: TestApi['gql'] = async (query, variables, headers = {}) => {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, ...((await res.json()) as object) };
  };
  return {
    ...api,
    gql,
    sql: db.sql,
    loginAs: async (email, password) => {
      const res = await gql<{ login: { token: string } }>(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, { e: email, p: password });
      if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
      return { authorization: `Bearer ${res.data.login.token}` };
    },
    close: async () => {
      await api.close();
      // @nestjs/graphql is an ES module: jest loads it once per worker, not once per test file, so
      // its global type storage would keep this file's classes and break the next file's schema
      // ("Cannot determine a GraphQL output type"). The next file registers its own on import.
      TypeMetadataStorage.clear();
      await db.drop();
    },
  };
}
