/**
 * A real drachtio-server (DRACHTIO_BIN, built by tools/setup/build-drachtio.sh) on free 127.0.0.1
 * ports: drachtio-srf connects with the generated secret, a SIGKILL is followed by a restart on the
 * same ports, and srf reconnects on its own; stop() leaves no process behind.
 */
import Srf from 'drachtio-srf';
import { DrachtioServer } from './drachtio-server';
import { closeSrf } from './srf-connection';
import { drachtioBinFromEnv as bin, until as untilWithin } from './testing/spec-helpers';

const until = <T>(label: string, probe: () => T | false | undefined, timeoutMs = 10_000) => untilWithin(label, probe, timeoutMs);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a supervised drachtio-server restarts on the same ports when killed, and drachtio-srf reconnects', () => {
  let server: DrachtioServer;
  const srf = new Srf();
  let connects = 0;
  let firstPid = 0;

  beforeAll(async () => {
    server = await DrachtioServer.start({ bin: bin(), restartDelayMs: 100 });
    srf.on('connect', () => (connects += 1));
    srf.on('error', () => undefined);
  });

  afterAll(async () => {
    closeSrf(srf);
    await server?.stop();
  });

  it('listens on 127.0.0.1, and srf connects with the generated secret within a second', async () => {
    expect(server.connection.host).toBe('127.0.0.1');
    expect(server.sipPort).toBeGreaterThan(1024);
    expect(server.connection.port).not.toBe(server.sipPort);
    expect(server.connection.secret).toMatch(/^[0-9a-f]{24}$/);
    const started = Date.now();
    await srf.connect({ ...server.connection, reconnect: { retryMaxDelay: 200 } } as Srf.SrfConfig);
    await until('srf connected', () => connects === 1);
    expect(Date.now() - started).toBeLessThan(1_000);
    firstPid = server.pid ?? 0;
    expect(firstPid).toBeGreaterThan(0);
  });

  it('is restarted after a SIGKILL, with a new pid, and srf connects again', async () => {
    const restarted = new Promise<{ pid: number; restarts: number }>((resolve) => server.once('restarted', resolve));
    const exited = new Promise<{ signal: NodeJS.Signals | null }>((resolve) => server.once('exit', resolve));
    // Never 0 or negative: process.kill(0) would signal the whole process group.
    if (!(firstPid > 0)) throw new Error('no drachtio pid to kill');
    process.kill(firstPid, 'SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');
    const { pid, restarts } = await restarted;
    expect(restarts).toBe(1);
    expect(pid).not.toBe(firstPid);
    expect(server.pid).toBe(pid);
    await until('srf reconnected', () => connects >= 2);
  });

  it('stops for good: no restart, no process left', async () => {
    const pid = server.pid ?? 0;
    expect(pid).toBeGreaterThan(0);
    await server.stop();
    expect(alive(pid)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.pid).toBeUndefined();
    expect(server.restarts).toBe(1);
  });
});
