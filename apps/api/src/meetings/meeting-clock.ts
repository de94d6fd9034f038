import { Injectable } from '@nestjs/common';

/**
 * The time the meeting lifecycle and the join checks read. One provider, so that a test can move
 * it (`jest.spyOn(app.get(MeetingClock), 'now')`) and see the bridge open at T-10 min, warn at
 * T-5 and close at end + grace without waiting; timers still run on real time and re-read it.
 */
@Injectable()
export class MeetingClock {
  now(): number {
    return Date.now();
  }
}
