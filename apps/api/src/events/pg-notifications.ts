import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

type Listener = (payload: string) => void;

/**
 * PostgreSQL LISTEN on one dedicated connection per process (a pooled connection would lose its
 * LISTEN when returned). Reconnects after a second when the connection drops; `onReconnect`
 * callbacks let their owners catch up on what they may have missed meanwhile.
 */
@Injectable()
export class PgNotifications implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('PgNotifications');
  private readonly listeners = new Map<string, Listener[]>();
  private readonly reconnectListeners: (() => void)[] = [];
  private client?: Client;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private connecting?: Promise<void>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** True while the LISTEN connection is up (events then reach this process through it). */
  get connected(): boolean {
    return this.client !== undefined;
  }

  on(channel: string, listener: Listener): void {
    if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
    const list = this.listeners.get(channel) ?? [];
    list.push(listener);
    this.listeners.set(channel, list);
    if (list.length === 1) void this.client?.query(`LISTEN ${channel}`).catch(() => undefined);
  }

  onReconnect(callback: () => void): void {
    this.reconnectListeners.push(callback);
  }

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting = this.open().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const options = this.db.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'maillage-listen' });
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn(`LISTEN connection lost (${reason}); reconnecting`);
      this.retry = setTimeout(() => void this.connect(), 1000);
      this.retry.unref();
    };
    try {
      await client.connect();
      client.on('notification', (n) => {
        for (const listener of this.listeners.get(n.channel) ?? []) listener(n.payload ?? '');
      });
      client.on('error', (error) => lost(error.message));
      client.on('end', () => lost('ended'));
      for (const channel of this.listeners.keys()) await client.query(`LISTEN ${channel}`);
      if (this.stopped) {
        await client.end();
        return;
      }
      const first = !this.hasConnectedOnce;
      this.hasConnectedOnce = true;
      this.client = client;
      if (!first) for (const callback of this.reconnectListeners) callback();
    } catch (error) {
      await client.end().catch(() => undefined);
      if (this.stopped) return;
      this.log.warn(`LISTEN connection failed (${String(error)}); retrying`);
      this.retry = setTimeout(() => void this.connect(), 1000);
      this.retry.unref();
    }
  }

  private hasConnectedOnce = false;
}
