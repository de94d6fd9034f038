// The connection quality indicator: round-trip time and packet loss, read from WebRTC stats, folded
// into three words a participant understands (bonne / moyenne / faible). Pure functions, unit tested.

export type Quality = 'good' | 'medium' | 'poor' | 'unknown';

export interface QualitySample {
  /** Round-trip time to the media server, in milliseconds. */
  rttMs?: number;
  /** Packets lost over the last interval, in percent (sent or received, whichever is worse). */
  lossPercent?: number;
}

/** Thresholds of an ordinary video call: good ≤ 150 ms and < 2 % loss; poor beyond 400 ms or 10 %. */
export const QUALITY_THRESHOLDS = { goodRttMs: 150, goodLossPercent: 2, poorRttMs: 400, poorLossPercent: 10 } as const;

export function classifyQuality(sample: QualitySample): Quality {
  const { rttMs, lossPercent } = sample;
  if (rttMs === undefined && lossPercent === undefined) return 'unknown';
  const rtt = rttMs ?? 0;
  const loss = lossPercent ?? 0;
  if (rtt > QUALITY_THRESHOLDS.poorRttMs || loss >= QUALITY_THRESHOLDS.poorLossPercent) return 'poor';
  if (rtt > QUALITY_THRESHOLDS.goodRttMs || loss >= QUALITY_THRESHOLDS.goodLossPercent) return 'medium';
  return 'good';
}

/** One entry of an RTCStatsReport, as plain data (the fields read here are optional in the spec). */
export interface StatsEntry {
  type: string;
  id?: string;
  [field: string]: unknown;
}

/** Cumulative receive counters, kept between two samples to compute the loss of the interval. */
export type ReceiveCounters = Record<string, { received: number; lost: number }>;

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const worst = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

/**
 * A sample from the stats of every transport: the RTT of the selected ICE candidate pairs (or of
 * the remote-inbound-rtp reports, the server's view of what we send), the loss the server reports on
 * what we send (`fractionLost`), and the loss of what we receive since `previous`.
 */
export function sampleFromStats(entries: Iterable<StatsEntry>, previous: ReceiveCounters = {}): { sample: QualitySample; counters: ReceiveCounters } {
  let rttMs: number | undefined;
  let lossPercent: number | undefined;
  const counters: ReceiveCounters = {};
  for (const entry of entries) {
    if (entry.type === 'candidate-pair' && (entry.nominated === true || entry.selected === true) && entry.state === 'succeeded') {
      const rtt = num(entry.currentRoundTripTime);
      if (rtt !== undefined) rttMs = worst(rttMs, rtt * 1000);
    } else if (entry.type === 'remote-inbound-rtp') {
      const rtt = num(entry.roundTripTime);
      if (rtt !== undefined) rttMs = worst(rttMs, rtt * 1000);
      const fraction = num(entry.fractionLost);
      if (fraction !== undefined) lossPercent = worst(lossPercent, fraction * 100);
    } else if (entry.type === 'inbound-rtp' && entry.id) {
      const received = num(entry.packetsReceived) ?? 0;
      const lost = Math.max(0, num(entry.packetsLost) ?? 0);
      counters[entry.id] = { received, lost };
      const before = previous[entry.id];
      if (before) {
        const dReceived = received - before.received;
        const dLost = lost - before.lost;
        if (dReceived + dLost > 0) lossPercent = worst(lossPercent, (Math.max(0, dLost) / (dReceived + Math.max(0, dLost))) * 100);
      }
    }
  }
  return { sample: { rttMs, lossPercent }, counters };
}
