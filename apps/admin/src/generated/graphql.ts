/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type AccessPolicy =
  | 'COMPANIES_ONLY'
  | 'EPCI_PROJECTS_ONLY'
  | 'INTERNAL_ONLY'
  | 'OPEN_TO_ALL';

export type HostSiteType =
  | 'BUSINESS_INCUBATOR'
  | 'CYBER_CENTRE'
  | 'EPCI_HEAD_OFFICE'
  | 'LIBRARY'
  | 'OTHER'
  | 'SCHOOL'
  | 'TOWN_HALL';

/** SCHEDULED: not open yet (or awaiting approval); OPEN: joinable now; CLOSED: over; CANCELLED. */
export type MeetingStatus =
  | 'CANCELLED'
  | 'CLOSED'
  | 'OPEN'
  | 'SCHEDULED';

export type NearInput = {
  latitude: number;
  longitude: number;
  /** Radius in km (straight line), at most 500. */
  radiusKm: number;
};

export type PointFilter = {
  accessPolicies?: Array<AccessPolicy> | null | undefined;
  accessible?: boolean | null | undefined;
  minCapacity?: number | null | undefined;
  near?: NearInput | null | undefined;
  /** Only points open (or open on request) at this instant. */
  openAt?: string | null | undefined;
  organisationId?: string | number | null | undefined;
  /** Default: ACTIVE only. */
  statuses?: Array<PointStatus> | null | undefined;
  /** Matches name, town, postcode or organisation. */
  text?: string | null | undefined;
};

export type PointStatus =
  | 'ACTIVE'
  | 'DISMANTLED'
  | 'ON_HOLD';

export type DirectoryQueryVariables = Exact<{
  filter?: PointFilter | null | undefined;
  first?: number | null | undefined;
}>;


export type DirectoryQuery = { points: { totalCount: number, edges: Array<{ node: { distanceKm: number | null, point: { id: string, name: string, town: string, postcode: string, latitude: number, longitude: number, accessibleReducedMobility: boolean, accessPolicy: AccessPolicy, rooms: Array<{ id: string, capacity: number }> } } }> } };

export type PointPageQueryVariables = Exact<{
  id: string | number;
}>;


export type PointPageQuery = { point: { id: string, name: string, address: string, postcode: string, town: string, phone: string | null, latitude: number, longitude: number, timeZone: string, hostSiteType: HostSiteType, accessPolicy: AccessPolicy, accessibleReducedMobility: boolean, independentEntrance: boolean, receptionOnSite: boolean, technicianOnSite: boolean, rulesOfUse: string | null, organisation: { id: string, name: string }, rooms: Array<{ id: string, name: string, capacity: number, dedicated: boolean, equipment: Array<string> }>, openingSchedule: { timeZone: string, closedOnPublicHolidays: boolean, weekly: Array<{ weekday: number, opens: string, closes: string, onRequest: boolean | null }>, exceptions: Array<{ date: string, kind: string, reason: string | null, ranges: Array<{ opens: string, closes: string, onRequest: boolean | null }> | null }> }, isOpenAt: { open: boolean, onRequest: boolean, closesAt: string | null }, nextOpenings: Array<{ start: string, end: string, onRequest: boolean }> }, tariffs: { current: { id: string, version: number, validFrom: string, validTo: string | null, unitKind: string, unitHours: number | null, pricesInclude: string, vatRateBp: number, definition: unknown } | null } };

export type MeetingByTokenQueryVariables = Exact<{
  token: string;
}>;


export type MeetingByTokenQuery = { meetingByToken: { title: string, status: MeetingStatus, opensAt: string, startsAt: string, endsAt: string, closesAt: string, participantName: string } };
