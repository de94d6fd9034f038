/**
 * Room systems (Cisco, Poly…) and SIP softphones join meetings by dialling
 * `sip:<meeting-code>@<sipDomain>`, through a drachtio-server (SIP transport, built by
 * tools/setup/build-drachtio.sh, supervised by `npm start`) driven with drachtio-srf. This adapter
 * owns SIP and SDP; the platform's meetings and media come through the host capability
 * `context.sip` (SipCallHost): which meeting a code names and whether it can be joined now, and the
 * media legs of an accepted call (libs/media: plain RTP into the meeting's router).
 *
 * Answers: OPTIONS → 200; INVITE to an unknown code → 404; a meeting outside its joining window or
 * closed → 480 with a Reason header; no SDP offer (delayed offer) or nothing in common → 488;
 * malformed SDP → 400; the media side failing → 503. An accepted call gets 180, then 200 with one
 * codec per m-line; CANCEL before the answer (drachtio answers 200 + 487) and BYE close its leg;
 * a re-INVITE is answered after its directions (hold: a=sendonly/inactive → recvonly/inactive and
 * nothing sent toward the room; resume: sendrecv); SIP INFO picture_fast_update asks the host for a keyframe;
 * closing the bridge hangs up every call into it.
 *
 * It is also the platform's SIP user agent (SipUserAgent): a meeting calls a room system (dial-out,
 * delayed offer: the callee's 200 carries the offer, our ACK the answer, negotiated as a dial-in's),
 * and OPTIONS pings tell whether a SIP address answers.
 */
import Srf from 'drachtio-srf';
import { DomainError, negotiateSipOffer, sipAnswerSdp, sipDialFailureCause, type SipAnswerLocal } from '@maillage/core';
import { closeSrf } from './srf-connection';
import type { AdapterContext, AdapterDefinition, AdapterHealth, AdapterManifest, ConferencingAdapter, JoinInfo, MeetingCloseReason, SipDialFailureCause, SipDialOutcome, SipLegEndReason, SipOptionsResult, SipUserAgent } from '@maillage/core';

export type SipDrachtioConfig = {
  /** drachtio-server's admin address (drachtio-srf connects there). */
  drachtioHost: string;
  drachtioPort: number;
  /** The host part of the meetings' SIP addresses, e.g. visio.maillage.example. */
  sipDomain: string;
  /** How long init waits for drachtio before reporting down (it keeps reconnecting). */
  connectTimeoutMs: number;
};

export const SIP_DRACHTIO_MANIFEST: AdapterManifest = {
  id: 'sip-drachtio',
  kind: 'conferencing',
  version: '0.1.0',
  displayName: 'Salles SIP (drachtio)',
  capabilities: ['sip-dial-in', 'sip-dial-out', 'sip-options', 'g711', 'g722', 'opus', 'h264', 'vp8'],
  configSchema: {
    type: 'object',
    properties: {
      drachtioHost: { type: 'string', format: 'hostname', title: 'Serveur drachtio', description: 'Adresse d’administration, p. ex. 127.0.0.1', default: '127.0.0.1' },
      drachtioPort: { type: 'integer', minimum: 1, maximum: 65535, title: 'Port d’administration', default: 9022 },
      drachtioSecret: { type: 'string', maxLength: 200, title: 'Secret d’administration', secret: true },
      sipDomain: { type: 'string', format: 'hostname', maxLength: 200, title: 'Domaine SIP', description: 'p. ex. visio.maillage.example : les salles appellent sip:<code>@visio.maillage.example' },
      connectTimeoutMs: { type: 'integer', minimum: 100, maximum: 60000, title: 'Délai de connexion (ms)', default: 3000 },
    },
    required: ['sipDomain'],
    additionalProperties: false,
  },
  subscribes: [],
};

/** `drachtio://<secret>@<host>:<admin port>` (DRACHTIO_URL, set by `npm start`) as this adapter's configuration and secret. */
export function sipDrachtioConfigFromUrl(url: string, sipDomain: string): { config: SipDrachtioConfig; secrets: { drachtioSecret: string } } {
  const parsed = new URL(url);
  if (parsed.protocol !== 'drachtio:') throw new DomainError('BAD_USER_INPUT', `DRACHTIO_URL must be drachtio://<secret>@<host>:<port>, got ${parsed.protocol}`, { field: ['DRACHTIO_URL'] });
  return {
    config: { drachtioHost: parsed.hostname, drachtioPort: Number(parsed.port || 9022), sipDomain, connectTimeoutMs: 3000 },
    secrets: { drachtioSecret: decodeURIComponent(parsed.username) },
  };
}

interface Call {
  callId: string;
  meetingId: string;
  direction: 'in' | 'out';
  dialog?: Srf.Dialog;
  /** Set once: the leg is closed (or being closed) for this reason. */
  ended?: SipLegEndReason;
  legOpened: boolean;
}

/** RFC 3326 Reason header. */
const reasonHeader = (cause: number, text: string) => `SIP;cause=${cause};text="${text.replace(/["\\\r\n]/g, ' ')}"`;

/** What createUAC resolves with when asked not to ACK a 200 that carries an offer (delayed offer). */
interface AnsweredWithOffer {
  sdp: string;
  res: Srf.SrfResponse;
  ack(localSdp: string): Promise<Srf.Dialog>;
  destroy(): Promise<void>;
}

/** Srf#request as drachtio-srf 5 implements it (its typings differ): the callback gets the request sent. */
type SendRequest = (uri: string, opts: { method: string; headers: Record<string, string> }, sent: (error: unknown, req: Srf.SrfRequest) => void) => void;

const DEFAULT_RING_TIMEOUT_MS = 30_000;
/** RFC 5168's body. */
const PICTURE_FAST_UPDATE = '<?xml version="1.0" encoding="utf-8" ?><media_control><vc_primitive><to_encoder><picture_fast_update/></to_encoder></vc_primitive></media_control>';
const DEFAULT_OPTIONS_TIMEOUT_MS = 2_000;

const failed = (status: number, reason: string, cause: SipDialFailureCause = sipDialFailureCause(status)): SipDialOutcome => ({ ok: false, status, cause, reason });

/** A SIP address we may call: sip:/sips: with a host. */
function assertSipAddress(uri: string): void {
  let host: string | undefined;
  try {
    host = /^sips?:/i.test(uri) ? Srf.parseUri(uri)?.host : undefined;
  } catch {
    host = undefined;
  }
  if (!host) throw new DomainError('BAD_USER_INPUT', `not a SIP address: ${uri.slice(0, 200)}`, { field: ['to'] });
}

/** The user part of the request URI: the meeting code (or PIN) the room system dialled. */
function dialledCode(uri: string): string {
  try {
    return decodeURIComponent(Srf.parseUri(uri)?.user ?? '').trim();
  } catch {
    return '';
  }
}

/** The caller's display name (From), for the other participants. */
function callerName(req: Srf.SrfRequest): string {
  try {
    const from = req.getParsedHeader('From');
    const name = from?.name?.replace(/^"|"$/g, '').trim();
    if (name) return name.slice(0, 80);
    const user = Srf.parseUri(from?.uri ?? '')?.user;
    return (user ?? 'Salle SIP').slice(0, 80);
  } catch {
    return 'Salle SIP';
  }
}

export class SipDrachtioAdapter implements ConferencingAdapter, SipUserAgent {
  private state: 'created' | 'ready' | 'disposed' = 'created';
  private srf?: Srf;
  private connected = false;
  private lastError?: string;
  private readonly calls = new Map<string, Call>();
  private sessionCounter = Math.floor(Date.now() / 1000);

  constructor(private readonly context: AdapterContext<SipDrachtioConfig>) {}

  async init(): Promise<void> {
    if (this.state === 'disposed') throw new DomainError('CONFLICT', 'sip-drachtio: instance disposed, create a new one');
    if (this.state === 'ready') return;
    this.state = 'ready';
    const srf = new Srf();
    this.srf = srf;
    srf.on('connect', () => {
      this.connected = true;
      this.lastError = undefined;
      this.context.logger.info('sip-drachtio: connected to drachtio', { host: this.context.config.drachtioHost, port: this.context.config.drachtioPort });
    });
    srf.on('disconnect', () => this.lost('disconnected'));
    srf.on('close' as 'disconnect', () => this.lost('connection closed'));
    srf.on('error', (error: Error) => {
      this.lastError = error.message;
      this.lost(error.message);
    });
    srf.use('options', (req, res) => this.onOptions(req, res));
    this.context.sip?.onPictureWanted?.((callId) => void this.requestPictureUpdate(callId));
    srf.invite((req, res) => {
      this.onInvite(req, res).catch((error: unknown) => {
        this.context.logger.error('sip-drachtio: INVITE handling failed', { error: String(error) });
        if (!res.finalResponseSent) res.send(500);
      });
    });
    const { drachtioHost, drachtioPort } = this.context.config;
    const connected = new Promise<void>((resolve) => srf.once('connect', () => resolve()));
    // drachtio-srf 5's connect() returns nothing (its typings say a promise): 'connect' and 'error' events tell.
    void srf.connect({ host: drachtioHost ?? '127.0.0.1', port: drachtioPort ?? 9022, secret: this.context.secrets.get('drachtioSecret') ?? '', reconnect: { retryMaxDelay: 2000 } } as Srf.SrfConfig);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, this.context.config.connectTimeoutMs ?? 3000)));
    await Promise.race([connected, timeout]);
    clearTimeout(timer);
    if (!this.connected) this.context.logger.warn('sip-drachtio: drachtio not reachable yet, still trying', { host: drachtioHost, port: drachtioPort, error: this.lastError });
  }

  async dispose(): Promise<void> {
    if (this.state === 'disposed') return;
    this.state = 'disposed';
    await Promise.all([...this.calls.values()].map((call) => this.hangUp(call, 'shutdown')));
    this.srf?.removeAllListeners('connect');
    if (this.srf) closeSrf(this.srf);
    this.srf = undefined;
    this.connected = false;
  }

  async health(): Promise<AdapterHealth> {
    if (this.state !== 'ready') return { status: 'down', detail: `instance ${this.state}` };
    if (!this.connected) return { status: 'down', detail: `drachtio ${this.context.config.drachtioHost}:${this.context.config.drachtioPort} not connected${this.lastError ? `: ${this.lastError}` : ''}` };
    if (!this.context.sip) return { status: 'degraded', detail: 'this host offers no SIP meetings (context.sip): every call gets 503' };
    return { status: 'up', detail: `${this.calls.size} call(s)` };
  }

  /** The bridge is the platform's own (context.bridges); without it the bridge id is the reservation id. */
  async openBridge(meeting: { reservationId: string; start: string; end: string }): Promise<{ bridgeId: string }> {
    this.assertReady();
    return this.context.bridges ? this.context.bridges.open(meeting) : { bridgeId: meeting.reservationId };
  }

  /** Hangs up every SIP call into the meeting, then closes the bridge when the host has one. */
  async closeBridge(bridgeId: string, reason: MeetingCloseReason = 'ended'): Promise<void> {
    this.assertReady();
    await Promise.all([...this.calls.values()].filter((call) => call.meetingId === bridgeId).map((call) => this.hangUp(call, 'bridge-closed')));
    await this.context.bridges?.close(bridgeId, reason);
  }

  async joinInfo(bridgeId: string, participant: { name: string; role: 'room' | 'guest' | 'host' }): Promise<JoinInfo> {
    this.assertReady();
    const sip = this.context.sip;
    if (!sip) throw new DomainError('CONFLICT', 'sip-drachtio: this host offers no SIP meetings');
    const code = await sip.meetingCode(bridgeId);
    const sipUri = `sip:${encodeURIComponent(code)}@${this.context.config.sipDomain}`;
    const link = this.context.bridges ? await this.context.bridges.issueJoinLink(bridgeId, participant) : undefined;
    return link ? { ...link, sipUri } : { url: sipUri, sipUri, validFrom: new Date(this.context.clock.now()).toISOString(), validUntil: new Date(this.context.clock.now() + 86_400_000).toISOString() };
  }

  /** Hangs up one call (BYE when answered, its media leg closed): the host's participant was ended, or an operator hung up. Unknown or ended calls: nothing. */
  async hangUpCall(callId: string, reason: SipLegEndReason = 'bridge-closed'): Promise<void> {
    const call = this.calls.get(callId);
    if (call) await this.hangUp(call, reason);
  }

  /** Live SIP calls (monitoring, tests). */
  activeCalls(): { callId: string; meetingId: string; answered: boolean; direction: 'in' | 'out' }[] {
    return [...this.calls.values()].filter((call) => !call.ended).map((call) => ({ callId: call.callId, meetingId: call.meetingId, answered: call.dialog !== undefined, direction: call.direction }));
  }

  /** Asks a room system for a fresh picture (RFC 5168 SIP INFO picture_fast_update in its call); false when the call is not up or it refused. */
  async requestPictureUpdate(callId: string): Promise<boolean> {
    const dialog = this.calls.get(callId)?.dialog;
    if (!dialog) return false;
    try {
      const res = await dialog.request({ method: 'INFO', headers: { 'Content-Type': 'application/media_control+xml' }, body: PICTURE_FAST_UPDATE } as unknown as Srf.SrfRequest);
      return res.status === 200;
    } catch (error) {
      this.context.logger.warn('sip-drachtio: picture_fast_update not sent', { callId, error: String(error) });
      return false;
    }
  }

  callActive(callId: string): boolean {
    const call = this.calls.get(callId);
    return call !== undefined && !call.ended;
  }

  /**
   * The meeting calls `to` (see SipUserAgent.dialOut): INVITE without SDP, CANCEL after ringTimeoutMs,
   * the offer of the 200 negotiated like a dial-in's (nothing in common: ACK then BYE, 488), the
   * media opened through the host, then the ACK with our answer.
   */
  async dialOut(request: { meeting: string; to: string; displayName: string; ringTimeoutMs?: number }): Promise<SipDialOutcome> {
    this.assertReady();
    assertSipAddress(request.to);
    const sip = this.context.sip;
    if (!sip) return failed(503, 'this host offers no SIP meetings', 'failed');
    const srf = this.srf;
    if (!srf || !this.connected) return failed(503, `drachtio ${this.context.config.drachtioHost}:${this.context.config.drachtioPort} is not connected`, 'unreachable');
    const meeting = await sip.lookup(request.meeting);
    if (meeting.status !== 'open') return failed(480, meeting.status === 'closed' ? meeting.detail : meeting.status === 'too-early' ? `the meeting opens at ${meeting.opensAt}` : 'no such meeting', 'meeting-closed');
    const code = await sip.meetingCode(meeting.meetingId);
    const from = `"${(meeting.title ?? 'Maillage').replace(/["\\\r\n]/g, ' ').slice(0, 80)}" <sip:${encodeURIComponent(code)}@${this.context.config.sipDomain}>`;

    const ringTimeoutMs = request.ringTimeoutMs ?? DEFAULT_RING_TIMEOUT_MS;
    let invite: Srf.SrfRequest | undefined;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      invite?.cancel(() => undefined);
    }, ringTimeoutMs);
    let answered: AnsweredWithOffer | Srf.Dialog;
    try {
      answered = (await srf.createUAC(request.to, { headers: { From: from, 'User-Agent': 'Maillage' }, noAck: true } as Srf.CreateUACOptions, {
        cbRequest: (_error: unknown, req: Srf.SrfRequest) => {
          invite = req;
          if (timedOut) req.cancel(() => undefined);
        },
      } as never)) as unknown as AnsweredWithOffer | Srf.Dialog;
    } catch (error) {
      const sipError = error as { status?: number; reason?: string; message?: string };
      if (timedOut) return failed(408, `no answer within ${ringTimeoutMs} ms`, 'no-answer');
      const status = typeof sipError.status === 'number' ? sipError.status : 503;
      return failed(status, sipError.reason ?? sipError.message ?? String(error));
    } finally {
      clearTimeout(timer);
    }
    if (!('ack' in answered)) {
      // A 200 without an offer: nothing to negotiate.
      answered.destroy();
      return failed(488, 'the callee answered without an SDP offer', 'incompatible');
    }
    const negotiation = negotiateSipOffer(answered.sdp);
    if (!negotiation.ok) {
      await answered.destroy();
      return failed(negotiation.status === 400 ? 488 : negotiation.status, `the callee's offer: ${negotiation.reason}`, 'incompatible');
    }
    const call: Call = { callId: answered.res.get('Call-ID'), meetingId: meeting.meetingId, direction: 'out', legOpened: false };
    this.calls.set(call.callId, call);
    let local: SipAnswerLocal;
    let localSdp: string;
    try {
      const media = await sip.openLeg({ meetingId: meeting.meetingId, callId: call.callId, displayName: request.displayName.slice(0, 80), legs: negotiation.legs });
      call.legOpened = true;
      if (call.ended) {
        await sip.closeLeg(call.callId, call.ended);
        await answered.destroy();
        return failed(487, 'hung up before the call was established', 'failed');
      }
      this.sessionCounter += 1;
      local = { ip: media.ip, sessionId: this.sessionCounter, sessionVersion: this.sessionCounter, legs: media.legs };
      localSdp = sipAnswerSdp(negotiation, local);
    } catch (error) {
      this.calls.delete(call.callId);
      await answered.destroy();
      return failed(503, `the meeting media is unavailable: ${error instanceof Error ? error.message : String(error)}`, 'failed');
    }
    let dialog: Srf.Dialog;
    try {
      dialog = await answered.ack(localSdp);
    } catch (error) {
      await this.hangUp(call, 'failed');
      return failed(500, `the call could not be established: ${error instanceof Error ? error.message : String(error)}`, 'failed');
    }
    this.attach(call, dialog, { negotiation, sdp: localSdp, local });
    this.context.logger.info('sip-drachtio: call placed and answered', { callId: call.callId, meetingId: call.meetingId, to: request.to, legs: negotiation.legs.map((leg) => `${leg.kind} ${leg.codec.name}/${leg.codec.payloadType}`) });
    return { ok: true, callId: call.callId };
  }

  /** OPTIONS to `uri`: its status and round-trip time, 408 when nothing answered within timeoutMs. */
  async options(uri: string, timeoutMs = DEFAULT_OPTIONS_TIMEOUT_MS): Promise<SipOptionsResult> {
    this.assertReady();
    assertSipAddress(uri);
    const srf = this.srf;
    const started = Date.now();
    if (!srf || !this.connected) return { status: 503, rttMs: 0, reason: 'drachtio is not connected' };
    return new Promise<SipOptionsResult>((resolve) => {
      let settled = false;
      const settle = (status: number, reason: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, rttMs: Date.now() - started, reason });
      };
      const timer = setTimeout(() => settle(408, `no answer within ${timeoutMs} ms`), timeoutMs);
      const send = srf.request.bind(srf) as unknown as SendRequest;
      send(uri, { method: 'OPTIONS', headers: { From: `<sip:maillage@${this.context.config.sipDomain}>`, Accept: 'application/sdp', 'User-Agent': 'Maillage' } }, (error, req) => {
        if (error) return settle(503, error instanceof Error ? error.message : String(error));
        req.on('response', (res) => settle(res?.status ?? 500, res?.reason ?? ''));
      });
    });
  }

  private onOptions(_req: Srf.SrfRequest, res: Srf.SrfResponse): void {
    res.send(200, { headers: { Allow: 'INVITE, ACK, CANCEL, BYE, OPTIONS, INFO', Accept: 'application/sdp' } });
  }

  private async onInvite(req: Srf.SrfRequest, res: Srf.SrfResponse): Promise<void> {
    const sip = this.context.sip;
    if (this.state !== 'ready' || !sip) {
      res.send(503, { headers: { Reason: reasonHeader(503, 'SIP meetings are not available') } });
      return;
    }
    const code = dialledCode(req.uri);
    const meeting = code ? await sip.lookup(code) : ({ status: 'unknown' } as const);
    if (meeting.status === 'unknown') {
      res.send(404, { headers: { Reason: reasonHeader(404, 'no meeting has this address') } });
      return;
    }
    if (meeting.status === 'too-early') {
      res.send(480, { headers: { Reason: reasonHeader(480, `the meeting opens at ${meeting.opensAt}`) } });
      return;
    }
    if (meeting.status === 'closed') {
      res.send(480, { headers: { Reason: reasonHeader(480, meeting.detail) } });
      return;
    }
    if (!req.body) {
      res.send(488, { headers: { Reason: reasonHeader(488, 'an SDP offer is required in the INVITE'), Warning: '399 maillage "delayed offer is not supported"' } });
      return;
    }
    const negotiation = negotiateSipOffer(req.body);
    if (!negotiation.ok) {
      res.send(negotiation.status, { headers: { Reason: reasonHeader(negotiation.status, negotiation.reason), Warning: `399 maillage "${negotiation.reason.replace(/"/g, "'")}"` } });
      return;
    }

    const call: Call = { callId: req.get('Call-ID'), meetingId: meeting.meetingId, direction: 'in', legOpened: false };
    if (this.calls.has(call.callId)) {
      res.send(482);
      return;
    }
    this.calls.set(call.callId, call);
    req.on('cancel', () => void this.hangUp(call, 'cancel'));
    res.send(180);
    let local: SipAnswerLocal;
    let localSdp: string;
    try {
      const media = await sip.openLeg({ meetingId: meeting.meetingId, callId: call.callId, displayName: callerName(req), legs: negotiation.legs });
      call.legOpened = true;
      if (call.ended) {
        await sip.closeLeg(call.callId, call.ended);
        return;
      }
      this.sessionCounter += 1;
      local = { ip: media.ip, sessionId: this.sessionCounter, sessionVersion: this.sessionCounter, legs: media.legs };
      localSdp = sipAnswerSdp(negotiation, local);
    } catch (error) {
      this.calls.delete(call.callId);
      if (call.ended) return;
      this.context.logger.error('sip-drachtio: the media of a call could not be opened', { callId: call.callId, meetingId: call.meetingId, error: String(error) });
      if (!res.finalResponseSent) res.send(503, { headers: { Reason: reasonHeader(503, 'the meeting media is unavailable') } });
      return;
    }
    let dialog: Srf.Dialog;
    try {
      dialog = await this.srf!.createUAS(req, res, { localSdp });
    } catch (error) {
      // Cancelled between our answer's preparation and its sending, or drachtio lost: close the leg.
      await this.hangUp(call, call.ended ?? 'cancel');
      this.context.logger.info('sip-drachtio: call not established', { callId: call.callId, error: String(error) });
      return;
    }
    call.dialog = dialog;
    if (call.ended) {
      dialog.destroy();
      return;
    }
    this.attach(call, dialog, { negotiation, sdp: localSdp, local });
    this.context.logger.info('sip-drachtio: call answered', { callId: call.callId, meetingId: call.meetingId, legs: negotiation.legs.map((leg) => `${leg.kind} ${leg.codec.name}/${leg.codec.payloadType}`) });
  }

  /** An established call, either way: BYE ends it, INFO picture_fast_update asks for a keyframe, a re-INVITE holds or resumes it. */
  private attach(call: Call, dialog: Srf.Dialog, answered: { negotiation: Extract<ReturnType<typeof negotiateSipOffer>, { ok: true }>; sdp: string; local: SipAnswerLocal }): void {
    call.dialog = dialog;
    dialog.on('destroy', () => void this.hangUp(call, 'bye'));
    // A BYE right behind the ACK can reach drachtio-srf in the same read, before this listener: the dialog is already over.
    if (!(dialog as Srf.Dialog & { connected?: boolean }).connected) void this.hangUp(call, 'bye');
    // SIP INFO picture_fast_update (RFC 5168), what room systems send for a fresh picture: a keyframe of their video leg.
    dialog.on('info', (infoReq, infoRes) => {
      if (/picture_fast_update/i.test(infoReq.body ?? '')) {
        infoRes.send(200);
        void this.context.sip?.requestKeyFrame?.(call.callId).catch((error: unknown) => this.context.logger.warn('sip-drachtio: keyframe request failed', { callId: call.callId, error: String(error) }));
        return;
      }
      infoRes.send(infoReq.body ? 415 : 200);
    });
    // Re-INVITE (hold, resume, session refresh): the same media, each m-line answered after its new direction.
    dialog.on('modify', (modifyReq, modifyRes) => {
      this.onReinvite(call, answered, modifyReq, modifyRes).catch((error: unknown) => {
        this.context.logger.error('sip-drachtio: re-INVITE handling failed', { callId: call.callId, error: String(error) });
        if (!modifyRes.finalResponseSent) modifyRes.send(500);
      });
    });
  }

  /**
   * A re-INVITE in an answered call. Its offer's direction per m-line says what the room system
   * wants: a=sendonly or a=inactive (or the RFC 2543 c=0.0.0.0, or the m-line gone) is hold, a=sendrecv
   * resume. The codecs and ports stay those of the call; the answer mirrors each direction
   * (recvonly, inactive, sendrecv) under a new o= version, and the host stops or resumes what we
   * send (the mix, the picture). No SDP (a session refresh): the current answer again.
   */
  private async onReinvite(
    call: Call,
    answered: { negotiation: Extract<ReturnType<typeof negotiateSipOffer>, { ok: true }>; sdp: string; local: SipAnswerLocal },
    req: Srf.SrfRequest,
    res: Srf.SrfResponse,
  ): Promise<void> {
    const sdpHeaders = { 'Content-Type': 'application/sdp' };
    if (!req.body) {
      res.send(200, { body: answered.sdp, headers: sdpHeaders });
      return;
    }
    const offer = negotiateSipOffer(req.body);
    if (!offer.ok) {
      res.send(offer.status, { headers: { Reason: reasonHeader(offer.status, offer.reason) } });
      return;
    }
    const legs = answered.negotiation.legs.map((leg) => {
      const now = offer.legs.find((l) => l.index === leg.index);
      return { ...leg, direction: !now || now.remote.ip === '0.0.0.0' ? ('inactive' as const) : now.direction };
    });
    const receives = (kind: 'audio' | 'video') => legs.some((leg) => leg.kind === kind && (leg.direction === 'sendrecv' || leg.direction === 'recvonly'));
    const local = { ...answered.local, sessionVersion: (answered.local.sessionVersion ?? answered.local.sessionId) + 1 };
    answered.local = local;
    answered.sdp = sipAnswerSdp({ ...answered.negotiation, legs }, local);
    const outbound = { audio: receives('audio'), video: receives('video') };
    await this.context.sip?.setOutbound?.(call.callId, outbound).catch((error: unknown) => this.context.logger.warn('sip-drachtio: hold/resume not applied to the media', { callId: call.callId, error: String(error) }));
    res.send(200, { body: answered.sdp, headers: sdpHeaders });
    this.context.logger.info(outbound.audio || outbound.video ? 'sip-drachtio: call resumed' : 'sip-drachtio: call on hold', { callId: call.callId, meetingId: call.meetingId, directions: legs.map((leg) => `${leg.kind} ${leg.direction}`) });
  }

  /**
   * drachtio is gone (killed, restarted, or the admin connection broke): the SIP dialogs it held are
   * lost with it, so every call ends now with reason `failed` (its media leg closed, no BYE can be
   * sent); the host decides what to redial once drachtio is back.
   */
  private lost(detail: string): void {
    const wasConnected = this.connected;
    this.connected = false;
    if (!wasConnected || this.calls.size === 0) return;
    this.context.logger.warn('sip-drachtio: drachtio lost, its calls end', { calls: this.calls.size, detail });
    for (const call of [...this.calls.values()]) void this.hangUp(call, 'failed', { signal: false });
  }

  /** Ends a call once: BYE when answered (unless the remote hung up, or drachtio is gone), then the media leg. */
  private async hangUp(call: Call, reason: SipLegEndReason, options: { signal?: boolean } = {}): Promise<void> {
    if (call.ended) return;
    call.ended = reason;
    this.calls.delete(call.callId);
    if (call.dialog && reason !== 'bye' && options.signal !== false) {
      await new Promise<void>((resolve) => call.dialog!.destroy(undefined, () => resolve()));
    }
    if (call.legOpened) {
      await this.context.sip?.closeLeg(call.callId, reason).catch((error: unknown) => this.context.logger.warn('sip-drachtio: closing a media leg failed', { callId: call.callId, error: String(error) }));
    }
  }

  private assertReady(): void {
    if (this.state !== 'ready') throw new DomainError('CONFLICT', `sip-drachtio: instance ${this.state}`);
  }
}

export const sipDrachtioAdapter: AdapterDefinition<SipDrachtioConfig, SipDrachtioAdapter> = {
  manifest: SIP_DRACHTIO_MANIFEST,
  create: (context) => new SipDrachtioAdapter(context),
};

