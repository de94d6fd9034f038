import type { SipCodec } from '@maillage/core';
import { mixGraphArgs, type MixOutput } from './sip-audio-mix';

const G722: SipCodec = { name: 'G722', kind: 'audio', payloadType: 9, clockRate: 8000, parameters: {} };
const PCMU: SipCodec = { name: 'PCMU', kind: 'audio', payloadType: 0, clockRate: 8000, parameters: {} };
const output = (codec: SipCodec, inputs: number[], port: number): MixOutput => ({ codec, inputs, port, sourcePort: port + 1000, ssrc: port * 7 });

describe("the meeting mixer's ffmpeg graph", () => {
  // Inputs: 0 = a browser (Opus), 1 = room A, 2 = room B. Room A hears 0 and 2, room B hears 0 and 1.
  const args = mixGraphArgs(3, [output(G722, [0, 2], 40000), output(PCMU, [0, 1], 40100)], '127.0.0.1');
  const graph = args[args.indexOf('-filter_complex') + 1].split(';');

  it('decodes each input once and splits it toward the legs that hear it', () => {
    expect(graph.filter((f) => f.startsWith('[0:a]'))).toEqual(['[0:a]asplit=2[i0o0][i0o1]']);
    expect(graph.filter((f) => f.startsWith('[1:a]'))).toEqual(['[1:a]anull[i1o1]']);
    expect(graph.filter((f) => f.startsWith('[2:a]'))).toEqual(['[2:a]anull[i2o0]']);
  });

  it("mixes each leg's inputs but its own, in its codec's rate and 20 ms frames", () => {
    expect(graph).toContain('[i0o0][i2o0]amix=inputs=2:normalize=0,aresample=16000,asetnsamples=n=320:p=0[out0]');
    expect(graph).toContain('[i0o1][i1o1]amix=inputs=2:normalize=0,aresample=8000,asetnsamples=n=160:p=0[out1]');
  });

  it('sends each mix as RTP under its leg’s payload type and SSRC, from its source port', () => {
    const outputs = args.slice(args.indexOf('-filter_complex') + 2).join(' ');
    expect(outputs).toBe(
      '-map [out0] -c:a g722 -ar 16000 -ac 1 -payload_type 9 -ssrc 280000 -f rtp rtp://127.0.0.1:40000?localaddr=127.0.0.1&localport=41000&pkt_size=1200 ' +
        '-map [out1] -c:a pcm_mulaw -ar 8000 -ac 1 -payload_type 0 -ssrc 280700 -f rtp rtp://127.0.0.1:40100?localaddr=127.0.0.1&localport=41100&pkt_size=1200',
    );
  });

  it('passes a single input as it is (no amix of one)', () => {
    const single = mixGraphArgs(1, [output(G722, [0], 40000)], '127.0.0.1');
    expect(single[single.indexOf('-filter_complex') + 1]).toBe('[0:a]anull[i0o0];[i0o0]aresample=16000,asetnsamples=n=320:p=0[out0]');
  });
});
