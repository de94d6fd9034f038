import { DomainError, EndpointDriverError } from '@maillage/core';
import { createTestContext } from '../testkit';
import { endpointSipAdapter, type EndpointSipConfig, meetingOfUri, optionsReached, sipDialDriverCause } from './endpoint-sip.adapter';

const CONFIG: EndpointSipConfig = { sipUri: 'sip:salle-conseil@127.0.0.1:5090', displayName: 'Salle du conseil', optionsTimeoutMs: 500, ringTimeoutMs: 5000 };

describe('endpoint-sip without a SIP gateway (DRACHTIO_URL unset)', () => {
  it('is offline, says why, and rejects wake, dial and diagnostics with the typed error "offline"', async () => {
    const driver = endpointSipAdapter.create(createTestContext(CONFIG));
    await driver.init();
    expect(await driver.status()).toEqual({ state: 'offline', callRemote: null, cameraOn: null, microphoneMuted: null, peripherals: [], detail: expect.stringMatching(/SIP gateway is not running/) });
    for (const attempt of [() => driver.wake(), () => driver.dial('sip:MLG-0000042@visio.maillage.test'), () => driver.diagnostics()]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EndpointDriverError);
      expect(error).toMatchObject({ failure: 'offline', message: expect.stringMatching(/SIP gateway is not running/) });
    }
    await driver.hangUp(); // no call: nothing to do
    expect(await driver.health()).toEqual({ status: 'down', detail: expect.stringMatching(/SIP gateway is not running/) });
    await driver.dispose();
  });

  it('refuses an address that is not sip: at init, and a meeting address without a user part at dial', async () => {
    const wrong = endpointSipAdapter.create(createTestContext({ ...CONFIG, sipUri: 'https://salle.example.org' }));
    await expect(wrong.init()).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: ['config', 'sipUri'] });
    const driver = endpointSipAdapter.create(createTestContext(CONFIG));
    await driver.init();
    for (const uri of ['sip:visio.maillage.test', 'h323:1234', 'sip:a b@host', 'sip:%E0%A4%A@host']) {
      const error = await driver.dial(uri).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: ['uri'] });
    }
  });
});

describe('SIP answers as the driver reads them', () => {
  it('names the meeting by the user part of its address', () => {
    expect(meetingOfUri('sip:MLG-0000042@visio.maillage.test')).toBe('MLG-0000042');
    expect(meetingOfUri('sips:5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8e0b13@127.0.0.1:5060;transport=tcp')).toBe('5b7d9f1a-3c5e-4a7b-9d1f-2e4a6c8e0b13');
    expect(meetingOfUri(' sip:r%C3%A9union@host ')).toBe('réunion');
  });

  it('counts the room system’s own answers to OPTIONS as reachable, 408 (nothing answered) and 502-504 (not reached) as not', () => {
    expect([200, 404, 405, 486, 500].map((status) => optionsReached({ status, rttMs: 3, reason: '' }))).toEqual([true, true, true, true, true]);
    expect([408, 502, 503, 504].map((status) => optionsReached({ status, rttMs: 3, reason: '' }))).toEqual([false, false, false, false]);
  });

  it('maps the dial-out failure causes onto the endpoint failures', () => {
    expect((['busy', 'no-answer', 'declined', 'not-found', 'incompatible', 'failed', 'unreachable', 'meeting-closed'] as const).map(sipDialDriverCause)).toEqual([
      'call-failed',
      'call-failed',
      'call-failed',
      'call-failed',
      'call-failed',
      'call-failed',
      'offline',
      'refused',
    ]);
  });
});
