import { parse } from 'sdp-transform';
import { negotiateSipOffer, sipAnswerSdp } from './sdp-negotiation';

/** What baresip 1.0.0 offered in the recipe's run: G.722/PCMU/PCMA + telephone-event, H.264 pm0 (96) and pm1 (97), with a=ssrc. */
const BARESIP_OFFER = [
  'v=0',
  'o=- 1234 5678 IN IP4 127.0.0.1',
  's=-',
  'c=IN IP4 127.0.0.1',
  't=0 0',
  'm=audio 10000 RTP/AVP 9 0 8 101',
  'a=rtpmap:9 G722/8000',
  'a=rtpmap:0 PCMU/8000',
  'a=rtpmap:8 PCMA/8000',
  'a=rtpmap:101 telephone-event/8000',
  'a=fmtp:101 0-15',
  'a=rtcp-mux',
  'a=ssrc:305419896 cname:baresip',
  'a=sendrecv',
  'm=video 10002 RTP/AVP 96 97',
  'a=rtpmap:96 H264/90000',
  'a=fmtp:96 packetization-mode=0;profile-level-id=42801f',
  'a=rtpmap:97 H264/90000',
  'a=fmtp:97 packetization-mode=1;profile-level-id=42e01f',
  'a=ssrc:2596069104 cname:baresip',
  'a=sendrecv',
  '',
].join('\r\n');

describe('a baresip offer of G.722/PCMU/PCMA and H.264 pm0+pm1 is answered G.722/9 and H.264/97', () => {
  const negotiation = negotiateSipOffer(BARESIP_OFFER);

  it('keeps the first codec of the offer we speak, with its payload type, and the SSRCs', () => {
    if (!negotiation.ok) throw new Error(negotiation.reason);
    expect(negotiation.legs).toEqual([
      {
        index: 0,
        kind: 'audio',
        codec: { name: 'G722', kind: 'audio', payloadType: 9, clockRate: 8000, parameters: {} },
        remote: { ip: '127.0.0.1', port: 10000 },
        rtcpMux: true,
        ssrc: 305419896,
        direction: 'sendrecv',
        telephoneEvent: { payloadType: 101, clockRate: 8000 },
      },
      {
        index: 1,
        kind: 'video',
        codec: { name: 'H264', kind: 'video', payloadType: 97, clockRate: 90000, parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f' } },
        remote: { ip: '127.0.0.1', port: 10002, rtcpPort: 10003 },
        rtcpMux: false,
        ssrc: 2596069104,
        direction: 'sendrecv',
      },
    ]);
  });

  it('answers one codec per m-line on our ports, a=rtcp where not muxed, and nack/pli/fir on video', () => {
    if (!negotiation.ok) throw new Error(negotiation.reason);
    const answer = parse(sipAnswerSdp(negotiation, { ip: '127.0.0.1', sessionId: 42, legs: { 0: { port: 40000 }, 1: { port: 40002, rtcpPort: 40003 } } }));
    expect(answer.media.map((m) => [m.type, m.port, String(m.payloads)])).toEqual([
      ['audio', 40000, '9 101'],
      ['video', 40002, '97'],
    ]);
    expect(answer.media[0].rtp.map((r) => `${r.payload} ${r.codec}/${r.rate}`)).toEqual(['9 G722/8000', '101 telephone-event/8000']);
    expect(answer.media[0].rtcpMux).toBe('rtcp-mux');
    expect(answer.media[1].rtcp).toMatchObject({ port: 40003, address: '127.0.0.1' });
    expect(answer.media[1].fmtp).toEqual([{ payload: 97, config: 'packetization-mode=1;profile-level-id=42e01f' }]);
    expect(answer.media[1].rtcpFb?.map((fb) => `${fb.type} ${fb.subtype ?? ''}`.trim())).toEqual(['nack', 'nack pli', 'ccm fir']);
    expect(answer.connection?.ip).toBe('127.0.0.1');
  });
});

describe('offers we cannot take are refused with a SIP status', () => {
  it('only G.729 and H.263: 488', () => {
    const offer = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 10000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\nm=video 10002 RTP/AVP 34\r\na=rtpmap:34 H263/90000\r\n';
    expect(negotiateSipOffer(offer)).toMatchObject({ ok: false, status: 488 });
  });

  it('H.264 packetization-mode 0 only: 488', () => {
    const offer = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=video 10002 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=0;profile-level-id=42e01f\r\n';
    expect(negotiateSipOffer(offer)).toMatchObject({ ok: false, status: 488 });
  });

  it('SRTP only: 488, saying so', () => {
    const offer = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 10000 RTP/SAVP 0\r\na=rtpmap:0 PCMU/8000\r\n';
    expect(negotiateSipOffer(offer)).toEqual({ ok: false, status: 488, reason: 'encrypted media (SRTP) is not supported' });
  });

  it('not SDP at all, or no connection address: 400', () => {
    expect(negotiateSipOffer('hello')).toMatchObject({ ok: false, status: 400 });
    expect(negotiateSipOffer('v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n')).toMatchObject({ ok: false, status: 400, reason: 'malformed SDP: no m-line' });
    expect(negotiateSipOffer('v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 10000 RTP/AVP 0\r\n')).toMatchObject({ ok: false, status: 400 });
  });

  it('a PCMU line without a=rtpmap (static payload type 0) is taken; a BFCP line is rejected with port 0', () => {
    const offer = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 10000 RTP/AVP 0\r\nm=application 10004 TCP/BFCP *\r\n';
    const negotiation = negotiateSipOffer(offer);
    if (!negotiation.ok) throw new Error(negotiation.reason);
    expect(negotiation.legs.map((leg) => [leg.index, leg.codec.name, leg.codec.payloadType, leg.ssrc])).toEqual([[0, 'PCMU', 0, undefined]]);
    const answer = parse(sipAnswerSdp(negotiation, { ip: '127.0.0.1', sessionId: 7, legs: { 0: { port: 40000, rtcpPort: 40001 } } }));
    expect(answer.media.map((m) => [m.type, m.port])).toEqual([
      ['audio', 40000],
      ['application', 0],
    ]);
  });
});
