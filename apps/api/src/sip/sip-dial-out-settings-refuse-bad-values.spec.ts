import { loadConfig, sipDialOutSettings } from '../config';

describe('dial-out settings (SIP_DIAL_ATTEMPTS, SIP_DIAL_RETRY_MS, SIP_DIAL_RING_TIMEOUT_MS)', () => {
  it('default to 3 attempts, 30 s apart, 30 s of ringing', () => {
    expect(sipDialOutSettings({})).toEqual({ attempts: 3, retryMs: 30_000, ringTimeoutMs: 30_000 });
    expect(loadConfig({}).sip.dialOut).toEqual({ attempts: 3, retryMs: 30_000, ringTimeoutMs: 30_000 });
  });

  it('take integers within their ranges', () => {
    expect(sipDialOutSettings({ SIP_DIAL_ATTEMPTS: '1', SIP_DIAL_RETRY_MS: '0', SIP_DIAL_RING_TIMEOUT_MS: '1000' })).toEqual({ attempts: 1, retryMs: 0, ringTimeoutMs: 1000 });
    expect(sipDialOutSettings({ SIP_DIAL_ATTEMPTS: ' 10 ', SIP_DIAL_RETRY_MS: '3600000', SIP_DIAL_RING_TIMEOUT_MS: '300000' })).toEqual({ attempts: 10, retryMs: 3_600_000, ringTimeoutMs: 300_000 });
  });

  it('stop the start on anything else, naming the variable', () => {
    const refused = [
      ['SIP_DIAL_ATTEMPTS', '0'],
      ['SIP_DIAL_ATTEMPTS', '11'],
      ['SIP_DIAL_ATTEMPTS', '2.5'],
      ['SIP_DIAL_ATTEMPTS', 'three'],
      ['SIP_DIAL_RETRY_MS', '-1'],
      ['SIP_DIAL_RETRY_MS', '3600001'],
      ['SIP_DIAL_RING_TIMEOUT_MS', '999'],
      ['SIP_DIAL_RING_TIMEOUT_MS', '1e9'],
    ].map(([name, value]) => {
      try {
        sipDialOutSettings({ [name]: value });
        return `${name}=${value} accepted`;
      } catch (error) {
        return (error as Error).message.startsWith(`${name} must be an integer from`) ? 'refused' : (error as Error).message;
      }
    });
    expect(refused).toEqual(Array(8).fill('refused'));
  });
});
