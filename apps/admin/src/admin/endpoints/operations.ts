// The room systems of a point (/admin/points/<id>/systemes): driver, live status, tests, incidents.
// `npm run codegen` generates their types into ../../generated/graphql.ts; ../../operations.spec.ts checks them.
import type {
  AdminEndpointsQuery,
  AdminEndpointsQueryVariables,
  RefreshEndpointStatusMutation,
  RefreshEndpointStatusMutationVariables,
  SetEndpointDriverMutation,
  SetEndpointDriverMutationVariables,
  TestEndpointNowMutation,
  TestEndpointNowMutationVariables,
} from '../../generated/graphql';
import type { Operation } from '../../operations';

export const ADMIN_ENDPOINTS: Operation<AdminEndpointsQuery, AdminEndpointsQueryVariables> = /* GraphQL */ `
  query AdminEndpoints($id: ID!) {
    point(id: $id) {
      id
      timeZone
      rooms {
        id
        name
        endpoints {
          id
          name
          kind
          protocol
          vendor
          model
          sipUri
          adapterId
          adapterConfig
          secretNames
          driver {
            id
            displayName
            capabilities
          }
          liveStatus {
            state
            callRemote
            cameraOn
            microphoneMuted
            peripherals {
              name
              type
              connected
            }
            vendorState
            detail
            at
          }
          lastTest {
            id
            round
            outcome
            cause
            detail
            finishedAt
          }
        }
      }
    }
    adapters {
      id
      kind
      displayName
      version
      configSchema
    }
    incidents(filter: { pointId: $id }, first: 100) {
      edges {
        node {
          id
          kind
          severity
          cause
          detail
          endpointId
          openedAt
          resolvedAt
          resolution
        }
      }
    }
  }
`;

export const TEST_ENDPOINT_NOW: Operation<TestEndpointNowMutation, TestEndpointNowMutationVariables> = /* GraphQL */ `
  mutation TestEndpointNow($id: ID!) {
    testEndpointNow(id: $id) {
      id
      round
      outcome
      cause
      detail
      finishedAt
      checks {
        id
        outcome
        cause
        detail
      }
    }
  }
`;

export const REFRESH_ENDPOINT_STATUS: Operation<RefreshEndpointStatusMutation, RefreshEndpointStatusMutationVariables> = /* GraphQL */ `
  mutation RefreshEndpointStatus($id: ID!) {
    refreshEndpointStatus(id: $id) {
      state
    }
  }
`;

export const SET_ENDPOINT_DRIVER: Operation<SetEndpointDriverMutation, SetEndpointDriverMutationVariables> = /* GraphQL */ `
  mutation SetEndpointDriver($id: ID!, $input: EndpointInput!) {
    updateEndpoint(id: $id, input: $input) {
      id
      adapterId
    }
  }
`;
