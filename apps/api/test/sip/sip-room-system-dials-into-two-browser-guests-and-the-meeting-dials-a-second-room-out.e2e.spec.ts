/**
 * Issue 11's "done when", end to end on the real API (in-process, real PostgreSQL, real mediasoup
 * worker) with a real drachtio-server (DRACHTIO_URL), two real headless-Chromium guests (fake camera
 * and microphone) and real baresip room systems (Debian), 127.0.0.1 only:
 * - Camille and Yann join a seeded meeting from their join links (the page shows its SIP address);
 *   their cameras go in H.264 (the join page prefers it: mediasoup does not transcode, and room
 *   systems decode H.264, not VP8);
 * - "Salle baresip" dials sip:<reference>@127.0.0.1: each browser decodes its H.264 video and its
 *   G.722 audio (frames decoded, audio samples); baresip receives the mix-minus of both guests
 *   (ffmpeg, two inputs) and the active speaker's H.264 camera (packets sent by mediasoup, and
 *   baresip's own rtcpsummary at hang-up);
 * - the meeting had called its SIP participant "Salle Perros" (a second baresip) when it opened
 *   (dial-out at T-10, delayed offer); it rang meanwhile and answers now: its media flows both ways
 *   (mediasoup counts what it sends, it hears the three others), the first room hears it too;
 * - closing the meeting hangs both up (BYE); their rtcpsummary says what they received.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DrachtioServer, startBaresip, type Baresip } from '@maillage/adapters';
import { MediaServer } from '@maillage/media';
import { SipGateway } from '../../src/sip/sip-gateway';
import { describeInBrowser, joinFromLobby, launchMeetingBrowser, mediaFlowing, openLobby, participantPage, statsOf, waitForStats } from '../browser/meeting-browser';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookMeeting, createJoinLink, eventually, meetingClock, meetingRoom, type BookedMeeting } from '../meeting-fixtures';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the same drachtio binary npm start and npm test use
import { ensureDrachtioBin } from '../../../../tools/setup/drachtio-bin.mjs';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the SIP test tools from Debian (baresip, ffmpeg)
import { ensureSipTestTools } from '../../../../tools/setup/sip-test-tools.mjs';

const ROOT = join(__dirname, '..', '..', '..', '..');
const MEETING = `query($r: ID!) { meeting(reservationId: $r) { participants { name role kind } attendance { name kind leftReason } } }`;
const SIP_CALLS = `query($r: ID!) { meeting(reservationId: $r) { sipCalls { name uri status } } }`;

describeInBrowser('a room system dials into a meeting of two browser guests, and the meeting dials a second room out', () => {
  let drachtio: DrachtioServer;
  let api: TestApi;
  let clock: ReturnType<typeof meetingClock>;
  let admin: Record<string, string>;
  let meeting: BookedMeeting & { reference: string };
  let browser: Browser;
  let camille: Page;
  let yann: Page;
  const guestIds: string[] = [];
  let dialIn: Baresip | undefined;
  let dialOut: Baresip | undefined;
  let dialInCallId: string;
  let dialOutCallId: string;

  const media = () => api.app.get(MediaServer);
  const gateway = () => api.app.get(SipGateway);
  const explain = (room: Baresip | undefined) => (error: Error) => {
    throw new Error(`${error.message}\nbaresip:\n${room?.output().slice(-3000) ?? ''}`);
  };
  /** A counter sampled twice 1 s apart: it grows now, not only at some point. */
  const growing = async <T extends Record<string, number>>(sample: () => Promise<T>): Promise<{ before: T; after: T }> => {
    const before = await sample();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { before, after: await sample() };
  };

  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'tools/build-admin.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('building apps/admin failed');
    ensureSipTestTools();
    drachtio = await DrachtioServer.start({ bin: ensureDrachtioBin() });
    const { host, port, secret } = drachtio.connection;
    // Rings long enough for the dial-in part to run first (the test answers it then).
    api = await startTestApi({ env: { DRACHTIO_URL: `drachtio://${secret}@${host}:${port}`, SIP_DOMAIN: '127.0.0.1', SIP_DIAL_RING_TIMEOUT_MS: '120000', EVENT_POLL_MS: '100' } });
    clock = meetingClock(api);
    admin = await api.loginAs(ADMIN.email, ADMIN.password);
    // The second room system is a SIP participant of the reservation: the meeting calls it when it opens.
    dialOut = await startBaresip({ name: 'Salle Perros', user: 'perros', answer: 'manual', toneHz: 700, quitAfterS: 150, rtpPorts: [46500, 46999] });
    const booked = await bookMeeting(api, await meetingRoom(api), { hour: 10, minutes: 60, title: 'Comité de pilotage', participants: [{ kind: 'SIP', name: 'Salle Perros', sipUri: dialOut.uri }] });
    meeting = { ...booked, reference: (await api.sql<{ reference: string }>(`SELECT reference FROM reservation WHERE id = $1`, [booked.id]))[0].reference };
    const links = [await createJoinLink(api, meeting, 'Camille Martin', 'HOST'), await createJoinLink(api, meeting, 'Yann Le Goff')];
    await clock.at(meeting.start);
    browser = await launchMeetingBrowser();
    camille = (await participantPage(browser)).page;
    yann = (await participantPage(browser)).page;
    for (const [page, link] of [
      [camille, links[0]],
      [yann, links[1]],
    ] as const) {
      await openLobby(page, `${api.url}${link.url}`);
      // The join page gives the address a room system dials instead.
      await page.getByTestId('sip-address').filter({ hasText: `Depuis un système de visioconférence : sip:${meeting.reference}@127.0.0.1` }).waitFor();
      await joinFromLobby(page);
      guestIds.push((await waitForStats(page, (s) => !!s.participantId)).participantId!);
    }
    await camille.getByTestId('tile-name').filter({ hasText: 'Yann Le Goff' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await dialIn?.stop();
    await dialOut?.stop();
    await browser?.close();
    clock?.restore();
    await api?.close();
    await drachtio?.stop();
  });

  it('the guests send their cameras in H.264, three simulcast layers', async () => {
    for (const page of [camille, yann]) {
      const sent = await waitForStats(page, (s) => s.outbound.some((o) => o.source === 'camera' && o.packetsSent > 0));
      expect(sent.outbound.find((o) => o.source === 'camera')).toMatchObject({ codec: 'video/H264', layers: 3 });
    }
  });

  it('baresip dials sip:<reference>@127.0.0.1, joins as "Salle baresip", and both browsers decode its H.264 video and G.722 audio', async () => {
    dialIn = await startBaresip({ name: 'Salle baresip', dial: `sip:${meeting.reference}@127.0.0.1:${drachtio.sipPort}`, toneHz: 400, quitAfterS: 120, rtpPorts: [46000, 46499] });
    dialInCallId = await eventually(async () => gateway().activeCalls().find((call) => call.answered)?.callId, 15_000).catch(explain(dialIn));
    const peer = `sip-${dialInCallId}`;
    const state = await eventually(async () => {
      const m = (await api.gql<{ meeting: { participants: { name: string; role: string; kind: string }[] } }>(MEETING, { r: meeting.id }, admin)).data?.meeting;
      return m?.participants.some((p) => p.kind === 'SIP') ? m : undefined;
    });
    expect(state.participants.filter((p) => p.kind === 'SIP')).toEqual([{ name: 'Salle baresip', role: 'ROOM', kind: 'SIP' }]);
    for (const [name, page] of [
      ['Camille', camille],
      ['Yann', yann],
    ] as const) {
      await page.getByTestId('tile-name').filter({ hasText: 'Salle baresip' }).waitFor();
      const flow = await mediaFlowing(page, peer, 1500, 20_000);
      const codecs = (await statsOf(page))!.inbound.filter((s) => s.peerId === peer).map((s) => s.codec).sort();
      console.log(`[sip e2e] ${name} receives from Salle baresip (${codecs.join(', ')}): ${JSON.stringify(flow)}`);
      expect(codecs).toEqual(['audio/G722', 'video/H264']);
      expect(flow.after.framesDecoded).toBeGreaterThan(flow.before.framesDecoded);
      expect(flow.after.framesDecoded).toBeGreaterThan(10);
      expect(flow.after.audioPackets).toBeGreaterThan(flow.before.audioPackets);
      expect(flow.after.audioSamples).toBeGreaterThan(flow.before.audioSamples);
    }
  }, 60_000);

  it('baresip receives the mix of both guests (ffmpeg, two inputs) and the active speaker’s H.264 camera', async () => {
    const legs = await media().sip.stats(dialInCallId);
    expect(legs.map((leg) => [leg.kind, leg.codec.split('/')[0]])).toEqual([
      ['audio', 'G722'],
      ['video', 'H264'],
    ]);
    const audio = await eventually(async () => {
      const out = await media().sip.audioOutStats(dialInCallId);
      return out && out.inputs === 2 && out.packets >= 50 ? out : undefined;
    }, 15_000);
    const video = await eventually(async () => {
      const out = await media().sip.videoOutStats(dialInCallId);
      return out && out.packets >= 30 ? out : undefined;
    }, 15_000);
    // What it shows is one of the guests' cameras.
    const shown = media().bridge(meeting.id)!.producers().find((p) => p.producerId === video.sourceProducerId);
    expect(shown).toMatchObject({ kind: 'video', source: 'camera' });
    expect(guestIds).toContain(shown!.peerId);
    const flow = await growing(async () => ({ audio: (await media().sip.audioOutStats(dialInCallId))!.packets, video: (await media().sip.videoOutStats(dialInCallId))!.packets }));
    console.log(`[sip e2e] mediasoup → Salle baresip: mix of ${audio.inputs} inputs ${JSON.stringify(flow)} packets (audio, video), video from ${shown!.peerId === guestIds[0] ? 'Camille' : 'Yann'}`);
    expect(flow.after.audio).toBeGreaterThan(flow.before.audio + 25); // 20 ms frames: ~50 a second
    expect(flow.after.video).toBeGreaterThan(flow.before.video);
  }, 40_000);

  it('the meeting called its SIP participant when it opened; Salle Perros, ringing since, answers: its media flows both ways', async () => {
    const room = dialOut!;
    await eventually(async () => (/Incoming call/.test(room.output()) ? true : undefined), 5_000).catch(explain(room));
    const ringing = await api.gql<{ meeting: { sipCalls: { name: string; uri: string; status: string }[] } }>(SIP_CALLS, { r: meeting.id }, admin);
    expect(ringing.data?.meeting.sipCalls).toEqual([{ name: 'Salle Perros', uri: room.uri, status: 'DIALLING' }]);
    room.accept();
    dialOutCallId = await eventually(async () => gateway().activeCalls().find((call) => call.answered && call.callId !== dialInCallId)?.callId, 10_000).catch(explain(room));
    const legs = await eventually(async () => {
      const stats = await media().sip.stats(dialOutCallId);
      return stats.length === 2 && stats.every((leg) => leg.packets >= 30) ? stats : undefined;
    }, 20_000).catch(explain(room));
    const audio = await eventually(async () => {
      const out = await media().sip.audioOutStats(dialOutCallId);
      return out && out.inputs === 3 && out.packets >= 50 ? out : undefined;
    }, 15_000);
    const video = await eventually(async () => {
      const out = await media().sip.videoOutStats(dialOutCallId);
      return out && out.packets >= 30 ? out : undefined;
    }, 15_000);
    console.log(`[sip e2e] Salle Perros (dialled out) → mediasoup: ${legs.map((leg) => `${leg.kind} ${leg.codec} ${leg.packets}`).join(', ')}; mediasoup → it: mix of ${audio.inputs} inputs ${audio.packets} packets, video ${video.packets} packets`);
    const connected = await api.gql<{ meeting: { sipCalls: { status: string }[] } }>(SIP_CALLS, { r: meeting.id }, admin);
    expect(connected.data?.meeting.sipCalls.map((c) => c.status)).toEqual(['CONNECTED']);
    // The guests see it too, and the first room now hears it in its mix.
    await camille.getByTestId('tile-name').filter({ hasText: 'Salle Perros' }).waitFor();
    await eventually(async () => ((await media().sip.audioOutStats(dialInCallId))?.inputs === 3 ? true : undefined), 10_000);
  }, 60_000);

  it('closing the meeting hangs the rooms up (BYE): each had received audio and video', async () => {
    const rooms = [
      { name: 'Salle baresip', room: dialIn! },
      ...(dialOut ? [{ name: 'Salle Perros', room: dialOut }] : []),
    ];
    const from = rooms.map(({ room }) => room.output().length);
    const closed = await api.gql<{ closeMeeting: { status: string } }>(`mutation($r: ID!) { closeMeeting(reservationId: $r) { status } }`, { r: meeting.id }, admin);
    expect(closed.data?.closeMeeting.status).toBe('CLOSED');
    // baresip's rtcpsummary, one line per stream (audio, video) when its call ends: PR = packets it received.
    const counts = await Promise.all(rooms.map(({ room }, i) => eventually(async () => (room.rtcpReceived(from[i]).length === 2 ? room.rtcpReceived(from[i]) : undefined), 10_000).catch(explain(room))));
    console.log(`[sip e2e] rtcpsummary PR at hang-up: ${rooms.map(({ name }, i) => `${name} audio ${counts[i][0]}, video ${counts[i][1]}`).join('; ')}`);
    for (const [audio, video] of counts) {
      expect(audio).toBeGreaterThan(0);
      expect(video).toBeGreaterThan(0);
    }
    expect(gateway().activeCalls()).toEqual([]);
    const attendance = (await api.gql<{ meeting: { attendance: { name: string; kind: string; leftReason: string }[] } }>(MEETING, { r: meeting.id }, admin)).data!.meeting.attendance;
    expect(attendance.filter((a) => a.kind === 'SIP').map((a) => [a.name, a.leftReason])).toEqual(rooms.map(({ name }) => [name, 'meeting-closed']));
  }, 30_000);
});
