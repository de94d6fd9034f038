// The admin console's GraphQL operations (/admin/**). `npm run codegen` generates their types into
// ../generated/graphql.ts with the public ones (../operations.ts); ../operations.spec.ts checks both files.
import type {
  AddOperatingCostMutation,
  AddOperatingCostMutationVariables,
  AddRoomMutation,
  AddRoomMutationVariables,
  AddEndpointMutation,
  AddEndpointMutationVariables,
  AdminAdaptersQuery,
  AdminAdaptersQueryVariables,
  AdminCostsQuery,
  AdminCostsQueryVariables,
  AdminMeQuery,
  AdminMeQueryVariables,
  AdminOrganisationsQuery,
  AdminOrganisationsQueryVariables,
  AdminPointQuery,
  AdminPointQueryVariables,
  AdminPointsQuery,
  AdminPointsQueryVariables,
  AdminTariffsQuery,
  AdminTariffsQueryVariables,
  BindAdapterMutation,
  BindAdapterMutationVariables,
  CreatePriceListMutation,
  CreatePriceListMutationVariables,
  LoginMutation,
  LoginMutationVariables,
  PreviewQuoteQuery,
  PreviewQuoteQueryVariables,
  PublishPriceListVersionMutation,
  PublishPriceListVersionMutationVariables,
  RemoveOperatingCostMutation,
  RemoveOperatingCostMutationVariables,
  RemoveRoomMutation,
  RemoveRoomMutationVariables,
  SaveBookingPolicyMutation,
  SaveBookingPolicyMutationVariables,
  SaveOpeningHoursMutation,
  SaveOpeningHoursMutationVariables,
  UnbindAdapterMutation,
  UnbindAdapterMutationVariables,
  UpdateEndpointMutation,
  UpdateEndpointMutationVariables,
  UpdatePointMutation,
  UpdatePointMutationVariables,
  UpdateRoomMutation,
  UpdateRoomMutationVariables,
} from '../generated/graphql';
import { OPENING_SCHEDULE_FIELDS } from '../fragments';
import type { Operation } from '../operations';

export const LOGIN: Operation<LoginMutation, LoginMutationVariables> = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
    }
  }
`;

/** Who is signed in, and the organisation they act for (null for network admins without one). */
export const ADMIN_ME: Operation<AdminMeQuery, AdminMeQueryVariables> = /* GraphQL */ `
  query AdminMe {
    me {
      id
      email
      displayName
      role
      organisationId
    }
  }
`;

export const ADMIN_ORGANISATIONS: Operation<AdminOrganisationsQuery, AdminOrganisationsQueryVariables> = /* GraphQL */ `
  query AdminOrganisations {
    organisations {
      id
      name
      kind
      town
    }
  }
`;

export const ADMIN_POINTS: Operation<AdminPointsQuery, AdminPointsQueryVariables> = /* GraphQL */ `
  query AdminPoints($filter: PointFilter, $first: Int, $after: String) {
    points(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          point {
            id
            name
            town
            postcode
            status
            organisation {
              id
              name
            }
            rooms {
              id
            }
          }
        }
      }
    }
  }
`;

export const ADMIN_POINT: Operation<AdminPointQuery, AdminPointQueryVariables> = /* GraphQL */ `
  query AdminPoint($id: ID!, $year: Int!) {
    point(id: $id) {
      id
      name
      slug
      address
      postcode
      town
      phone
      latitude
      longitude
      timeZone
      status
      hostSiteType
      accessPolicy
      accessibleReducedMobility
      independentEntrance
      receptionOnSite
      technicianOnSite
      rulesOfUse
      bandwidthKbps
      networkLine
      fixedIp
      internalNotes
      organisation {
        id
        name
      }
      rooms {
        id
        name
        capacity
        dedicated
        equipment
        endpoints {
          id
          name
          kind
          protocol
          vendor
          model
          sipUri
        }
        bookingPolicy {
          minLeadMinutes
          minDurationMinutes
          maxDurationMinutes
          granularityMinutes
          setupBufferMinutes
          teardownBufferMinutes
          horizonDays
          approvalCategories
        }
      }
      openingSchedule {
        ...OpeningScheduleFields
      }
      bookingPolicy {
        minLeadMinutes
        minDurationMinutes
        maxDurationMinutes
        granularityMinutes
        setupBufferMinutes
        teardownBufferMinutes
        horizonDays
        approvalCategories
      }
      publicHolidays(year: $year) {
        date
        name
      }
    }
  }
  ${OPENING_SCHEDULE_FIELDS}
`;

export const UPDATE_POINT: Operation<UpdatePointMutation, UpdatePointMutationVariables> = /* GraphQL */ `
  mutation UpdatePoint($id: ID!, $input: UpdatePointInput!) {
    updatePoint(id: $id, input: $input) {
      id
      name
      updatedAt
    }
  }
`;

export const ADD_ROOM: Operation<AddRoomMutation, AddRoomMutationVariables> = /* GraphQL */ `
  mutation AddRoom($pointId: ID!, $input: RoomInput!) {
    addRoom(pointId: $pointId, input: $input) {
      id
    }
  }
`;

export const UPDATE_ROOM: Operation<UpdateRoomMutation, UpdateRoomMutationVariables> = /* GraphQL */ `
  mutation UpdateRoom($id: ID!, $input: UpdateRoomInput!) {
    updateRoom(id: $id, input: $input) {
      id
    }
  }
`;

export const REMOVE_ROOM: Operation<RemoveRoomMutation, RemoveRoomMutationVariables> = /* GraphQL */ `
  mutation RemoveRoom($id: ID!) {
    removeRoom(id: $id)
  }
`;

export const ADD_ENDPOINT: Operation<AddEndpointMutation, AddEndpointMutationVariables> = /* GraphQL */ `
  mutation AddEndpoint($roomId: ID!, $input: EndpointInput!) {
    addEndpoint(roomId: $roomId, input: $input) {
      id
    }
  }
`;

export const UPDATE_ENDPOINT: Operation<UpdateEndpointMutation, UpdateEndpointMutationVariables> = /* GraphQL */ `
  mutation UpdateEndpoint($id: ID!, $input: EndpointInput!) {
    updateEndpoint(id: $id, input: $input) {
      id
    }
  }
`;

export const SAVE_OPENING_HOURS: Operation<SaveOpeningHoursMutation, SaveOpeningHoursMutationVariables> = /* GraphQL */ `
  mutation SaveOpeningHours($pointId: ID!, $schedule: OpeningScheduleInput!) {
    setOpeningHours(pointId: $pointId, schedule: $schedule) {
      id
      openingSchedule {
        closedOnPublicHolidays
      }
    }
  }
`;

export const SAVE_BOOKING_POLICY: Operation<SaveBookingPolicyMutation, SaveBookingPolicyMutationVariables> = /* GraphQL */ `
  mutation SaveBookingPolicy($pointId: ID!, $policy: BookingPolicyInput!, $roomId: ID) {
    setBookingPolicy(pointId: $pointId, policy: $policy, roomId: $roomId) {
      minLeadMinutes
      minDurationMinutes
      maxDurationMinutes
      granularityMinutes
      setupBufferMinutes
      teardownBufferMinutes
      horizonDays
      approvalCategories
    }
  }
`;

export const ADMIN_TARIFFS: Operation<AdminTariffsQuery, AdminTariffsQueryVariables> = /* GraphQL */ `
  query AdminTariffs($pointId: ID!) {
    tariffs(pointId: $pointId) {
      pointId
      current {
        id
        version
      }
      priceList {
        id
        name
        organisationId
        pointId
        versions {
          id
          version
          validFrom
          validTo
          status
          unitKind
          unitHours
          pricesInclude
          vatRateBp
          definition
          createdAt
        }
      }
    }
  }
`;

export const CREATE_PRICE_LIST: Operation<CreatePriceListMutation, CreatePriceListMutationVariables> = /* GraphQL */ `
  mutation CreatePriceList($input: CreatePriceListInput!) {
    createPriceList(input: $input) {
      id
    }
  }
`;

export const PUBLISH_PRICE_LIST_VERSION: Operation<PublishPriceListVersionMutation, PublishPriceListVersionMutationVariables> = /* GraphQL */ `
  mutation PublishPriceListVersion($priceListId: ID!, $input: PriceListVersionInput!) {
    publishPriceListVersion(priceListId: $priceListId, input: $input) {
      id
      versions {
        id
        version
        validFrom
        validTo
        status
      }
    }
  }
`;

export const PREVIEW_QUOTE: Operation<PreviewQuoteQuery, PreviewQuoteQueryVariables> = /* GraphQL */ `
  query PreviewQuote($input: QuoteInput!, $draft: PriceListVersionInput) {
    quote(input: $input, draft: $draft) {
      version
      territory
      units
      durationMinutes
      offHoursMinutes
      pricesInclude
      vatRateBp
      totalExclVatCents
      vatCents
      totalInclVatCents
      lines {
        kind
        label
        quantity
        unitCents
        amountCents
        amountInclVatCents
      }
    }
  }
`;

export const ADMIN_COSTS: Operation<AdminCostsQuery, AdminCostsQueryVariables> = /* GraphQL */ `
  query AdminCosts($pointId: ID!, $fromMonth: String!, $toMonth: String!) {
    costPerCall(pointId: $pointId, fromMonth: $fromMonth, toMonth: $toMonth) {
      fromMonth
      toMonth
      costs {
        id
        kind
        label
        monthlyCents
        fromMonth
        toMonth
        amountCents
        date
      }
      months {
        month
        recurringCents
        oneOffCents
        totalCostCents
        completedMeetings
        costPerMeetingCents
        revenueCents
        netCents
      }
      years {
        year
        monthCount
        totalCostCents
        completedMeetings
        costPerMeetingCents
        revenueCents
        netCents
      }
      total {
        totalCostCents
        completedMeetings
        costPerMeetingCents
        revenueCents
        netCents
      }
    }
  }
`;

export const ADD_OPERATING_COST: Operation<AddOperatingCostMutation, AddOperatingCostMutationVariables> = /* GraphQL */ `
  mutation AddOperatingCost($input: OperatingCostInput!) {
    addOperatingCost(input: $input) {
      id
    }
  }
`;

export const REMOVE_OPERATING_COST: Operation<RemoveOperatingCostMutation, RemoveOperatingCostMutationVariables> = /* GraphQL */ `
  mutation RemoveOperatingCost($id: ID!) {
    removeOperatingCost(id: $id)
  }
`;

export const ADMIN_ADAPTERS: Operation<AdminAdaptersQuery, AdminAdaptersQueryVariables> = /* GraphQL */ `
  query AdminAdapters($pointId: ID!) {
    adapters {
      id
      kind
      displayName
      version
      configSchema
      secretNames
    }
    adapterBindings(pointId: $pointId) {
      id
      adapterId
      config
      secretNames
      enabled
      createdAt
      health {
        status
        detail
      }
    }
  }
`;

export const BIND_ADAPTER: Operation<BindAdapterMutation, BindAdapterMutationVariables> = /* GraphQL */ `
  mutation BindAdapter($pointId: ID!, $adapterId: String!, $config: JSON!, $secrets: JSON) {
    bindAdapter(pointId: $pointId, adapterId: $adapterId, config: $config, secrets: $secrets) {
      id
      secretNames
    }
  }
`;

export const UNBIND_ADAPTER: Operation<UnbindAdapterMutation, UnbindAdapterMutationVariables> = /* GraphQL */ `
  mutation UnbindAdapter($id: ID!) {
    unbindAdapter(id: $id)
  }
`;
