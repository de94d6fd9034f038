import { testCallCheck } from './sip-test-call';

describe('the SIP test call’s outcome from the packets counted both ways', () => {
  const to = 'sip:salle@192.0.2.20';

  it('is ok with media both ways, and keeps the measures', () => {
    expect(testCallCheck(to, 412, { packetsIn: 180, packetsOut: 95 })).toEqual({
      id: 'test-call',
      outcome: 'ok',
      detail: 'SIP test call to sip:salle@192.0.2.20: media both ways',
      measures: { connectMs: 412, packetsIn: 180, packetsOut: 95 },
    });
  });

  it('warns when media flows one way only, naming the missing way', () => {
    expect(testCallCheck(to, 300, { packetsIn: 0, packetsOut: 95 })).toMatchObject({ outcome: 'warning', cause: 'media-one-way', detail: expect.stringMatching(/nothing came from the room system/) });
    expect(testCallCheck(to, 300, { packetsIn: 180, packetsOut: 0 })).toMatchObject({ outcome: 'warning', cause: 'media-one-way', detail: expect.stringMatching(/nothing reached the room system/) });
  });

  it('fails when a connected call carries no media at all', () => {
    expect(testCallCheck(to, 300, { packetsIn: 0, packetsOut: 0 })).toMatchObject({ outcome: 'failed', cause: 'no-media', measures: { connectMs: 300, packetsIn: 0, packetsOut: 0 } });
  });
});
