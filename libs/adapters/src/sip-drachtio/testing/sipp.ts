/**
 * SIPp (Debian's sip-tester) for the SIP specs: scenarios written from templates, one call per run,
 * 127.0.0.1 only, a bounded run time. `runSipp` resolves with SIPp's exit code (0: the call went as
 * the scenario says) and its output, for the assertion message.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeSipPort } from '../drachtio-server';

/** A PCMU + H.264 pm1 offer with a=ssrc, nothing listening behind it (signalling only). */
export const PCMU_H264_OFFER = [
  'v=0',
  'o=sipp 1 1 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 6000 RTP/AVP 0',
  'a=rtpmap:0 PCMU/8000',
  'a=ssrc:11111111 cname:sipp',
  'm=video 6002 RTP/AVP 97',
  'a=rtpmap:97 H264/90000',
  'a=fmtp:97 packetization-mode=1;profile-level-id=42e01f',
  'a=ssrc:22222222 cname:sipp',
  '',
].join('\r\n');

const headers = (method: string, cseq: number) => `${method} sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: "Salle SIPp" <sip:sipp@[local_ip]:[local_port]>;tag=[call_number]
      To: <sip:[service]@[remote_ip]:[remote_port]>
      Call-ID: [call_id]
      CSeq: ${cseq} ${method}
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70`;

const invite = (sdp: string) => `  <send retrans="500">
    <![CDATA[
      ${headers('INVITE', 1)}
      Content-Type: application/sdp
      Content-Length: [len]

${sdp.replace(/\r\n/g, '\n').trimEnd()}
    ]]>
  </send>`;

const ackNon2xx = `  <send>
    <![CDATA[
      ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      CSeq: 1 ACK
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>`;

/** RFC 5168's body, in-dialog, CSeq 2 (the BYE after it takes 3). */
const pictureFastUpdate = `  <send retrans="500">
    <![CDATA[
      INFO [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      CSeq: 2 INFO
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Type: application/media_control+xml
      Content-Length: [len]

<?xml version="1.0" encoding="utf-8" ?><media_control><vc_primitive><to_encoder><picture_fast_update/></to_encoder></vc_primitive></media_control>
    ]]>
  </send>
  <recv response="200"/>`;

const scenario = (name: string, body: string) => `<?xml version="1.0" encoding="ISO-8859-1" ?>
<!DOCTYPE scenario SYSTEM "sipp.dtd">
<scenario name="${name}">
${body}
</scenario>
`;

/** Our 200 to the request just received in the dialog (BYE, INFO). */
const okToLastRequest = `  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]>
  </send>`;

/** Our BYE in the dialog, with CSeq `cseq`. */
const byeInDialog = (cseq: number) => `  <send retrans="500">
    <![CDATA[
      BYE [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      CSeq: ${cseq} BYE
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>`;

/** Our ACK to a 2xx, in the dialog. */
const ackInDialog = (cseq: number) => `  <send>
    <![CDATA[
      ACK [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      CSeq: ${cseq} ACK
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>`;

/** After an INVITE: the provisional answers, the 200 (its SDP saved in $answer), our ACK. */
const answeredAndAcked = `  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="200" rrs="true">
    <action>
      <ereg regexp="m=audio [0-9]+ RTP/AVP [0-9]+" search_in="body" check_it="true" assign_to="answer"/>
      <log message="answer: [$answer]"/>
    </action>
  </recv>
${ackInDialog(1)}`;

/** A re-INVITE in the dialog (CSeq `cseq`) with `sdp`, its 200 (the answer's two directions logged as `reinvite <cseq>: <audio> <video>`), our ACK. */
const reinvite = (cseq: number, sdp: string) => `  <send retrans="500">
    <![CDATA[
      INVITE [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      CSeq: ${cseq} INVITE
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Type: application/sdp
      Content-Length: [len]

${sdp.replace(/\r\n/g, '\n').trimEnd()}
    ]]>
  </send>
  <recv response="100" optional="true"/>
  <recv response="200">
    <action>
      <ereg regexp="a=(sendrecv|sendonly|recvonly|inactive).*a=(sendrecv|sendonly|recvonly|inactive)" search_in="body" check_it="true" assign_to="dirs${cseq},audio${cseq},video${cseq}"/>
      <log message="reinvite ${cseq}: [$audio${cseq}] [$video${cseq}]"/>
      <log message="reinvite ${cseq} answer from [$dirs${cseq}]"/>
    </action>
  </recv>
${ackInDialog(cseq)}`;

/** `sdp` with every m-line's direction set to `direction` (a=sendonly for hold, a=inactive, a=sendrecv to resume), o= version bumped. */
export function withDirection(sdp: string, direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive', version: number): string {
  const lines = sdp
    .split('\r\n')
    .filter((line) => !/^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line))
    .map((line) => (line.startsWith('o=') ? line.replace(/^(o=\S+ \S+ )\d+/, `$1${version}`) : line));
  return lines.flatMap((line) => (line.startsWith('m=') ? [line, `a=${direction}`] : [line])).join('\r\n');
}

export const SIPP_SCENARIOS = {
  /** OPTIONS → 200. */
  options: () =>
    scenario(
      'options',
      `  <send retrans="500">
    <![CDATA[
      ${headers('OPTIONS', 1)}
      Accept: application/sdp
      Content-Length: 0

    ]]>
  </send>
  <recv response="200"/>`,
    ),
  /** INVITE → (100, 180) → `status` with a Reason header carrying that cause (logged as `reason: …`), ACK. */
  refused: (status: number, sdp: string) =>
    scenario(
      `invite-refused-${status}`,
      `${invite(sdp)}
  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="${status}">
    <action>
      <ereg regexp="SIP;cause=${status};text=.*" search_in="hdr" header="Reason:" check_it="true" assign_to="reason"/>
      <log message="reason: [$reason]"/>
    </action>
  </recv>
${ackNon2xx}`,
    ),
  /** INVITE → 180, CANCEL → 200, 487, ACK: never answered. */
  cancelBeforeAnswer: (sdp: string) =>
    scenario(
      'cancel-before-answer',
      `${invite(sdp)}
  <recv response="100" optional="true"/>
  <recv response="180"/>
  <send>
    <![CDATA[
      CANCEL sip:[service]@[remote_ip]:[remote_port] SIP/2.0
      [last_Via:]
      [last_From:]
      To: <sip:[service]@[remote_ip]:[remote_port]>
      [last_Call-ID:]
      CSeq: 1 CANCEL
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
  <recv response="200"/>
  <recv response="487"/>
${ackNon2xx}`,
    ),
  /** INVITE → 200 (its SDP saved in $answer), ACK, `holdMs` (500), (INFO picture_fast_update → 200), BYE → 200. */
  answeredThenBye: (sdp: string, options: { pictureFastUpdate?: boolean; holdMs?: number } = {}) =>
    scenario(
      'answered-then-bye',
      `${invite(sdp)}
${answeredAndAcked}
${options.holdMs === 0 ? '' : `  <pause milliseconds="${options.holdMs ?? 500}"/>`}
${options.pictureFastUpdate ? pictureFastUpdate : ''}
${byeInDialog(options.pictureFastUpdate ? 3 : 2)}
  <recv response="200" crlf="true"/>`,
    ),
  /**
   * INVITE → 200, ACK; then one re-INVITE per offer of `reinvites` (CSeq 2, 3…), each answered 200
   * (its directions logged, see `reinvite`) and ACKed, `pauseMs` apart; then BYE → 200.
   */
  reinvitesThenBye: (sdp: string, reinvites: string[], pauseMs = 500) =>
    scenario(
      'reinvites-then-bye',
      `${invite(sdp)}
${answeredAndAcked}
${reinvites.map((offer, i) => `  <pause milliseconds="${pauseMs}"/>\n${reinvite(i + 2, offer)}`).join('\n')}
  <pause milliseconds="${pauseMs}"/>
${byeInDialog(reinvites.length + 2)}
  <recv response="200" crlf="true"/>`,
    ),
  /** INVITE → 200 (its SDP saved in $answer), ACK, then waits for our BYE (the meeting closing) and answers 200. */
  answeredUntilByeReceived: (sdp: string, options: { pictureFastUpdate?: boolean } = {}) =>
    scenario(
      'answered-until-bye-received',
      `${invite(sdp)}
${answeredAndAcked}
${
  options.pictureFastUpdate
    ? `  <recv request="INFO">
    <action>
      <ereg regexp="picture_fast_update" search_in="body" check_it="true" assign_to="pfu"/>
      <log message="info received: [$pfu]"/>
    </action>
  </recv>
${okToLastRequest}`
    : ''
}
  <recv request="BYE">
    <action>
      <log message="bye received"/>
    </action>
  </recv>
${okToLastRequest}`,
    ),
};

/** A room system's offer in a 200 to a delayed-offer INVITE: PCMU + H.264 pm1, nothing listening behind it. */
const UAS_OFFER = PCMU_H264_OFFER.replace(/^o=sipp 1 1/m, 'o=sipp-uas 2 2');

/** UAS side: the response headers of the last request received, with our To tag and Contact. */
const response = (status: string, extra = '') => `  <send>
    <![CDATA[
      SIP/2.0 ${status}
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:salle@[local_ip]:[local_port];transport=[transport]>
${extra}
    ]]>
  </send>`;

/**
 * The delayed-offer INVITE a meeting sends, its Content-Length, From and Contact logged (`invite content-length: 0`);
 * `keepForFinalAnswer` saves its Via and CSeq for a final answer sent after other requests (487 after a CANCEL).
 */
const recvDelayedOfferInvite = (keepForFinalAnswer = false) => `  <recv request="INVITE">
    <action>
      <ereg regexp=".*" search_in="hdr" header="Content-Length:" assign_to="invlen"/>
      <log message="invite content-length:[$invlen]"/>
      <ereg regexp=".*" search_in="hdr" header="From:" assign_to="invfrom"/>
      <log message="invite from:[$invfrom]"/>
      <ereg regexp="sips?:[^>;]*" search_in="hdr" header="Contact:" assign_to="invcontact"/>
      <log message="invite contact: [$invcontact]"/>${
        keepForFinalAnswer
          ? `
      <ereg regexp=".*" search_in="hdr" header="CSeq:" assign_to="invcseq"/>
      <ereg regexp=".*" search_in="hdr" header="Via:" assign_to="invvia"/>`
          : ''
      }
    </action>
  </recv>`;

/** Room systems the meetings call (SIPp as UAS, started with `startSippUas`). */
export const SIPP_UAS_SCENARIOS = {
  /** OPTIONS → 200. */
  options: () => scenario('uas-options', `  <recv request="OPTIONS"/>\n${response('200 OK', '      Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\n      Content-Length: 0\n')}`),
  /**
   * The delayed-offer INVITE → 180, 200 with our offer; the ACK carries the meeting's answer
   * (logged as `ack answer: m=audio …`); then waits for the meeting's BYE (`bye received`), or sends
   * its own BYE after `hangUpAfterMs`.
   */
  answers: (options: { hangUpAfterMs?: number } = {}) =>
    scenario(
      'uas-answers-with-an-offer',
      `${recvDelayedOfferInvite()}
${response('180 Ringing', '      Content-Length: 0\n')}
${response('200 OK', `      Content-Type: application/sdp\n      Content-Length: [len]\n\n${UAS_OFFER.replace(/\r\n/g, '\n').trimEnd()}`)}
  <recv request="ACK">
    <action>
      <ereg regexp="m=audio [0-9]+ RTP/AVP [0-9]+" search_in="body" check_it="true" assign_to="answer"/>
      <log message="ack answer: [$answer]"/>
    </action>
  </recv>
${
  options.hangUpAfterMs === undefined
    ? `  <recv request="BYE">
    <action>
      <log message="bye received"/>
    </action>
  </recv>
${response('200 OK', '      Content-Length: 0\n')}`
    : `  <pause milliseconds="${options.hangUpAfterMs}"/>
  <send retrans="500">
    <![CDATA[
      BYE [$invcontact] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      From: <sip:salle@[local_ip]:[local_port]>;tag=[pid]SIPpTag01[call_number]
      To:[$invfrom]
      [last_Call-ID:]
      CSeq: 1 BYE
      Contact: <sip:salle@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
  <recv response="200"/>`
}`,
    ),
  /** The INVITE → `status` (486 busy, 603 declined…), then the ACK. */
  refuses: (status: number, reasonPhrase: string) =>
    scenario(
      `uas-refuses-${status}`,
      `${recvDelayedOfferInvite()}
${response(`${status} ${reasonPhrase}`, '      Content-Length: 0\n')}
  <recv request="ACK"/>`,
    ),
  /** Rings (180) and never answers: the CANCEL → 200, then 487 for the INVITE, then the ACK. */
  ringsWithoutAnswer: () =>
    scenario(
      'uas-rings-without-answer',
      `${recvDelayedOfferInvite(true)}
${response('180 Ringing', '      Content-Length: 0\n')}
  <recv request="CANCEL">
    <action>
      <log message="cancel received"/>
    </action>
  </recv>
${response('200 OK', '      Content-Length: 0\n')}
  <send>
    <![CDATA[
      SIP/2.0 487 Request Terminated
      Via:[$invvia]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag01[call_number]
      [last_Call-ID:]
      CSeq:[$invcseq]
      Content-Length: 0

    ]]>
  </send>
  <recv request="ACK"/>`,
    ),
};

export interface SippRun {
  code: number | null;
  output: string;
  /** SIPp's log file (the <log> actions). */
  log: string;
  elapsedMs: number;
}

interface SippProcess {
  args: string[];
  scenarioXml: string;
  localPort: number;
  timeoutMs?: number;
  /** How long one step may wait for a message (default 5 s). */
  recvTimeoutMs?: number;
  /** Aborting kills SIPp. */
  signal?: AbortSignal;
}

/** Runs SIPp with `args` and the scenario in a temporary folder, killed after timeoutMs (+5 s). */
async function spawnSipp(options: SippProcess): Promise<SippRun> {
  const dir = await mkdtemp(join(tmpdir(), 'maillage-sipp-'));
  const started = Date.now();
  try {
    const file = join(dir, 'scenario.xml');
    await writeFile(file, options.scenarioXml);
    const timeoutS = Math.ceil((options.timeoutMs ?? 10_000) / 1000);
    const args = [
      ...options.args,
      ...['-sf', file, '-i', '127.0.0.1', '-p', String(options.localPort)],
      ...['-timeout', `${timeoutS}s`, '-timeout_error', '-recv_timeout', String(options.recvTimeoutMs ?? 5000), '-nostdin', '-trace_logs', '-log_file', join(dir, 'sipp.log'), '-trace_err', '-error_file', join(dir, 'errors.log')],
    ];
    const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    const abort = () => child.kill('SIGKILL');
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
    const killer = setTimeout(() => child.kill('SIGKILL'), (timeoutS + 5) * 1000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
    clearTimeout(killer);
    const read = (name: string) => readFile(join(dir, name), 'utf8').catch(() => '');
    const errors = await read('errors.log');
    return { code, output: `${output.slice(-3000)}\n${errors.slice(-3000)}`, log: await read('sipp.log'), elapsedMs: Date.now() - started };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `calls` calls (default one) of `scenarioXml` against 127.0.0.1:sipPort, dialling `user`, over UDP or TCP; killed after timeoutMs. */
export async function runSipp(options: { scenarioXml: string; sipPort: number; user: string; transport?: 'udp' | 'tcp'; timeoutMs?: number; calls?: number; ratePerSecond?: number }): Promise<SippRun> {
  const calls = String(options.calls ?? 1);
  return spawnSipp({
    scenarioXml: options.scenarioXml,
    localPort: await freeSipPort(),
    timeoutMs: options.timeoutMs,
    args: [`127.0.0.1:${options.sipPort}`, '-s', options.user, '-m', calls, '-l', calls, '-r', String(options.ratePerSecond ?? 10), '-t', options.transport === 'tcp' ? 't1' : 'u1'],
  });
}

/**
 * SIPp as a room system that is called (UAS) on 127.0.0.1:<port>, for `calls` calls (or requests,
 * default one) of `scenarioXml`: `uri` is its address, `done` settles when the scenarios ended
 * (code 0) or failed; `recvTimeoutMs` bounds each wait (a call kept up until the meeting hangs up
 * needs more than the 5 s default); `stop()` kills it.
 */
export async function startSippUas(options: { scenarioXml: string; timeoutMs?: number; calls?: number; recvTimeoutMs?: number }): Promise<{ port: number; uri: string; done: Promise<SippRun>; stop(): Promise<SippRun> }> {
  const port = await freeSipPort();
  const abort = new AbortController();
  const done = spawnSipp({
    scenarioXml: options.scenarioXml,
    localPort: port,
    timeoutMs: options.timeoutMs,
    recvTimeoutMs: options.recvTimeoutMs,
    signal: abort.signal,
    args: ['-m', String(options.calls ?? 1), '-t', 'u1'],
  });
  // SIPp needs a moment to bind its socket before the first request reaches it.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    port,
    uri: `sip:salle@127.0.0.1:${port}`,
    done,
    stop: () => {
      abort.abort();
      return done;
    },
  };
}
