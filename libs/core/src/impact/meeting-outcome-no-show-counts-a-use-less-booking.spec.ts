import { avoidsTravel, isUse, LATE_CANCELLATION_HOURS, outcomeOf } from './meeting-outcome';

const start = Date.parse('2026-03-12T13:00:00Z');
const hour = 3_600_000;

describe('how a reservation ended, for the evaluation', () => {
  it('a no-show is a booking without a use and avoids nothing', () => {
    const o = outcomeOf({ kind: 'host-no-show' });
    expect(o).toBe('NO_SHOW');
    expect(isUse(o!)).toBe(false);
    expect(avoidsTravel(o!)).toBe(false);
  });

  it('the bridge closing with nobody joined is a no-show; with one participant a completed use', () => {
    expect(outcomeOf({ kind: 'bridge-closed', participantsJoined: 0, failureIncidents: 0 })).toBe('NO_SHOW');
    expect(outcomeOf({ kind: 'bridge-closed', participantsJoined: 1, failureIncidents: 0 })).toBe('COMPLETED');
  });

  it('a failure incident makes it a failed use that avoided nothing', () => {
    const o = outcomeOf({ kind: 'bridge-closed', participantsJoined: 3, failureIncidents: 1 })!;
    expect(o).toBe('FAILED');
    expect([isUse(o), avoidsTravel(o)]).toEqual([true, false]);
  });

  it(`a cancellation less than ${LATE_CANCELLATION_HOURS} h before the start is recorded as late; 25 h before leaves no record`, () => {
    expect(outcomeOf({ kind: 'cancelled', cancelledAt: start - 2 * hour, start })).toBe('CANCELLED_LATE');
    expect(outcomeOf({ kind: 'cancelled', cancelledAt: start - 24 * hour, start })).toBe('CANCELLED_LATE');
    expect(outcomeOf({ kind: 'cancelled', cancelledAt: start - 25 * hour, start })).toBeNull();
  });
});
