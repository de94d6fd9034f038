import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { type MediaIncident, type MediaLogger, MediaServer, type MediaServerOptions } from '@maillage/media';
import { appendEvent } from '../events/outbox';
import { OutboxRelay } from '../events/outbox-relay';
import { openIncident } from '../incidents/incidents';

/** The media server of this process, logging through Nest (no I/O until the first meeting opens). */
export function createMediaServer(options: MediaServerOptions): MediaServer {
  const log = new Logger('Media');
  const format = (text: string, details?: object) => (details ? `${text} ${JSON.stringify(details)}` : text);
  const logger: MediaLogger = { info: (m, d) => log.log(format(m, d)), warn: (m, d) => log.warn(format(m, d)), error: (m, d) => log.error(format(m, d)) };
  return new MediaServer({ ...options, logger });
}

/**
 * Records every media incident (a worker that died: which meetings it carried, whether they
 * recovered) as incidents, one per meeting, with a `media.incident` event, and stops the workers with the API.
 */
@Injectable()
export class MediaHost implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('MediaHost');
  private subscription?: Subscription;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    @Inject(MediaServer) private readonly media: MediaServer,
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.subscription = this.media.incidents$.subscribe((incident) => {
      const work = this.record(incident).catch((error: unknown) => this.log.error(`media incident not recorded: ${error instanceof Error ? error.message : String(error)}`));
      this.pending.add(work);
      void work.finally(() => this.pending.delete(work));
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.media.close();
    this.subscription?.unsubscribe();
    await Promise.allSettled([...this.pending]);
  }

  private async record(incident: MediaIncident): Promise<void> {
    this.log.warn(`media incident: ${incident.kind} (worker ${incident.workerPid}): ${incident.detail}`);
    const at = new Date(incident.at);
    const key = `media.${incident.kind}:${incident.workerPid}:${incident.at}`;
    await this.db.transaction(async (em) => {
      // One incident per meeting the worker carried (the evaluation counts them per meeting), or one without a meeting.
      const reservationIds = incident.meetingIds.length ? incident.meetingIds : [null];
      for (const reservationId of reservationIds) {
        await openIncident(em, {
          kind: `media.${incident.kind}`,
          severity: incident.recovered ? 'warning' : 'failure',
          source: 'media',
          cause: incident.kind,
          detail: incident.detail,
          reservationId,
          data: { workerPid: incident.workerPid },
          at,
          resolution: incident.recovered ? 'Meeting moved to a new media worker' : undefined,
          dedupeKey: `${key}:${reservationId ?? '-'}`,
        });
      }
      await appendEvent(
        em,
        'media.incident',
        { type: 'media', id: String(incident.workerPid) },
        { kind: incident.kind, at: incident.at, workerPid: incident.workerPid, reservationIds: incident.meetingIds, detail: incident.detail, recovered: incident.recovered },
        key,
      );
    });
    this.relay.kick();
  }
}
