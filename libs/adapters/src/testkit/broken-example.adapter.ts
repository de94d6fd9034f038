/**
 * A deliberately broken adapter, kept so that the testkit's own spec proves the suite catches what
 * it claims to catch. Do not copy. Its faults:
 * - the manifest: an id in PascalCase_with_underscore, version '1.0' (not semver), an unknown event;
 * - `handle` has no idempotency: every delivery sends again;
 * - `init` never settles (`hangInInit`, on by default; off to reach the duplicate check).
 */
import type { AdapterContext, AdapterDefinition, AdapterHealth, DomainEvent, EventName, NotificationAdapter } from '@maillage/core';

export type BrokenExampleConfig = { hangInInit?: boolean };

export class BrokenExampleAdapter implements NotificationAdapter {
  constructor(
    private readonly context: AdapterContext<BrokenExampleConfig>,
    private readonly sent: string[],
  ) {}

  init(): Promise<void> {
    if (this.context.config.hangInInit === false) return Promise.resolve();
    return new Promise<void>(() => undefined); // never settles
  }

  async dispose(): Promise<void> {}

  async health(): Promise<AdapterHealth> {
    return { status: 'up' };
  }

  async handle(event: DomainEvent): Promise<void> {
    await this.notify({ to: 'someone@example.org', subject: event.name, text: '' });
  }

  async notify(message: { to: string; subject: string; text: string }): Promise<{ messageId: string }> {
    this.sent.push(message.subject);
    return { messageId: String(this.sent.length) };
  }
}

export function brokenExampleAdapter(sent: string[] = []): AdapterDefinition<BrokenExampleConfig, BrokenExampleAdapter> {
  return {
    manifest: {
      id: 'Broken_Example',
      kind: 'notification',
      version: '1.0',
      displayName: 'Broken example',
      capabilities: [],
      configSchema: { type: 'object', properties: { hangInInit: { type: 'boolean' } }, additionalProperties: false },
      subscribes: ['reservation.confirmed', 'reservation.teleported' as EventName],
    },
    create: (context) => new BrokenExampleAdapter(context, sent),
  };
}
