/**
 * SIPp (Debian's sip-tester) for the SIP specs: scenarios written from templates, one call per run,
 * 127.0.0.1 only, a bounded run time. `runSipp` resolves with SIPp's exit code (0: the call went as
 * the scenario says) and its output, for the assertion message.
 */
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
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

/** After an INVITE: the provisional answers, the 200 (its SDP saved in $answer), our ACK. */
const answeredAndAcked = `  <recv response="100" optional="true"/>
  <recv response="180" optional="true"/>
  <recv response="200" rrs="true">
    <action>
      <ereg regexp="m=audio [0-9]+ RTP/AVP [0-9]+" search_in="body" check_it="true" assign_to="answer"/>
      <log message="answer: [$answer]"/>
    </action>
  </recv>
  <send>
    <![CDATA[
      ACK [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      CSeq: 1 ACK
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>`;

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
  /** INVITE → 200 (its SDP saved in $answer), ACK, 500 ms, (INFO picture_fast_update → 200), BYE → 200. */
  answeredThenBye: (sdp: string, options: { pictureFastUpdate?: boolean } = {}) =>
    scenario(
      'answered-then-bye',
      `${invite(sdp)}
${answeredAndAcked}
  <pause milliseconds="500"/>
${options.pictureFastUpdate ? pictureFastUpdate : ''}
  <send retrans="500">
    <![CDATA[
      BYE [next_url] SIP/2.0
      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      CSeq: ${options.pictureFastUpdate ? 3 : 2} BYE
      Contact: <sip:sipp@[local_ip]:[local_port];transport=[transport]>
      Max-Forwards: 70
      Content-Length: 0

    ]]>
  </send>
  <recv response="200" crlf="true"/>`,
    ),
  /** INVITE → 200 (its SDP saved in $answer), ACK, then waits for our BYE (the meeting closing) and answers 200. */
  answeredUntilByeReceived: (sdp: string) =>
    scenario(
      'answered-until-bye-received',
      `${invite(sdp)}
${answeredAndAcked}
  <recv request="BYE">
    <action>
      <log message="bye received"/>
    </action>
  </recv>
  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Content-Length: 0

    ]]>
  </send>`,
    ),
};

/** A UAS's answer to the INVITE it received, on the INVITE's transaction (its CSeq saved by `rememberInvite`). */
const uasAnswer = (statusLine: string, body?: string) => `  <send>
    <![CDATA[
      SIP/2.0 ${statusLine}
      [last_Via:]
      [last_From:]
      [last_To:];tag=[pid]SIPpTag[call_number]
      [last_Call-ID:]
      CSeq: [$inviteCseq] INVITE
      Contact: <sip:callee@[local_ip]:[local_port];transport=[transport]>
${body ? `      Content-Type: application/sdp
      Content-Length: [len]

${body.replace(/\r\n/g, '\n').trimEnd()}` : `      Content-Length: 0
`}
    ]]>
  </send>`;

const receiveInvite = `  <recv request="INVITE">
    <action>
      <ereg regexp="([0-9]+) INVITE" search_in="hdr" header="CSeq:" check_it="true" assign_to="cseqLine,inviteCseq"/>
      <log message="invite received: [$cseqLine]"/>
    </action>
  </recv>`;

/** Our 200 to an in-dialog request (BYE, CANCEL) on its own transaction. */
const okToRequest = `  <send>
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

/** SIPp as the called party (`startSippServer`): what a SIP participant the meeting dials does. */
export const SIPP_UAS_SCENARIOS = {
  /** INVITE (delayed offer: no SDP) → 180, 200 with `sdp` as the offer, ACK with our answer (logged as `answer: …`), then waits for our BYE → 200. */
  answersUntilBye: (sdp: string) =>
    scenario(
      'uas-answers-until-bye',
      `${receiveInvite}
${uasAnswer('180 Ringing')}
  <pause milliseconds="200"/>
${uasAnswer('200 OK', sdp)}
  <recv request="ACK" crlf="true">
    <action>
      <ereg regexp="m=audio [0-9]+ RTP/AVP [0-9]+" search_in="body" check_it="true" assign_to="answer"/>
      <log message="answer: [$answer]"/>
    </action>
  </recv>
  <recv request="BYE">
    <action>
      <log message="bye received"/>
    </action>
  </recv>
${okToRequest}`,
    ),
  /** INVITE → 100, `status` (486 Busy Here…), ACK. */
  refuses: (status: number, phrase: string) =>
    scenario(
      `uas-refuses-${status}`,
      `${receiveInvite}
${uasAnswer('100 Trying')}
${uasAnswer(`${status} ${phrase}`)}
  <recv request="ACK" crlf="true"/>`,
    ),
  /** INVITE → 180, and rings until the caller gives up: CANCEL → 200, 487, ACK. */
  ringsUntilCancelled: () =>
    scenario(
      'uas-rings-until-cancelled',
      `${receiveInvite}
${uasAnswer('180 Ringing')}
  <recv request="CANCEL">
    <action>
      <log message="cancel received"/>
    </action>
  </recv>
${okToRequest}
${uasAnswer('487 Request Terminated')}
  <recv request="ACK" crlf="true"/>`,
    ),
};

export interface SippRun {
  code: number | null;
  output: string;
  /** SIPp's log file (the <log> actions). */
  log: string;
  elapsedMs: number;
}

/** Runs `calls` calls (default one) of `scenarioXml` against 127.0.0.1:sipPort, dialling `user`, over UDP or TCP; killed after timeoutMs. */
export async function runSipp(options: { scenarioXml: string; sipPort: number; user: string; transport?: 'udp' | 'tcp'; timeoutMs?: number; calls?: number; ratePerSecond?: number }): Promise<SippRun> {
  const localPort = await freeSipPort();
  const calls = String(options.calls ?? 1);
  return spawnSipp(options.scenarioXml, localPort, options.transport ?? 'udp', options.timeoutMs ?? 10_000, [
    `127.0.0.1:${options.sipPort}`,
    ...['-s', options.user, '-m', calls, '-l', calls, '-r', String(options.ratePerSecond ?? 10)],
  ], 5000).done;
}

/** SIPp answering calls (a `SIPP_UAS_SCENARIOS` scenario) on 127.0.0.1 over UDP, for `calls` calls or until timeoutMs. */
export interface SippServer {
  /** Its address, for the caller: sip:<user>@127.0.0.1:<port>. */
  uri(user: string): string;
  readonly port: number;
  /** Resolves when SIPp exits (after `calls` calls, or killed). */
  readonly done: Promise<SippRun>;
  stop(): Promise<SippRun>;
}

/** Starts SIPp as the called party; resolves once it listens. */
export async function startSippServer(options: { scenarioXml: string; calls?: number; timeoutMs?: number }): Promise<SippServer> {
  const port = await freeSipPort();
  const calls = String(options.calls ?? 1);
  const run = spawnSipp(options.scenarioXml, port, 'udp', options.timeoutMs ?? 30_000, ['-m', calls], options.timeoutMs ?? 30_000);
  await untilUdpPortTaken(port, 5000);
  return {
    port,
    uri: (user) => `sip:${user}@127.0.0.1:${port}`,
    done: run.done,
    stop: async () => {
      run.kill();
      return run.done;
    },
  };
}

/** Waits until something (SIPp) has bound the UDP port. */
async function untilUdpPortTaken(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const taken = await new Promise<boolean>((resolve) => {
      const socket = createSocket('udp4');
      socket.once('error', () => resolve(true));
      socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(false)));
    });
    if (taken) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`SIPp did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

/** One SIPp process on 127.0.0.1:localPort; `recvTimeoutMs`: how long a scenario step may wait for a message. */
function spawnSipp(scenarioXml: string, localPort: number, transport: 'udp' | 'tcp', timeoutMs: number, extra: string[], recvTimeoutMs: number): { done: Promise<SippRun>; kill(): void } {
  let child: ReturnType<typeof spawn> | undefined;
  let killed = false;
  const done = (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maillage-sipp-'));
    const started = Date.now();
    try {
      const file = join(dir, 'scenario.xml');
      await writeFile(file, scenarioXml);
      const timeoutS = Math.ceil(timeoutMs / 1000);
      const args = [
        ...extra,
        ...['-sf', file, '-i', '127.0.0.1', '-p', String(localPort), '-t', transport === 'tcp' ? 't1' : 'u1'],
        ...['-timeout', `${timeoutS}s`, '-timeout_error', '-recv_timeout', String(recvTimeoutMs), '-nostdin', '-trace_logs', '-log_file', join(dir, 'sipp.log'), '-trace_err', '-error_file', join(dir, 'errors.log')],
      ];
      const spawned = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      child = spawned;
      if (killed) spawned.kill('SIGKILL');
      let output = '';
      spawned.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
      spawned.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
      const killer = setTimeout(() => spawned.kill('SIGKILL'), (timeoutS + 5) * 1000);
      const code = await new Promise<number | null>((resolve) => spawned.once('exit', (exitCode) => resolve(exitCode)));
      clearTimeout(killer);
      const read = (name: string) => readFile(join(dir, name), 'utf8').catch(() => '');
      const errors = await read('errors.log');
      return { code, output: `${output.slice(-3000)}\n${errors.slice(-3000)}`, log: await read('sipp.log'), elapsedMs: Date.now() - started };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return {
    done,
    kill: () => {
      killed = true;
      child?.kill('SIGKILL');
    },
  };
}
