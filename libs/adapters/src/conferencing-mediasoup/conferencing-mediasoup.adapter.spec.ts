import { DomainError, type BridgeHost, type JoinInfo, type MeetingCloseReason } from '@maillage/core';
import { createTestContext, describeAdapterConformance } from '../testkit';
import { conferencingMediasoupAdapter } from './conferencing-mediasoup.adapter';

/** A BridgeHost that records what the adapter asks (the API's real one opens mediasoup routers). */
function fakeBridges() {
  const calls: string[] = [];
  const host: BridgeHost = {
    async open(m) {
      calls.push(`open ${m.reservationId}`);
      return { bridgeId: m.reservationId };
    },
    async close(bridgeId: string, reason: MeetingCloseReason) {
      calls.push(`close ${bridgeId} ${reason}`);
    },
    async issueJoinLink(bridgeId, p): Promise<JoinInfo> {
      calls.push(`link ${bridgeId} ${p.name} ${p.role}`);
      return { url: '/rejoindre/abc.def', token: 'abc.def', validFrom: '2026-03-12T12:50:00.000Z', validUntil: '2026-03-12T15:05:00.000Z' };
    },
  };
  return { host, calls };
}

const MEETING = { reservationId: '3f0c9a4e-6a0b-4c57-9d1e-2b8f5f2f1a10', start: '2026-03-12T13:00:00.000Z', end: '2026-03-12T15:00:00.000Z' };

describe('the mediasoup conferencing adapter drives the built-in bridge through the host capability', () => {
  it('opens, links and closes through context.bridges, with an absolute link when joinBaseUrl is set', async () => {
    const { host, calls } = fakeBridges();
    const adapter = conferencingMediasoupAdapter.create(createTestContext({ joinBaseUrl: 'https://visio.maillage.example/' }, {}, { bridges: host }));
    await adapter.init();
    expect(await adapter.health()).toEqual({ status: 'up' });
    const { bridgeId } = await adapter.openBridge(MEETING);
    const info = await adapter.joinInfo(bridgeId, { name: ' Salle du conseil ', role: 'room' });
    await adapter.closeBridge(bridgeId, 'cancelled');
    expect(info.url).toBe('https://visio.maillage.example/rejoindre/abc.def');
    expect(info.token).toBe('abc.def');
    expect(calls).toEqual([`open ${MEETING.reservationId}`, `link ${MEETING.reservationId} Salle du conseil room`, `close ${MEETING.reservationId} cancelled`]);
  });

  it('is down without a bridge host, and refuses to open rather than pretend', async () => {
    const adapter = conferencingMediasoupAdapter.create(createTestContext({}));
    await adapter.init();
    expect((await adapter.health()).status).toBe('down');
    await expect(adapter.openBridge(MEETING)).rejects.toThrow(DomainError);
  });

  it('refuses a participant without a name, with the field', async () => {
    const adapter = conferencingMediasoupAdapter.create(createTestContext({}, {}, { bridges: fakeBridges().host }));
    await adapter.init();
    await expect(adapter.joinInfo(MEETING.reservationId, { name: '  ', role: 'guest' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: ['name'] });
  });
});

describeAdapterConformance(conferencingMediasoupAdapter, () => ({
  validConfig: { joinBaseUrl: 'https://visio.maillage.example' },
  invalidConfig: { joinBaseUrl: 'not a url' },
  invalidConfigField: ['config', 'joinBaseUrl'],
  context: { bridges: fakeBridges().host },
}));
