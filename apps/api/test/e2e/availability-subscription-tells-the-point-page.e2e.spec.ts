import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ADMIN, startTestApi, type TestApi } from '../harness';
import { bookConfirmed, BOOK, bookingInput, nextWeekdayAt, plusMinutes, roomOf, setHours, setPolicy, WEEKDAYS_9_TO_1730 } from '../booking-fixtures';

interface Change {
  availabilityChanged: { pointIds: string[]; roomIds: string[]; from: string; to: string };
}

describe('a point page subscribed to its availability is told when someone books there', () => {
  let api: TestApi;
  let client: Client;
  beforeAll(async () => {
    api = await startTestApi();
    client = createClient({ url: api.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, retryAttempts: 0 });
  });
  afterAll(async () => {
    await client.dispose();
    await api.close();
  });

  it('receives the booked period for Lannion, and nothing for a booking at Morlaix', async () => {
    const admin = await api.loginAs(ADMIN.email, ADMIN.password);
    const lannion = await roomOf(api, 'lannion-tregor-communaute-siege');
    const morlaix = await roomOf(api, 'morlaix-communaute-siege');
    for (const room of [lannion, morlaix]) {
      await setHours(api, admin, room.pointId, WEEKDAYS_9_TO_1730);
      await setPolicy(api, admin, room.pointId);
    }
    const received: Change[] = [];
    const firstChange = new Promise<void>((resolve, reject) => {
      client.subscribe<Change>(
        { query: `subscription($p: ID!) { availabilityChanged(pointId: $p) { pointIds roomIds from to } }`, variables: { p: lannion.pointId } },
        { next: (msg) => { if (msg.data) received.push(msg.data); resolve(); }, error: reject, complete: () => undefined },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the subscription register

    const atMorlaix = nextWeekdayAt(3, 10);
    expect((await bookConfirmed(api, BOOK, { input: bookingInput([morlaix.roomId], atMorlaix, plusMinutes(atMorlaix, 60)) })).errors).toBeUndefined();
    const atLannion = nextWeekdayAt(2, 14);
    expect((await bookConfirmed(api, BOOK, { input: bookingInput([lannion.roomId], atLannion, plusMinutes(atLannion, 90)) })).errors).toBeUndefined();

    await Promise.race([firstChange, new Promise((_, reject) => setTimeout(() => reject(new Error('no availabilityChanged within 10 s')), 10_000))]);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a Morlaix event, wrongly routed, would have arrived by now
    expect(received).toHaveLength(1);
    expect(received[0].availabilityChanged.pointIds).toEqual([lannion.pointId]);
    expect(received[0].availabilityChanged.roomIds).toEqual([lannion.roomId]);
    expect(new Date(received[0].availabilityChanged.from).getTime()).toBe(new Date(atLannion).getTime());
  });
});
