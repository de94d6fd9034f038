import { DateTime } from 'luxon';
import { expectData } from './e2e-assertions';
import type { TestApi } from './harness';
import { PARIS } from './booking-fixtures';

/** Row counts of the tables a booking writes to; compared before/after a rejected request. */
export interface BookingCounts {
  reservations: number;
  slots: number;
  activeSlots: number;
  participants: number;
  changes: number;
  outbox: number;
}

export async function bookingCounts(api: TestApi): Promise<BookingCounts> {
  const [row] = await api.sql<BookingCounts>(`
    SELECT (SELECT count(*)::int FROM reservation) AS reservations,
           (SELECT count(*)::int FROM room_slot) AS slots,
           (SELECT count(*)::int FROM room_slot WHERE active) AS "activeSlots",
           (SELECT count(*)::int FROM reservation_participant) AS participants,
           (SELECT count(*)::int FROM reservation_change) AS changes,
           (SELECT count(*)::int FROM outbox) AS outbox`);
  return row;
}

/** Runs `act` and asserts that no reservation, slot, participant, history or outbox row was written. */
export async function expectNothingBooked<T>(api: TestApi, act: () => Promise<T>): Promise<T> {
  const before = await bookingCounts(api);
  const result = await act();
  expect(await bookingCounts(api)).toEqual(before);
  return result;
}

export const organisationOfPoint = async (api: TestApi, pointId: string): Promise<string> => {
  const [row] = await api.sql<{ organisation_id: string }>(`SELECT organisation_id FROM point WHERE id = $1`, [pointId]);
  return row.organisation_id;
};

/** Creates a user through the API (as `creator`) and returns its Authorization header. */
export async function createUserAndLogin(
  api: TestApi,
  creator: Record<string, string>,
  user: { email: string; role: string; organisationId?: string },
): Promise<Record<string, string>> {
  const password = 'correct-horse-battery-staple';
  expectData(
    await api.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email: user.email, displayName: user.email.split('@')[0], password, role: user.role, organisationId: user.organisationId } },
      creator,
    ),
  );
  return api.loginAs(user.email, password);
}

/** Paris wall-clock 'HH:mm' of an instant. */
export const parisClock = (iso: string | Date): string =>
  DateTime.fromJSDate(typeof iso === 'string' ? new Date(iso) : iso)
    .setZone(PARIS)
    .toFormat('HH:mm');

export const ms = (iso: string | Date): number => (typeof iso === 'string' ? new Date(iso).getTime() : iso.getTime());
export const MINUTE = 60_000;

/** The reservation fields the scenarios read back. */
export const RESERVATION_FIELDS = `id reference status start end sequence seriesId seriesIndex statusReason
  rooms { roomId pointName heldFrom heldUntil expectedParticipants } history { kind reason fromStart fromEnd toStart toEnd }`;

export interface ReservationView {
  id: string;
  reference: string;
  status: string;
  start: string;
  end: string;
  sequence: number;
  seriesId: string | null;
  seriesIndex: number | null;
  statusReason: string | null;
  rooms: { roomId: string; pointName: string; heldFrom: string; heldUntil: string; expectedParticipants: number | null }[];
  history: { kind: string; reason: string | null; fromStart: string | null; fromEnd: string | null; toStart: string | null; toEnd: string | null }[];
}

export interface BookResult {
  book: { accessToken: string; reservation: ReservationView };
}

export const BOOK_FULL = `mutation($input: ReservationInput!) { book(input: $input) { accessToken reservation { ${RESERVATION_FIELDS} } } }`;

/** Reads a reservation back as its organiser (reference + access token). */
export async function reservationAsOrganiser(api: TestApi, reference: string, accessToken: string): Promise<ReservationView> {
  const res = await api.gql<{ reservationByReference: ReservationView }>(
    `query($r: String!, $t: String!) { reservationByReference(reference: $r, accessToken: $t) { ${RESERVATION_FIELDS} } }`,
    { r: reference, t: accessToken },
  );
  return expectData(res).reservationByReference;
}
