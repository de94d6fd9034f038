/** The media settings a deployment gives through the environment (README, "Configuration"). */
import { mediaOptionsFromEnv, resolveMediaOptions } from './media-options';

describe('media options from the environment', () => {
  it('reads a public server behind NAT: listen on every interface, announce its public address, 4 workers, ports 40000-40999, 12 per meeting', () => {
    const env = {
      MEDIASOUP_WORKER_BIN: '/opt/maillage/mediasoup-worker-3.19.3',
      MAILLAGE_MEDIA_LISTEN_IP: '0.0.0.0',
      MAILLAGE_MEDIA_ANNOUNCED_ADDRESS: '203.0.113.7',
      MAILLAGE_MEDIA_WORKERS: '4',
      MAILLAGE_MEDIA_MIN_PORT: '40000',
      MAILLAGE_MEDIA_MAX_PORT: '40999',
      MAILLAGE_MEDIA_MAX_PEERS: '12',
    };
    expect(mediaOptionsFromEnv(env)).toEqual({
      workerBin: '/opt/maillage/mediasoup-worker-3.19.3',
      listenIp: '0.0.0.0',
      announcedAddress: '203.0.113.7',
      workers: 4,
      rtcMinPort: 40000,
      rtcMaxPort: 40999,
      maxPeersPerMeeting: 12,
    });
  });

  it('leaves unset (and empty) variables out, so the defaults apply: 127.0.0.1, ports 40000-49999, 25 per meeting, one worker per core', () => {
    expect(mediaOptionsFromEnv({ MAILLAGE_MEDIA_ANNOUNCED_ADDRESS: '' })).toEqual({});
    const resolved = resolveMediaOptions(mediaOptionsFromEnv({}));
    expect(resolved).toMatchObject({ listenIp: '127.0.0.1', rtcMinPort: 40000, rtcMaxPort: 49999, maxPeersPerMeeting: 25 });
    expect(resolved.announcedAddress).toBeUndefined();
    expect(resolved.workers).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [{ MAILLAGE_MEDIA_WORKERS: 'two' }, 'MAILLAGE_MEDIA_WORKERS must be an integer'],
    [{ MAILLAGE_MEDIA_WORKERS: '0' }, 'workers must be a positive integer'],
    [{ MAILLAGE_MEDIA_MIN_PORT: '50000', MAILLAGE_MEDIA_MAX_PORT: '40000' }, 'the RTC port range must be within 1024-65535'],
    [{ MAILLAGE_MEDIA_MAX_PORT: '70000' }, 'the RTC port range must be within 1024-65535'],
    [{ MAILLAGE_MEDIA_MAX_PEERS: '0' }, 'maxPeersPerMeeting must be a positive integer'],
  ])('refuses %j at start: %s', (env, message) => {
    expect(() => resolveMediaOptions(mediaOptionsFromEnv(env))).toThrow(message);
  });
});
