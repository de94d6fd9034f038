import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/**
 * The caller's address, as Express computed it: the socket's peer, or — only when TRUST_PROXY says
 * which proxies to believe — the client named by X-Forwarded-For. Put in the GraphQL context by the
 * context factory (app.module.ts); 'unknown' for callers without one (subscriptions).
 */
export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const gql = GqlExecutionContext.create(ctx).getContext<{ ip?: string }>();
  return gql.ip ?? 'unknown';
});

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
export const normaliseIp = (ip: string | undefined): string => (ip ?? 'unknown').replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, '$1');
