/**
 * Who speaks, for participants whose RTP carries no audio level. mediasoup's ActiveSpeakerObserver
 * reads the RFC 6464 header extension that browsers send; room systems over SIP almost never send
 * it, so a room full of people would never become the active speaker. Their speech is measured
 * instead (ffmpeg decoding their audio: SipSpeechMeter) and reported here, next to the browsers'
 * volumes (mediasoup's AudioLevelObserver). The observer keeps electing browsers; this arbiter
 * elects a measured participant, and gives the floor back to a browser the observer would not
 * re-elect (it still holds it as its own dominant speaker).
 *
 * - A measured participant is elected once it has spoken (level ≥ speechDb) for holdMs without a
 *   pause, while no browser spoke in the last quietMs and the current speaker, if measured too, has
 *   been quiet for quietMs.
 * - A browser takes the floor back from a measured speaker once it has spoken for holdMs while the
 *   measured speaker has been quiet for quietMs.
 */
export interface SpeakerArbiterOptions {
  /** dBFS (measured) / -dBov (browsers) above which someone speaks. */
  speechDb: number;
  holdMs: number;
  quietMs: number;
  /** How far apart two reports may be and still count as one run of speech. */
  gapMs: number;
}

export const SPEAKER_ARBITER_DEFAULTS: SpeakerArbiterOptions = { speechDb: -40, holdMs: 600, quietMs: 800, gapMs: 700 };

interface Run {
  since: number;
  last: number;
}

export class SpeakerArbiter {
  private readonly measuredRuns = new Map<string, Run>();
  private readonly browserRuns = new Map<string, Run>();
  private lastBrowserSpeech = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly current: () => string | null,
    private readonly elect: (peerId: string) => void,
    private readonly options: SpeakerArbiterOptions = SPEAKER_ARBITER_DEFAULTS,
  ) {}

  /** Whether peerId's speech is measured here (its speaker changes come from this arbiter). */
  isMeasured(peerId: string | null): boolean {
    return peerId !== null && this.measuredRuns.has(peerId);
  }

  /** A measured participant's level (dBFS) at `now`. */
  measured(peerId: string, levelDb: number, now: number): void {
    const run = this.measuredRuns.get(peerId) ?? { since: Number.NaN, last: Number.NEGATIVE_INFINITY };
    this.measuredRuns.set(peerId, run);
    if (levelDb < this.options.speechDb) return;
    if (!(now - run.last <= this.options.gapMs)) run.since = now;
    run.last = now;
    const speaker = this.current();
    if (speaker === peerId || now - run.since < this.options.holdMs) return;
    if (now - this.lastBrowserSpeech < this.options.quietMs) return;
    const speakerRun = speaker === null ? undefined : this.measuredRuns.get(speaker);
    if (speakerRun && now - speakerRun.last < this.options.quietMs) return;
    this.elect(peerId);
  }

  /** The browsers above the threshold at `now`, loudest first (AudioLevelObserver 'volumes'; [] on 'silence'). */
  browserVolumes(peerIds: readonly string[], now: number): void {
    for (const peerId of [...this.browserRuns.keys()]) if (!peerIds.includes(peerId)) this.browserRuns.delete(peerId);
    for (const peerId of peerIds) {
      const run = this.browserRuns.get(peerId);
      if (run && now - run.last <= this.options.gapMs) run.last = now;
      else this.browserRuns.set(peerId, { since: now, last: now });
    }
    if (peerIds.length === 0) return;
    this.lastBrowserSpeech = now;
    const speaker = this.current();
    const speakerRun = speaker === null ? undefined : this.measuredRuns.get(speaker);
    if (!speakerRun || now - speakerRun.last < this.options.quietMs) return;
    const next = peerIds.find((peerId) => now - (this.browserRuns.get(peerId)?.since ?? now) >= this.options.holdMs);
    if (next) this.elect(next);
  }

  /** The participant left, or stopped sending audio. */
  forget(peerId: string): void {
    this.measuredRuns.delete(peerId);
    this.browserRuns.delete(peerId);
  }
}
