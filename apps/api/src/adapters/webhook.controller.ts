import { Controller, HttpCode, Param, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { type ConciergeCallStatus, DomainError, notFound, runContained } from '@maillage/core';
import { appendEventOnce } from '../events/outbox';
import { OutboxRelay } from '../events/outbox-relay';
import { AdapterHost } from './adapter-host';

/**
 * Vendor webhooks of concierge adapters: `POST /webhooks/adapters/:bindingId`. The adapter checks the
 * signature and replay on the raw body (its DomainErrors become 400/401/409…); an accepted status
 * becomes a `concierge.call-status-changed` event.
 */
@Controller('webhooks/adapters')
export class AdapterWebhookController {
  constructor(
    private readonly host: AdapterHost,
    private readonly relay: OutboxRelay,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Post(':bindingId')
  @HttpCode(202)
  async receive(@Param('bindingId') bindingId: string, @Req() req: RawBodyRequest<Request>): Promise<{ accepted: true; vendorCallId: string; status: ConciergeCallStatus }> {
    const target = await this.host.concierge(bindingId);
    if (!target) throw notFound('Concierge binding', bindingId);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    const rawBody = req.rawBody?.toString('utf8') ?? '';
    const result = await runContained(() => target.receiveWebhook({ headers, rawBody }), this.relay.settings.callTimeoutMs, `${target.loaded.definition.manifest.id}.receiveWebhook`);
    if (!result.ok) {
      if (result.failure.cause instanceof DomainError) throw result.failure.cause;
      throw new Error(`webhook ${result.failure.kind}: ${result.failure.message}`);
    }
    const { vendorCallId, status } = result.value;
    const pointId = target.loaded.binding.pointId;
    const digest = createHash('sha256').update(rawBody).digest('hex').slice(0, 32);
    await this.db.transaction((em) =>
      appendEventOnce(em, 'concierge.call-status-changed', { type: 'adapter-binding', id: bindingId }, { bindingId, pointId, vendorCallId, status }, `concierge.call-status-changed:${bindingId}:${digest}`),
    );
    this.relay.kick();
    return { accepted: true, vendorCallId, status };
  }
}
