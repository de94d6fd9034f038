// The organiser's pages without an account (confirm from the e-mail, manage my booking), the booking
// widget and the GraphQL documentation page. `npm run codegen` generates their types into
// ../generated/graphql.ts; `npm run persisted` lists them in the API's persisted-operation manifest.
import type {
  ConfirmBookingMutation,
  ConfirmBookingMutationVariables,
  GraphQlDocsQuery,
  GraphQlDocsQueryVariables,
  ManageCancelMutation,
  ManageCancelMutationVariables,
  ManageChangeMutation,
  ManageChangeMutationVariables,
  ManageInviteMutation,
  ManageInviteMutationVariables,
  ManageJoinLinkMutation,
  ManageJoinLinkMutationVariables,
  ManageReservationQuery,
  ManageReservationQueryVariables,
  WidgetPointsQuery,
  WidgetPointsQueryVariables,
} from '../generated/graphql';
import type { Operation } from '../operations';

export const CONFIRM_BOOKING: Operation<ConfirmBookingMutation, ConfirmBookingMutationVariables> = /* GraphQL */ `
  mutation ConfirmBooking($token: String!) {
    confirmBooking(token: $token) {
      id
      reference
      status
      title
      start
      end
    }
  }
`;

export const MANAGE_RESERVATION: Operation<ManageReservationQuery, ManageReservationQueryVariables> = /* GraphQL */ `
  query ManageReservation($reference: String!, $token: String!) {
    reservationByReference(reference: $reference, accessToken: $token) {
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
        pointId
      }
      participants {
        id
        kind
        name
        email
        sipUri
        phone
      }
    }
  }
`;

export const MANAGE_CHANGE: Operation<ManageChangeMutation, ManageChangeMutationVariables> = /* GraphQL */ `
  mutation ManageChange($id: ID!, $start: DateTime!, $end: DateTime!, $token: String) {
    changeReservation(id: $id, start: $start, end: $end, accessToken: $token) {
      id
      status
      start
      end
    }
  }
`;

export const MANAGE_CANCEL: Operation<ManageCancelMutation, ManageCancelMutationVariables> = /* GraphQL */ `
  mutation ManageCancel($id: ID!, $reason: String!, $token: String) {
    cancelReservation(id: $id, reason: $reason, accessToken: $token) {
      id
      status
    }
  }
`;

export const MANAGE_JOIN_LINK: Operation<ManageJoinLinkMutation, ManageJoinLinkMutationVariables> = /* GraphQL */ `
  mutation ManageJoinLink($id: ID!, $name: String!, $role: MeetingRole, $token: String) {
    createJoinLink(reservationId: $id, name: $name, role: $role, accessToken: $token) {
      url
      validFrom
      validUntil
    }
  }
`;

export const MANAGE_INVITE: Operation<ManageInviteMutation, ManageInviteMutationVariables> = /* GraphQL */ `
  mutation ManageInvite($id: ID!, $participant: RemoteParticipantInput!, $token: String) {
    addParticipant(reservationId: $id, participant: $participant, accessToken: $token) {
      id
      kind
      name
      email
      sipUri
      phone
    }
  }
`;

/** The widget of an organisation: its active points, to choose one and book it. */
export const WIDGET_POINTS: Operation<WidgetPointsQuery, WidgetPointsQueryVariables> = /* GraphQL */ `
  query WidgetPoints($organisationId: ID!) {
    organisation(id: $organisationId) {
      id
      name
    }
    points(filter: { organisationId: $organisationId }, first: 100) {
      edges {
        node {
          point {
            id
            name
            town
          }
        }
      }
    }
  }
`;

/** The schema, as the documentation page renders it (introspection, with every description). */
export const GRAPHQL_DOCS: Operation<GraphQlDocsQuery, GraphQlDocsQueryVariables> = /* GraphQL */ `
  query GraphQLDocs {
    __schema {
      queryType {
        name
      }
      mutationType {
        name
      }
      subscriptionType {
        name
      }
      types {
        kind
        name
        description
        fields {
          name
          description
          isDeprecated
          args {
            name
            description
            type {
              ...DocsTypeRef
            }
          }
          type {
            ...DocsTypeRef
          }
        }
        inputFields {
          name
          description
          type {
            ...DocsTypeRef
          }
        }
        enumValues {
          name
          description
        }
      }
    }
  }
  fragment DocsTypeRef on __Type {
    kind
    name
    ofType {
      kind
      name
      ofType {
        kind
        name
        ofType {
          kind
          name
        }
      }
    }
  }
`;
