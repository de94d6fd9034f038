import fc from 'fast-check';
import { SPEAKER_ARBITER_DEFAULTS, SpeakerArbiter } from './speaker-arbiter';

const { speechDb, holdMs, quietMs } = SPEAKER_ARBITER_DEFAULTS;

type Step = { kind: 'measured'; peerId: string; levelDb: number } | { kind: 'browsers'; peerIds: string[] } | { kind: 'dominant'; peerId: string };

/** Events 100 ms apart (the meters' and the observer's pace): two SIP rooms, three browsers. */
const steps = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('measured' as const), peerId: fc.constantFrom('sip-a', 'sip-b'), levelDb: fc.integer({ min: -90, max: -5 }) }),
    fc.record({ kind: fc.constant('browsers' as const), peerIds: fc.subarray(['alice', 'bob', 'carol']) }),
    fc.record({ kind: fc.constant('dominant' as const), peerId: fc.constantFrom('alice', 'bob', 'carol') }),
  ),
  { maxLength: 200 },
);

function replay(events: Step[]) {
  let speaker: string | null = null;
  const elections: { at: number; peerId: string; step: Step; before: string | null }[] = [];
  const arbiter = new SpeakerArbiter(
    () => speaker,
    (peerId) => {
      elections.push({ at: now, peerId, step: events[index], before: speaker });
      speaker = peerId;
    },
  );
  let now = 0;
  let index = 0;
  const browserSpeech: number[] = [];
  const measuredSpeech = new Map<string, number[]>();
  for (; index < events.length; index += 1) {
    now = index * 100;
    const step = events[index];
    if (step.kind === 'measured') {
      if (step.levelDb >= speechDb) measuredSpeech.set(step.peerId, [...(measuredSpeech.get(step.peerId) ?? []), now]);
      arbiter.measured(step.peerId, step.levelDb, now);
    } else if (step.kind === 'browsers') {
      if (step.peerIds.length) browserSpeech.push(now);
      arbiter.browserVolumes(step.peerIds, now);
    } else {
      speaker = step.peerId; // the observer's own election
    }
  }
  return { elections, browserSpeech, measuredSpeech };
}

describe('the speaker arbiter (SIP rooms measured by ffmpeg, browsers by mediasoup)', () => {
  it('never elects a SIP room while a browser spoke in the last 800 ms, nor on a report below -40 dBFS', () => {
    fc.assert(
      fc.property(steps, (events) => {
        const { elections, browserSpeech } = replay(events);
        for (const election of elections.filter((e) => e.peerId.startsWith('sip-'))) {
          expect(browserSpeech.some((t) => t <= election.at && election.at - t < quietMs)).toBe(false);
          expect(election.step).toMatchObject({ kind: 'measured', peerId: election.peerId });
          expect((election.step as { levelDb: number }).levelDb).toBeGreaterThanOrEqual(speechDb);
        }
      }),
    );
  });

  it('gives a browser the floor back only from a SIP room that has been quiet for 800 ms', () => {
    fc.assert(
      fc.property(steps, (events) => {
        const { elections, measuredSpeech } = replay(events);
        for (const election of elections.filter((e) => !e.peerId.startsWith('sip-'))) {
          expect(election.before?.startsWith('sip-')).toBe(true);
          const last = Math.max(-Infinity, ...(measuredSpeech.get(election.before!) ?? []).filter((t) => t <= election.at));
          expect(election.at - last).toBeGreaterThanOrEqual(quietMs);
        }
      }),
    );
  });

  it('elects a SIP room that speaks for 600 ms while the browsers are quiet', () => {
    fc.assert(
      fc.property(fc.integer({ min: -39, max: -5 }), fc.constantFrom('sip-a', 'sip-b'), (levelDb, peerId) => {
        const speech: Step[] = Array.from({ length: holdMs / 100 + 1 }, () => ({ kind: 'measured', peerId, levelDb }));
        const { elections } = replay([{ kind: 'dominant', peerId: 'alice' }, { kind: 'browsers', peerIds: [] }, ...speech]);
        expect(elections.map((e) => e.peerId)).toEqual([peerId]);
        // Elected on the report that completes 600 ms of speech (the 7th, 100 ms apart), not before.
        expect(elections[0].at).toBe(2 * 100 + holdMs);
      }),
    );
  });

  it('a browser speaking for 600 ms after the SIP room went quiet takes the floor back, though the observer would not re-elect it', () => {
    const room: Step[] = Array.from({ length: 8 }, () => ({ kind: 'measured', peerId: 'sip-a', levelDb: -20 }));
    const pause: Step[] = Array.from({ length: 8 }, () => ({ kind: 'measured', peerId: 'sip-a', levelDb: -70 }));
    const alice: Step[] = Array.from({ length: 7 }, () => ({ kind: 'browsers', peerIds: ['alice'] }));
    const { elections } = replay([{ kind: 'dominant', peerId: 'alice' }, ...room, ...pause, ...alice]);
    expect(elections.map((e) => e.peerId)).toEqual(['sip-a', 'alice']);
  });
});
