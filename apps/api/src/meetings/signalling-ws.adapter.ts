import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { INestApplicationContext, WsMessageHandler } from '@nestjs/common';
import { AbstractWsAdapter } from '@nestjs/websockets';
import { WebSocketServer, type ServerOptions } from 'ws';

/** Paths whose upgrades belong to someone else on the same HTTP server (graphql-ws, by @nestjs/graphql). */
const OTHER_UPGRADE_PATHS = ['/graphql'];

/**
 * The WebSocket adapter of the gateways (@nestjs/websockets): plain `ws` servers on the API's HTTP
 * server, one per gateway path. Unlike @nestjs/platform-ws's WsAdapter, it leaves upgrades of other
 * paths alone (graphql-ws serves /graphql on the same server) and destroys only requests for
 * paths nobody serves. Frames are read by the gateway itself (its own request/answer protocol,
 * limits and errors), so no @SubscribeMessage handlers are bound.
 */
export class SignallingWsAdapter extends AbstractWsAdapter {
  private readonly servers = new Map<string, WebSocketServer>();
  private listening?: Server;

  constructor(app: INestApplicationContext & { getHttpServer(): Server }) {
    super(app.getHttpServer());
  }

  create(port: number, options: ServerOptions & { path?: string } = {}): WebSocketServer {
    if (port !== 0) throw new Error('signalling gateways share the API port: give no port');
    const { path, ...wsOptions } = options;
    if (!path) throw new Error('a gateway needs a path');
    const server = new WebSocketServer({ ...wsOptions, noServer: true });
    this.servers.set(path, server);
    this.listen();
    return server;
  }

  bindMessageHandlers(_client: unknown, _handlers: WsMessageHandler[]): void {
    // The gateway reads frames itself (see SignallingConnection).
  }

  override async close(server: WebSocketServer): Promise<void> {
    for (const client of server.clients) client.terminate();
    for (const [path, s] of this.servers) if (s === server) this.servers.delete(path);
    await super.close(server);
    if (this.servers.size === 0) this.stopListening();
  }

  override async dispose(): Promise<void> {
    this.stopListening();
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', 'ws://localhost').pathname;
    } catch {
      socket.destroy();
      return;
    }
    const server = this.servers.get(pathname);
    if (server) {
      server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request));
      return;
    }
    if (!OTHER_UPGRADE_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) socket.destroy();
  };

  private listen(): void {
    if (this.listening) return;
    this.listening = this.httpServer as Server;
    this.listening.on('upgrade', this.onUpgrade);
  }

  private stopListening(): void {
    this.listening?.off('upgrade', this.onUpgrade);
    this.listening = undefined;
  }
}
