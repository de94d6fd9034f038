// The public booking flow's GraphQL operations (on /points/<id>). `npm run codegen` generates their types
// into ../generated/graphql.ts with the others; ../operations.spec.ts checks them against the schema.
import type {
  BookingAvailabilityQuery,
  BookingAvailabilityQueryVariables,
  BookingPointQuery,
  BookingPointQueryVariables,
  BookingQuoteQuery,
  BookingQuoteQueryVariables,
  BookingStatusQuery,
  BookingStatusQueryVariables,
  BookReservationMutation,
  BookReservationMutationVariables,
  FrozenQuoteQuery,
  FrozenQuoteQueryVariables,
} from '../generated/graphql';
import type { Operation } from '../operations';

/** What the flow needs of the point: its rooms and its booking rules (durations, notice, horizon). */
export const BOOKING_POINT: Operation<BookingPointQuery, BookingPointQueryVariables> = /* GraphQL */ `
  query BookingPoint($id: ID!) {
    point(id: $id) {
      id
      name
      timeZone
      accessPolicy
      rooms {
        id
        name
        capacity
      }
      bookingPolicy {
        minLeadMinutes
        minDurationMinutes
        maxDurationMinutes
        granularityMinutes
        horizonDays
        approvalCategories
      }
    }
  }
`;

export const BOOKING_AVAILABILITY: Operation<BookingAvailabilityQuery, BookingAvailabilityQueryVariables> = /* GraphQL */ `
  query BookingAvailability($input: AvailabilityInput!) {
    availability(input: $input) {
      slots {
        start
        end
        onRequest
      }
    }
  }
`;

/** What the flow shows of a quote, the live one and the frozen one alike: every line, the totals, the allowances used. */
const QUOTE_FIELDS = /* GraphQL */ `
  fragment BookingQuoteFields on QuoteView {
    version
    territory
    pricesInclude
    vatRateBp
    durationMinutes
    offHoursMinutes
    units
    localDays
    lines {
      kind
      label
      quantity
      unitCents
      amountCents
      amountExclVatCents
      amountInclVatCents
      minutes
    }
    totalExclVatCents
    vatCents
    totalInclVatCents
    allowanceUse {
      allowanceId
      label
      minutes
      remainingMinutes
    }
  }
`;

/** The price of the chosen slot for the requester's category and commune, every euro explained by a line. */
export const BOOKING_QUOTE: Operation<BookingQuoteQuery, BookingQuoteQueryVariables> = /* GraphQL */ `
  query BookingQuote($input: QuoteInput!) {
    quote(input: $input) {
      ...BookingQuoteFields
    }
  }
  ${QUOTE_FIELDS}
`;

export const BOOK_RESERVATION: Operation<BookReservationMutation, BookReservationMutationVariables> = /* GraphQL */ `
  mutation BookReservation($input: ReservationInput!) {
    book(input: $input) {
      accessToken
      reservation {
        id
        reference
        status
        title
        start
        end
        holdExpiresAt
        rooms {
          roomName
          pointName
        }
      }
    }
  }
`;

/** The booking's status, polled by the confirmation while an anonymous booking waits for its e-mail link. */
export const BOOKING_STATUS: Operation<BookingStatusQuery, BookingStatusQueryVariables> = /* GraphQL */ `
  query BookingStatus($reference: String!, $token: String!) {
    reservationByReference(reference: $reference, accessToken: $token) {
      id
      status
    }
  }
`;

/** The quote frozen in the booking transaction (confirmed at once): what the requester will pay. */
export const FROZEN_QUOTE: Operation<FrozenQuoteQuery, FrozenQuoteQueryVariables> = /* GraphQL */ `
  query FrozenQuote($id: ID!, $token: String) {
    reservationQuote(reservationId: $id, accessToken: $token) {
      frozenAt
      quote {
        ...BookingQuoteFields
      }
    }
  }
  ${QUOTE_FIELDS}
`;
