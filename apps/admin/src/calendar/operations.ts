// The operators' reservations calendar (/admin/reservations). `npm run codegen` generates their types into
// ../generated/graphql.ts with the others; ../operations.spec.ts checks them against the schema.
import type {
  ApproveReservationMutation,
  ApproveReservationMutationVariables,
  CallSipParticipantAgainMutation,
  CallSipParticipantAgainMutationVariables,
  HangUpSipCallMutation,
  HangUpSipCallMutationVariables,
  MeetingSipCallsQuery,
  MeetingSipCallsQueryVariables,
  CalendarPointsQuery,
  CalendarPointsQueryVariables,
  CancelReservationMutation,
  CancelReservationMutationVariables,
  ExtendReservationMutation,
  ExtendReservationMutationVariables,
  PointCalendarQuery,
  PointCalendarQueryVariables,
  RejectReservationMutation,
  RejectReservationMutationVariables,
} from '../generated/graphql';
import type { Operation } from '../operations';

/** The points (and rooms) an operator can pick: their organisation's, or every one for a network admin. */
export const CALENDAR_POINTS: Operation<CalendarPointsQuery, CalendarPointsQueryVariables> = /* GraphQL */ `
  query CalendarPoints($filter: PointFilter) {
    points(filter: $filter, first: 100) {
      edges {
        node {
          point {
            id
            name
            town
            timeZone
            organisation {
              id
              name
            }
            rooms {
              id
              name
              capacity
            }
          }
        }
      }
    }
  }
`;

export const POINT_CALENDAR: Operation<PointCalendarQuery, PointCalendarQueryVariables> = /* GraphQL */ `
  query PointCalendar($pointId: ID!, $from: DateTime!, $to: DateTime!) {
    pointCalendar(pointId: $pointId, from: $from, to: $to) {
      reservations {
        id
        reference
        title
        status
        statusReason
        start
        end
        sequence
        requesterCategory
        purpose
        inTerritory
        organiser {
          name
          email
          phone
          postcode
        }
        rooms {
          roomId
          roomName
          pointId
          heldFrom
          heldUntil
          expectedParticipants
        }
        preflight {
          endpointId
          endpointName
          roomName
          round
          outcome
          cause
          finishedAt
        }
      }
      hostBlocks {
        id
        roomId
        start
        end
        summary
      }
    }
  }
`;

export const APPROVE_RESERVATION: Operation<ApproveReservationMutation, ApproveReservationMutationVariables> = /* GraphQL */ `
  mutation ApproveReservation($id: ID!) {
    approveReservation(id: $id) {
      id
      status
      statusReason
      start
      end
    }
  }
`;

export const REJECT_RESERVATION: Operation<RejectReservationMutation, RejectReservationMutationVariables> = /* GraphQL */ `
  mutation RejectReservation($id: ID!, $reason: String!) {
    rejectReservation(id: $id, reason: $reason) {
      id
      status
      statusReason
      start
      end
    }
  }
`;

export const CANCEL_RESERVATION: Operation<CancelReservationMutation, CancelReservationMutationVariables> = /* GraphQL */ `
  mutation CancelReservation($id: ID!, $reason: String!) {
    cancelReservation(id: $id, reason: $reason) {
      id
      status
      statusReason
      start
      end
    }
  }
`;

export const EXTEND_RESERVATION: Operation<ExtendReservationMutation, ExtendReservationMutationVariables> = /* GraphQL */ `
  mutation ExtendReservation($id: ID!, $end: DateTime!) {
    extendReservation(id: $id, end: $end) {
      id
      status
      statusReason
      start
      end
    }
  }
`;

/** The meeting's SIP address and the calls it places (dial-out), polled while the panel is open. */
export const MEETING_SIP_CALLS: Operation<MeetingSipCallsQuery, MeetingSipCallsQueryVariables> = /* GraphQL */ `
  query MeetingSipCalls($reservationId: ID!) {
    meeting(reservationId: $reservationId) {
      reservationId
      status
      sipUri
      sipCalls {
        id
        name
        uri
        direction
        status
        sipStatus
        cause
        reason
        attempts
        lastAttemptAt
        callId
      }
    }
  }
`;

export const CALL_SIP_PARTICIPANT_AGAIN: Operation<CallSipParticipantAgainMutation, CallSipParticipantAgainMutationVariables> = /* GraphQL */ `
  mutation CallSipParticipantAgain($sipCallId: ID!) {
    callSipParticipantAgain(sipCallId: $sipCallId) {
      id
      status
      attempts
    }
  }
`;

export const HANG_UP_SIP_CALL: Operation<HangUpSipCallMutation, HangUpSipCallMutationVariables> = /* GraphQL */ `
  mutation HangUpSipCall($sipCallId: ID!) {
    hangUpSipCall(sipCallId: $sipCallId) {
      id
      status
      reason
    }
  }
`;
