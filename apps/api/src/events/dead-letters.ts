import { Injectable } from '@nestjs/common';
import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalidInput, notFound } from '@maillage/core';
import { type Actor, assertRole, CurrentActor } from '../auth/actor';
import { Role } from '../common/enums';
import GraphQLJSON from '../common/json-scalar';
import { ConnectionType, type Connection, PageArgs } from '../common/pagination';
import { OUTBOX_CHANNEL, OutboxRelay } from './outbox-relay';

@ObjectType({ description: 'The delivery of one event to one durable subscriber (an adapter binding, a handler, or the relay itself).' })
export class EventDelivery {
  @Field(() => ID) id!: string;
  @Field(() => ID) eventId!: string;
  @Field() eventName!: string;
  @Field({ description: "'adapter:<bindingId>', a handler's name, or 'relay' (events it refused, e.g. unknown names)." }) subscriber!: string;
  @Field({ description: 'pending, done or dead.' }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field() aggregateType!: string;
  @Field() aggregateId!: string;
  @Field(() => GraphQLJSON) payload!: unknown;
  @Field() occurredAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType()
export class EventDeliveryConnection extends ConnectionType(EventDelivery, 'EventDelivery') {}

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  subscriber: string;
  status: string;
  attempts: number;
  last_error: string | null;
  aggregate_type: string;
  aggregate_id: string;
  payload: unknown;
  occurred_at: Date;
  updated_at: Date;
}

const SELECT = `SELECT d.id, d.event_id, o.event_type, d.subscriber, d.status, d.attempts, d.last_error, o.aggregate_type, o.aggregate_id, o.payload, o.created_at AS occurred_at, d.updated_at
  FROM event_delivery d JOIN outbox o ON o.id = d.outbox_id`;

const toDelivery = (r: DeliveryRow): EventDelivery => ({
  id: r.id,
  eventId: r.event_id,
  eventName: r.event_type,
  subscriber: r.subscriber,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  aggregateType: r.aggregate_type,
  aggregateId: r.aggregate_id,
  payload: r.payload,
  occurredAt: r.occurred_at,
  updatedAt: r.updated_at,
});

const cursorOf = (id: string) => Buffer.from(`delivery:${id}`).toString('base64url');
function afterId(cursor: string | undefined): string {
  if (!cursor) return '0';
  const match = /^delivery:(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw invalidInput(['after'], 'Malformed cursor', { messageFr: 'Curseur de pagination invalide' });
  return match[1];
}

/** Dead letters: listing and replay. Replaying makes a delivery pending again with its attempts reset. */
@Injectable()
export class DeadLettersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async list(page: PageArgs, subscriber?: string): Promise<Connection<EventDelivery>> {
    const first = page.first ?? 20;
    const after = afterId(page.after);
    const filter = subscriber ? `AND d.subscriber = $3` : '';
    const params: unknown[] = [after, first + 1, ...(subscriber ? [subscriber] : [])];
    const rows: DeliveryRow[] = await this.db.query(`${SELECT} WHERE d.status = 'dead' AND d.id > $1 ${filter} ORDER BY d.id LIMIT $2`, params);
    const [{ total }]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total FROM event_delivery d WHERE d.status = 'dead' ${subscriber ? 'AND d.subscriber = $1' : ''}`, subscriber ? [subscriber] : []);
    const edges = rows.slice(0, first).map((r) => ({ cursor: cursorOf(r.id), node: toDelivery(r) }));
    return {
      edges,
      totalCount: total,
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: after !== '0', startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null },
    };
  }

  async replay(id: string): Promise<EventDelivery> {
    if (!/^\d{1,19}$/.test(id)) throw invalidInput(['id'], 'Not a delivery id', { messageFr: 'Identifiant invalide' });
    // The row as the replay left it (a deliverer may pick it up at once: read it in the same statement).
    const [row]: DeliveryRow[] = await this.db.query(
      `WITH d AS (UPDATE event_delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL, updated_at = now()
                    WHERE id = $1 AND status = 'dead' RETURNING *)
       ${SELECT.replace('FROM event_delivery d', 'FROM d')}`,
      [id],
    );
    if (!row) throw notFound('Dead letter', id);
    await this.wake();
    return toDelivery(row);
  }

  async replayAll(subscriber: string): Promise<number> {
    const [, count]: [unknown[], number] = await this.db.query(
      `UPDATE event_delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL, updated_at = now() WHERE subscriber = $1 AND status = 'dead'`,
      [subscriber],
    );
    if (count) await this.wake();
    return count;
  }

  /** Every process may deliver: tell them all (and this one). */
  private async wake(): Promise<void> {
    await this.db.query(`SELECT pg_notify($1, 'k')`, [OUTBOX_CHANNEL]);
    this.relay.kick();
  }
}

@Resolver(() => EventDelivery)
export class DeadLettersResolver {
  constructor(private readonly service: DeadLettersService) {}

  @Query(() => EventDeliveryConnection, { description: 'Deliveries that failed too often (or events the relay refused), oldest first. Network admins.' })
  deadLetters(@CurrentActor() actor: Actor, @Args() page: PageArgs, @Args('subscriber', { nullable: true }) subscriber?: string): Promise<Connection<EventDelivery>> {
    assertRole(actor, Role.NETWORK_ADMIN);
    return this.service.list(page, subscriber ?? undefined);
  }

  @Mutation(() => EventDelivery, { description: 'Delivers a dead letter again (attempts reset). Network admins.' })
  replayDeadLetter(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<EventDelivery> {
    assertRole(actor, Role.NETWORK_ADMIN);
    return this.service.replay(id);
  }

  @Mutation(() => Int, { description: "Delivers again every dead letter of a subscriber; returns how many. Network admins." })
  replayDeadLetters(@CurrentActor() actor: Actor, @Args('subscriber') subscriber: string): Promise<number> {
    assertRole(actor, Role.NETWORK_ADMIN);
    return this.service.replayAll(subscriber);
  }
}
