import { classifyQuality, sampleFromStats, type StatsEntry } from './quality';

describe('the connection quality indicator', () => {
  it('says "bonne" on loopback, "moyenne" on a long or slightly lossy path, "faible" beyond 400 ms or 10 % loss', () => {
    expect(classifyQuality({ rttMs: 1, lossPercent: 0 })).toBe('good');
    expect(classifyQuality({ rttMs: 150, lossPercent: 1.9 })).toBe('good');
    expect(classifyQuality({ rttMs: 151 })).toBe('medium');
    expect(classifyQuality({ rttMs: 40, lossPercent: 2 })).toBe('medium');
    expect(classifyQuality({ rttMs: 401, lossPercent: 0 })).toBe('poor');
    expect(classifyQuality({ rttMs: 20, lossPercent: 10 })).toBe('poor');
    expect(classifyQuality({})).toBe('unknown');
  });

  it('reads the RTT of the selected candidate pair and the loss the server reports on what we send', () => {
    const entries: StatsEntry[] = [
      { type: 'candidate-pair', id: 'cp-old', state: 'failed', nominated: false, currentRoundTripTime: 3 },
      { type: 'candidate-pair', id: 'cp1', state: 'succeeded', nominated: true, currentRoundTripTime: 0.032 },
      { type: 'remote-inbound-rtp', id: 'ri1', roundTripTime: 0.028, fractionLost: 0.03 },
    ];
    const { sample } = sampleFromStats(entries);
    expect(sample.rttMs).toBeCloseTo(32);
    expect(sample.lossPercent).toBeCloseTo(3);
    expect(classifyQuality(sample)).toBe('medium');
  });

  it('computes the receive loss over the last interval only, not since the start', () => {
    const first = sampleFromStats([{ type: 'inbound-rtp', id: 'in1', packetsReceived: 1000, packetsLost: 500 }]);
    // The first sample has no interval yet: the 500 packets lost while connecting do not count.
    expect(first.sample.lossPercent).toBeUndefined();
    const second = sampleFromStats([{ type: 'inbound-rtp', id: 'in1', packetsReceived: 1990, packetsLost: 510 }], first.counters);
    expect(second.sample.lossPercent).toBeCloseTo(1);
    const third = sampleFromStats([{ type: 'inbound-rtp', id: 'in1', packetsReceived: 2090, packetsLost: 510 }], second.counters);
    expect(third.sample.lossPercent).toBe(0);
    expect(classifyQuality(third.sample)).toBe('good');
  });
});
