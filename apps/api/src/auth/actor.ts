import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError, forbidden } from '@maillage/core';
import { Role } from '../common/enums';

/** Who is calling: a signed-in user, an organisation's API key, or nobody. */
export interface Actor {
  kind: 'anonymous' | 'user' | 'api-key';
  id: string | null;
  role: Role;
  organisationId: string | null;
  /** For audit entries: 'user:<id>', 'api-key:<id>', 'anonymous', 'system'. */
  label: string;
}

export const ANONYMOUS: Actor = { kind: 'anonymous', id: null, role: Role.GUEST, organisationId: null, label: 'anonymous' };
export const SYSTEM: Actor = { kind: 'user', id: null, role: Role.NETWORK_ADMIN, organisationId: null, label: 'system' };

const RANK: Record<Role, number> = {
  [Role.GUEST]: 0,
  [Role.BOOKER]: 1,
  [Role.POINT_OPERATOR]: 2,
  [Role.ORGANISATION_ADMIN]: 3,
  [Role.NETWORK_ADMIN]: 4,
};

export const hasRole = (actor: Actor, minimum: Role) => RANK[actor.role] >= RANK[minimum];

export function requireSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw new DomainError('UNAUTHENTICATED', 'Sign in or use an API key', { messageFr: 'Connexion requise' });
}

/** True when the actor may act, with at least `minimum`, on what belongs to `organisationId`. */
export function canActFor(actor: Actor, organisationId: string, minimum: Role = Role.POINT_OPERATOR): boolean {
  if (actor.role === Role.NETWORK_ADMIN) return true;
  return actor.organisationId === organisationId && hasRole(actor, minimum);
}

/** Throws UNAUTHENTICATED for nobody, FORBIDDEN for somebody else's organisation or too low a role. */
export function assertCanActFor(actor: Actor, organisationId: string, minimum: Role = Role.POINT_OPERATOR): void {
  requireSignedIn(actor);
  if (!canActFor(actor, organisationId, minimum)) throw forbidden(`Not allowed for organisation ${organisationId}`);
}

export function assertRole(actor: Actor, minimum: Role): void {
  requireSignedIn(actor);
  if (!hasRole(actor, minimum)) throw forbidden(`Requires role ${minimum}`);
}

export interface GraphQLContext {
  actor: Actor;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const gql = GqlExecutionContext.create(ctx).getContext<GraphQLContext>();
  return gql.actor ?? ANONYMOUS;
});
