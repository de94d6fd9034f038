// Every GraphQL operation of the app. `npm run codegen` generates their types into generated/graphql.ts
// from apps/api/schema.graphql; operations.spec.ts fails when an operation no longer matches the schema
// or the generated file is stale.
import type { DirectoryQuery, DirectoryQueryVariables, MeetingByTokenQuery, MeetingByTokenQueryVariables, PointPageQuery, PointPageQueryVariables } from './generated/graphql';
import { OPENING_SCHEDULE_FIELDS } from './fragments';

/** A GraphQL document with its result and variables types attached (phantom fields). */
export type Operation<TResult, TVariables> = string & { readonly __result?: TResult; readonly __variables?: TVariables };

export const DIRECTORY: Operation<DirectoryQuery, DirectoryQueryVariables> = /* GraphQL */ `
  query Directory($filter: PointFilter, $first: Int) {
    points(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          distanceKm
          point {
            id
            name
            town
            postcode
            latitude
            longitude
            accessibleReducedMobility
            accessPolicy
            rooms {
              id
              capacity
            }
          }
        }
      }
    }
  }
`;

export const POINT_PAGE: Operation<PointPageQuery, PointPageQueryVariables> = /* GraphQL */ `
  query PointPage($id: ID!) {
    point(id: $id) {
      id
      name
      address
      postcode
      town
      phone
      latitude
      longitude
      timeZone
      hostSiteType
      accessPolicy
      accessibleReducedMobility
      independentEntrance
      receptionOnSite
      technicianOnSite
      rulesOfUse
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
      }
      openingSchedule {
        ...OpeningScheduleFields
      }
      isOpenAt {
        open
        onRequest
        closesAt
      }
      nextOpenings(count: 7) {
        start
        end
        onRequest
      }
    }
    tariffs(pointId: $id) {
      current {
        id
        version
        validFrom
        validTo
        unitKind
        unitHours
        pricesInclude
        vatRateBp
        definition
      }
    }
  }
  ${OPENING_SCHEDULE_FIELDS}
`;

/** The guest join page (`/rejoindre/<token>`): what the link is for, and whether it can be joined now. */
export const MEETING_BY_TOKEN: Operation<MeetingByTokenQuery, MeetingByTokenQueryVariables> = /* GraphQL */ `
  query MeetingByToken($token: String!) {
    meetingByToken(token: $token) {
      title
      status
      opensAt
      startsAt
      endsAt
      closesAt
      sipUri
      participantName
    }
  }
`;
