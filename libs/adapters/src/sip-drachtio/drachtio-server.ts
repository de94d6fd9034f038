/**
 * A supervised drachtio-server process: the SIP transport the sip-drachtio adapter drives through
 * drachtio-srf (admin TCP connection). It writes a generated configuration (127.0.0.1 only, SIP
 * over UDP and TCP on one port, the admin port and secret), starts the binary built by
 * tools/setup/build-drachtio.sh (DRACHTIO_BIN), waits until the admin port accepts connections, and
 * restarts the process when it dies, on the same ports. `npm start` runs one (tools/start.mjs)
 * unless DRACHTIO_URL names an existing server; the SIP specs run one each on free ports.
 * See docs/adr/0012-drachtio-built-offline-and-supervised.md.
 *
 * Node built-ins only: drachtio-supervise.ts runs it outside the API, for `npm start`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { createSocket } from 'node:dgram';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DrachtioServerOptions {
  /** The drachtio binary (DRACHTIO_BIN). */
  bin: string;
  /** SIP port (UDP and TCP); 0 or absent: a free one. */
  sipPort?: number;
  /** Admin port drachtio-srf connects to; 0 or absent: a free one. */
  adminPort?: number;
  /** Admin secret; absent: a random one. */
  secret?: string;
  /** Listening address; 127.0.0.1 unless told otherwise. */
  host?: string;
  logLevel?: 'error' | 'warning' | 'notice' | 'info' | 'debug';
  /** Delay before a restart after the process died (default 200 ms). */
  restartDelayMs?: number;
  /** How long to wait for the admin port at each start (default 10 s). */
  readyTimeoutMs?: number;
  /** Lines the process writes (its console log), for diagnostics. */
  onOutput?: (line: string) => void;
}

/** Where a drachtio-srf app connects: `srf.connect(server.connection)`. */
export interface DrachtioConnection {
  host: string;
  port: number;
  secret: string;
}

export interface DrachtioServerEvents {
  /** The process died on its own (code or signal); a restart follows. */
  exit: [{ code: number | null; signal: NodeJS.Signals | null }];
  /** A restarted process accepts admin connections again. */
  restarted: [{ pid: number; restarts: number }];
  /** A restart failed (the next one is tried after the delay). */
  error: [Error];
}

export class DrachtioServer extends EventEmitter<DrachtioServerEvents> {
  private child?: ChildProcess;
  private stopping = false;
  private restartCount = 0;
  private restartTimer?: NodeJS.Timeout;
  private stopped?: Promise<void>;

  private constructor(
    private readonly options: Required<Omit<DrachtioServerOptions, 'onOutput'>> & Pick<DrachtioServerOptions, 'onOutput'>,
    private readonly dir: string,
  ) {
    super();
  }

  /** Writes the configuration, starts drachtio and resolves once its admin port accepts connections. */
  static async start(options: DrachtioServerOptions): Promise<DrachtioServer> {
    const host = options.host ?? '127.0.0.1';
    const sipPort = options.sipPort || (await freeSipPort(host));
    const adminPort = options.adminPort || (await freeTcpPort(host));
    const resolved = {
      bin: options.bin,
      host,
      sipPort,
      adminPort,
      secret: options.secret ?? randomBytes(12).toString('hex'),
      logLevel: options.logLevel ?? 'notice',
      restartDelayMs: options.restartDelayMs ?? 200,
      readyTimeoutMs: options.readyTimeoutMs ?? 10_000,
      onOutput: options.onOutput,
    };
    const dir = await mkdtemp(join(tmpdir(), 'maillage-drachtio-'));
    const server = new DrachtioServer(resolved, dir);
    try {
      await writeFile(server.configPath, drachtioConfig(resolved));
      await server.spawnAndWait();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get connection(): DrachtioConnection {
    return { host: this.options.host, port: this.options.adminPort, secret: this.options.secret };
  }

  get sipPort(): number {
    return this.options.sipPort;
  }

  get host(): string {
    return this.options.host;
  }

  /** The live process's pid (undefined between a death and its restart). */
  get pid(): number | undefined {
    return this.child?.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  get restarts(): number {
    return this.restartCount;
  }

  /** The directory holding the generated configuration (removed by stop()). */
  get configDir(): string {
    return this.dir;
  }

  /** Stops the process (SIGTERM, then SIGKILL after 2 s) and removes the configuration; no restart follows. Idempotent. */
  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  private get configPath(): string {
    return join(this.dir, 'drachtio.conf.xml');
  }

  private async spawnAndWait(): Promise<void> {
    const child = spawn(this.options.bin, ['-f', this.configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    const spawned = new Promise<void>((resolve, reject) => {
      child.once('spawn', () => resolve());
      child.once('error', reject);
    });
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) this.options.onOutput?.(line);
      });
    }
    child.once('exit', (code, signal) => {
      if (this.child !== child || this.stopping) return;
      this.emit('exit', { code, signal });
      this.scheduleRestart();
    });
    await spawned;
    await waitForTcp(this.options.host, this.options.adminPort, this.options.readyTimeoutMs, () => child.exitCode !== null || child.signalCode !== null);
  }

  private scheduleRestart(): void {
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.restartCount += 1;
      this.spawnAndWait().then(
        () => {
          if (this.stopping) return;
          this.emit('restarted', { pid: this.child?.pid ?? 0, restarts: this.restartCount });
        },
        (error: unknown) => {
          if (this.stopping) return;
          this.emit('error', error instanceof Error ? error : new Error(String(error)));
          const child = this.child;
          // A process that started but never opened its admin port: kill it, its exit schedules the next try.
          if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          else this.scheduleRestart();
        },
      );
    }, this.options.restartDelayMs);
  }
}

/** drachtio's XML configuration: admin on host:adminPort with the secret, SIP on host:sipPort over UDP and TCP, console logging. */
export function drachtioConfig(o: { host: string; sipPort: number; adminPort: number; secret: string; logLevel: string }): string {
  const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return `<drachtio>
  <admin port="${o.adminPort}" secret="${xml(o.secret)}">${xml(o.host)}</admin>
  <sip>
    <contacts><contact>sip:${xml(o.host)}:${o.sipPort};transport=udp,tcp</contact></contacts>
  </sip>
  <logging>
    <console/>
    <loglevel>${xml(o.logLevel)}</loglevel>
    <sofia-loglevel>1</sofia-loglevel>
  </logging>
</drachtio>
`;
}

/** A TCP port free on host right now. */
export function freeTcpPort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A port free on host for both UDP and TCP (SIP listens on both). */
export async function freeSipPort(host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await freeTcpPort(host);
    const udpFree = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(false));
      socket.bind(port, host, () => socket.close(() => resolve(true)));
    });
    if (udpFree) return port;
  }
  throw new Error(`no port free for both UDP and TCP on ${host}`);
}

/** Resolves once host:port accepts a TCP connection; rejects after timeoutMs or when `died()` turns true. */
export async function waitForTcp(host: string, port: number, timeoutMs: number, died: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect({ host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (died()) throw new Error(`drachtio exited before its admin port ${host}:${port} opened`);
    if (Date.now() > deadline) throw new Error(`drachtio's admin port ${host}:${port} did not open within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
