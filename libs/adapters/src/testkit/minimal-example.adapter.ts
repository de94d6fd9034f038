/**
 * The smallest adapter that passes the conformance suite: a notification adapter that "sends" by
 * appending to an outbox array (its probe). Copy it as a starting point; the testkit's own spec
 * checks that it passes.
 */
import { DomainError, MemoryIdempotencyStore } from '@maillage/core';
import type { AdapterContext, AdapterDefinition, AdapterHealth, DomainEvent, IdempotencyStore, NotificationAdapter } from '@maillage/core';

export type MinimalExampleConfig = { recipientDomain: string };

export interface SentMessage {
  to: string;
  subject: string;
  text: string;
}

export class MinimalExampleAdapter implements NotificationAdapter {
  private state: 'created' | 'ready' | 'disposed' = 'created';
  private readonly store: IdempotencyStore;
  /** Deliveries being handled, by idempotency key: a concurrent duplicate waits for the first. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly context: AdapterContext<MinimalExampleConfig>,
    private readonly outbox: SentMessage[],
  ) {
    this.store = context.idempotency ?? new MemoryIdempotencyStore();
  }

  async init(): Promise<void> {
    if (this.state === 'disposed') throw new DomainError('CONFLICT', 'minimal-example: instance disposed, create a new one');
    this.state = 'ready';
  }

  async dispose(): Promise<void> {
    this.state = 'disposed';
  }

  async health(): Promise<AdapterHealth> {
    return { status: this.state === 'ready' ? 'up' : 'down' };
  }

  handle(event: DomainEvent): Promise<void> {
    const running = this.inFlight.get(event.idempotencyKey);
    if (running) return running;
    const work = this.handleOnce(event).finally(() => this.inFlight.delete(event.idempotencyKey));
    this.inFlight.set(event.idempotencyKey, work);
    return work;
  }

  private async handleOnce(event: DomainEvent): Promise<void> {
    if (event.name !== 'reservation.confirmed') return;
    const payload = event.payload as Partial<DomainEvent<'reservation.confirmed'>['payload']>;
    if (typeof payload.reference !== 'string' || typeof payload.organiser?.email !== 'string') throw new DomainError('BAD_USER_INPUT', 'minimal-example: malformed payload');
    if (await this.store.seen(event.idempotencyKey)) return;
    await this.notify({ to: payload.organiser.email, subject: `Réservation ${payload.reference} confirmée`, text: 'Bonjour,' });
    await this.store.remember(event.idempotencyKey);
  }

  async notify(message: { to: string; subject: string; text: string }): Promise<{ messageId: string }> {
    if (this.state !== 'ready') throw new DomainError('CONFLICT', 'minimal-example: not initialised');
    this.outbox.push({ to: message.to, subject: message.subject, text: message.text });
    return { messageId: `<${this.outbox.length}@${this.context.config.recipientDomain}>` };
  }
}

/** A definition whose outbox the spec reads. */
export function minimalExampleAdapter(outbox: SentMessage[] = []): AdapterDefinition<MinimalExampleConfig, MinimalExampleAdapter> {
  return {
    manifest: {
      id: 'minimal-example',
      kind: 'notification',
      version: '1.0.0',
      displayName: 'Minimal example',
      capabilities: ['email'],
      configSchema: { type: 'object', properties: { recipientDomain: { type: 'string', format: 'hostname', title: 'Domaine' } }, required: ['recipientDomain'], additionalProperties: false },
      subscribes: ['reservation.confirmed'],
    },
    create: (context) => new MinimalExampleAdapter(context, outbox),
  };
}
