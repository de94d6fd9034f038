/**
 * Hold and resume over SIP (RFC 3264 §8.4), on the real API with a real drachtio-server: SIPp calls
 * a meeting, then sends three re-INVITEs in the dialog — a=sendonly (hold), a=inactive, a=sendrecv
 * (resume) — and hangs up. Each gets 200 with the mirrored directions (recvonly, inactive,
 * sendrecv) on both m-lines; while held, `meeting` shows the participant on hold, the media sends
 * it nothing (MediaServer.sip.outbound) and its own producers pause in the meeting (no music on
 * hold for the others), then all comes back.
 */
import { DrachtioServer, PCMU_H264_OFFER, runSipp, SIPP_SCENARIOS, withDirection } from '@maillage/adapters';
import { MediaServer } from '@maillage/media';
import { SipGateway } from '../../src/sip/sip-gateway';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, meetingClock, meetingRoom, MINUTE, type BookedMeeting } from '../meeting-fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same drachtio binary npm start and npm test use
import { ensureDrachtioBin } from '../../../../tools/setup/drachtio-bin.mjs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the SIP test tools from Debian (SIPp)
import { ensureSipTestTools } from '../../../../tools/setup/sip-test-tools.mjs';

const MEETING = `query($r: ID!) { meeting(reservationId: $r) { participants { name kind onHold } } }`;

describe('a room system holds the call with a re-INVITE and resumes it', () => {
  let drachtio: DrachtioServer;
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  let admin: Record<string, string>;
  let meeting: BookedMeeting & { reference: string };

  beforeAll(async () => {
    ensureSipTestTools();
    drachtio = await DrachtioServer.start({ bin: ensureDrachtioBin() });
    const { host, port, secret } = drachtio.connection;
    api = await startTestApi({ env: { DRACHTIO_URL: `drachtio://${secret}@${host}:${port}`, SIP_DOMAIN: '127.0.0.1' } });
    clock = meetingClock(api);
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const booked = await bookMeeting(api, await meetingRoom(api), { hour: 10 });
    meeting = { ...booked, reference: (await api.sql<{ reference: string }>(`SELECT reference FROM reservation WHERE id = $1`, [booked.id]))[0].reference };
    await clock.at(meeting.start + 2 * MINUTE);
  }, 60_000);

  afterAll(async () => {
    clock?.restore();
    await api?.close();
    await drachtio?.stop();
  });

  it('answers recvonly, inactive, then sendrecv; `meeting` and the media follow the hold', async () => {
    const reinvites = [withDirection(PCMU_H264_OFFER, 'sendonly', 2), withDirection(PCMU_H264_OFFER, 'inactive', 3), withDirection(PCMU_H264_OFFER, 'sendrecv', 4)];
    const call = runSipp({ scenarioXml: SIPP_SCENARIOS.reinvitesThenBye(PCMU_H264_OFFER, reinvites, 1500), sipPort: drachtio.sipPort, user: meeting.reference, timeoutMs: 20_000 });
    let done = false;
    void call.finally(() => (done = true));
    // What `meeting` and the media say, every 100 ms while the call lasts (bounded by SIPp's own timeout); each sequence without repeats.
    const holds: boolean[] = [];
    const outbounds: string[] = [];
    const paused: string[] = [];
    const push = <T>(list: T[], value: T) => list[list.length - 1] !== value && list.push(value);
    while (!done) {
      const [participant] = (await api.gql<{ meeting: { participants: { name: string; kind: string; onHold: boolean }[] } }>(MEETING, { r: meeting.id }, admin)).data?.meeting.participants ?? [];
      if (participant) push(holds, participant.onHold);
      const [callId] = api.app.get(SipGateway).activeCalls().map((c) => c.callId);
      const media = api.app.get(MediaServer).sip;
      if (callId && media.callIds().includes(callId)) {
        push(outbounds, JSON.stringify(media.outbound(callId)));
        // Its own producers in the meeting (what the others hear and see of it).
        const own = api.app.get(MediaServer).bridge(meeting.id)?.producers().filter((p) => p.peerId === `sip-${callId}`) ?? [];
        if (own.length === 2) push(paused, own.every((p) => p.paused) ? 'paused' : own.some((p) => p.paused) ? 'partly' : 'live');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const run = await call;
    expect({ code: run.code, why: run.code === 0 ? '' : `${run.output.slice(-3000)}\n${run.log.slice(-3000)}` }).toEqual({ code: 0, why: '' });
    expect(run.log).toContain('reinvite 2: recvonly recvonly');
    expect(run.log).toContain('reinvite 3: inactive inactive');
    expect(run.log).toContain('reinvite 4: sendrecv sendrecv');
    console.log(`[sip hold] onHold in \`meeting\`: ${JSON.stringify(holds)}; what the media sends: ${outbounds.join(' → ')}; its producers: ${paused.join(' → ')}`);
    expect(holds).toEqual([false, true, false]);
    expect(outbounds).toEqual(['{"audio":true,"video":true}', '{"audio":false,"video":false}', '{"audio":true,"video":true}']);
    expect(paused).toEqual(['live', 'paused', 'live']);
  }, 40_000);
});
