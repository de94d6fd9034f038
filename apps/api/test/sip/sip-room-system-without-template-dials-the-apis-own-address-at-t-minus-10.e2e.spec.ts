/**
 * With the API's own SIP gateway running (DRACHTIO_URL, a real drachtio-server on 127.0.0.1) and no
 * MEETING_SIP_URI_TEMPLATE, a room system with a driver (the Cisco xAPI simulator) dials the
 * meeting's own address, sip:<reference>@SIP_DOMAIN, when the meeting opens at T-10, and not before.
 */
import { CiscoXapiSimulator, DrachtioServer } from '@maillage/adapters';
import { PreflightSettings } from '../../src/preflight/preflight-settings';
import { addCiscoEndpoint } from '../endpoint-fixtures';
import { waitFor } from '../event-fixtures';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, meetingClock, meetingRoom, MINUTE } from '../meeting-fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same drachtio binary npm start and npm test use
import { ensureDrachtioBin } from '../../../../tools/setup/drachtio-bin.mjs';

describe('without MEETING_SIP_URI_TEMPLATE, room systems dial the API’s own SIP address at T-10', () => {
  let drachtio: DrachtioServer;
  let api: TestApi;
  let codec: CiscoXapiSimulator;
  let clock: ReturnType<typeof meetingClock>;

  beforeAll(async () => {
    drachtio = await DrachtioServer.start({ bin: ensureDrachtioBin() });
    const { host, port, secret } = drachtio.connection;
    api = await startTestApi({ env: { DRACHTIO_URL: `drachtio://${secret}@${host}:${port}`, SIP_DOMAIN: 'visio.maillage.test' } });
    codec = await CiscoXapiSimulator.start({ password: 'pw-lannion' });
    clock = meetingClock(api);
  }, 60_000);
  afterAll(async () => {
    clock?.restore();
    await api?.close();
    await codec?.close();
    await drachtio?.stop();
  });

  it('the Lannion codec dials <reference>@visio.maillage.test at T-10, nothing at T-11', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const lannion = await meetingRoom(api, 'lannion-tregor-communaute-siege');
    await addCiscoEndpoint(api, admin, lannion.roomId, codec, 'pw-lannion', 'Codec Lannion');
    api.app.get(PreflightSettings).dialInUriTemplate = null;
    const meeting = await bookMeeting(api, lannion, { title: 'Conseil de développement' });
    const [{ reference }] = await api.sql<{ reference: string }>(`SELECT reference FROM reservation WHERE id = $1`, [meeting.id]);

    await clock.at(meeting.start - 11 * MINUTE);
    expect(codec.received.filter((r) => r.method === 'xCommand/Dial')).toEqual([]);
    await clock.at(meeting.start - 10 * MINUTE);
    const dials = await waitFor('the codec to dial', async () => {
      const found = codec.received.filter((r) => r.method === 'xCommand/Dial');
      return found.length ? found : undefined;
    }, 20_000);
    expect(dials.map((r) => r.params)).toEqual([{ Number: `${reference}@visio.maillage.test`, Protocol: 'Sip' }]);
  });
});
