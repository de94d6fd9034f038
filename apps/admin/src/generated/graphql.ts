/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type AccessPolicy =
  | 'COMPANIES_ONLY'
  | 'EPCI_PROJECTS_ONLY'
  | 'INTERNAL_ONLY'
  | 'OPEN_TO_ALL';

export type AllowanceInput = {
  categories: Array<string>;
  id: string;
  label: string;
  minutesPerMonth: number;
  requesterGroup?: string | null | undefined;
};

export type AvailabilityInput = {
  durationMinutes: number;
  from: string;
  /** Include off-hours bookable on request (flagged onRequest). */
  includeOnRequest?: boolean;
  limit?: number | null | undefined;
  /** Rooms that must all be free at once (several points: a multi-point meeting). */
  roomIds: Array<string | number>;
  to: string;
};

export type BookingPolicyInput = {
  approvalCategories?: Array<RequesterCategory>;
  granularityMinutes: number;
  horizonDays: number;
  maxDurationMinutes: number;
  minDurationMinutes: number;
  minLeadMinutes: number;
  setupBufferMinutes: number;
  teardownBufferMinutes: number;
};

export type CreateApiKeyInput = {
  /** Origins (https://www.epci.example) allowed to use the key from a browser and to frame the booking widget. */
  allowedOrigins?: Array<string> | null | undefined;
  name: string;
  organisationId: string | number;
  /** Requests per hour; null: the platform default. */
  quotaPerHour?: number | null | undefined;
  role?: Role;
};

export type CreateOrganisationInput = {
  address: string;
  contactEmail?: string | null | undefined;
  contactPhone?: string | null | undefined;
  kind: OrganisationKind;
  name: string;
  postcode: string;
  siret?: string | null | undefined;
  slug: string;
  territoryPostcodes?: Array<string> | null | undefined;
  town: string;
};

export type CreatePointInput = {
  accessPolicy: AccessPolicy;
  accessibleReducedMobility?: boolean | null | undefined;
  address: string;
  bandwidthKbps: number;
  fixedIp?: string | null | undefined;
  hostSiteType: HostSiteType;
  independentEntrance?: boolean | null | undefined;
  internalNotes?: string | null | undefined;
  latitude: number;
  longitude: number;
  name: string;
  networkLine: NetworkLine;
  openingSchedule: OpeningScheduleInput;
  organisationId: string | number;
  phone?: string | null | undefined;
  postcode: string;
  receptionOnSite?: boolean | null | undefined;
  rooms?: Array<RoomInput>;
  rulesOfUse?: string | null | undefined;
  slug: string;
  status?: PointStatus | null | undefined;
  technicianOnSite?: boolean | null | undefined;
  timeZone?: string | null | undefined;
  town: string;
};

export type CreatePriceListInput = {
  name: string;
  /** Required without pointId; must be the point’s organisation with it. */
  organisationId?: string | number | null | undefined;
  /** The point priced; absent: the organisation’s list for its points without their own. */
  pointId?: string | number | null | undefined;
};

export type CreateUserInput = {
  displayName: string;
  email: string;
  organisationId?: string | number | null | undefined;
  password: string;
  role: Role;
};

export type DatedExceptionInput = {
  /** YYYY-MM-DD, local date. */
  date: string;
  /** closed: the whole day; hours: the day’s hours are replaced by ranges. */
  kind: string;
  ranges?: Array<TimeRangeInput> | null | undefined;
  reason?: string | null | undefined;
};

export type EndpointInput = {
  adapterConfig?: unknown;
  adapterId?: string | null | undefined;
  /** Write-only secrets (string values); never readable back. */
  adapterSecrets?: unknown;
  kind: EndpointKind;
  model?: string | null | undefined;
  name: string;
  protocol: EndpointProtocol;
  sipUri?: string | null | undefined;
  vendor?: string | null | undefined;
};

export type EndpointKind =
  | 'PHONE'
  | 'ROOM_SYSTEM'
  | 'SOFT_CLIENT';

export type EndpointProtocol =
  | 'H323'
  | 'SIP'
  | 'WEBRTC';

export type EvaluationFilter = {
  category?: RequesterCategory | null | undefined;
  /** First month, YYYY-MM (inclusive). */
  from: string;
  /** An organisation (EPCI): its points only. Implied for an organisation’s own staff. */
  organisationId?: string | number | null | undefined;
  pointId?: string | number | null | undefined;
  /** Last month, YYYY-MM (inclusive); at most 120 months after `from`. */
  to: string;
};

export type HostSiteType =
  | 'BUSINESS_INCUBATOR'
  | 'CYBER_CENTRE'
  | 'EPCI_HEAD_OFFICE'
  | 'LIBRARY'
  | 'OTHER'
  | 'SCHOOL'
  | 'TOWN_HALL';

/** warning: worth a look, the meeting can go on; failure: something did not work. */
export type IncidentSeverity =
  | 'FAILURE'
  | 'WARNING';

/** HOST: the organiser side; ROOM: a point’s room system; GUEST: anyone invited. */
export type MeetingRole =
  | 'GUEST'
  | 'HOST'
  | 'ROOM';

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

export type NetworkLine =
  | 'DEDICATED_ADSL'
  | 'FIBRE'
  | 'SHARED_QOS';

export type OpeningScheduleInput = {
  closedOnPublicHolidays?: boolean;
  exceptions?: Array<DatedExceptionInput>;
  weekly: Array<WeeklyRuleInput>;
};

export type OperatingCostInput = {
  /** One-off: paid once on `date`. */
  amountCents?: number | null | undefined;
  date?: string | null | undefined;
  fromMonth?: string | null | undefined;
  /** CONCIERGE_SUBSCRIPTION, LINE, MAINTENANCE or OTHER. */
  kind: string;
  label: string;
  /** Recurring: paid every month from `fromMonth` to `toMonth`. */
  monthlyCents?: number | null | undefined;
  pointId: string | number;
  /** Last month paid (inclusive); open-ended when absent. */
  toMonth?: string | null | undefined;
};

export type OrganisationKind =
  | 'ASSOCIATION'
  | 'COMMUNE'
  | 'COMPANY'
  | 'EPCI'
  | 'NETWORK_OPERATOR';

export type OrganiserInput = {
  email: string;
  name: string;
  phone?: string | null | undefined;
};

export type ParticipantKind =
  | 'PHONE'
  | 'SIP'
  | 'WEB_GUEST';

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

export type PriceListVersionInput = {
  allowances?: Array<AllowanceInput>;
  dayCapCents?: number | null | undefined;
  minimumChargeCents?: number | null | undefined;
  /** EXCL_VAT or INCL_VAT: the basis of every amount of the version. */
  pricesInclude: string;
  promotions?: Array<PromotionInput>;
  rates: Array<TariffRateInput>;
  surcharges?: Array<SurchargeInput>;
  unit: TariffUnitInput;
  /** First local date of validity, YYYY-MM-DD (inclusive). */
  validFrom: string;
  /** End of validity, YYYY-MM-DD (exclusive); open-ended when absent. */
  validTo?: string | null | undefined;
  /** VAT rate in basis points: 2000 = 20 %. */
  vatRateBp: number;
};

export type PromotionInput = {
  categories?: Array<string> | null | undefined;
  /** FIRST_USE_FREE or FREE_MONTHS. */
  kind: string;
  /** YYYY-MM, for FREE_MONTHS. */
  months?: Array<string> | null | undefined;
};

export type Purpose =
  | 'ADMINISTRATION'
  | 'CLIENT_RELATIONS'
  | 'COORDINATION'
  | 'CULTURE'
  | 'EDUCATION'
  | 'HEALTH'
  | 'OTHER'
  | 'RECRUITMENT'
  | 'TECHNICAL_FOLLOW_UP'
  | 'TRAINING';

export type QuoteInput = {
  end: string;
  requesterCategory: RequesterCategory;
  /** The organiser’s e-mail: included allowances already used this month and first use. */
  requesterEmail?: string | null | undefined;
  requesterPostcode?: string | null | undefined;
  /** The rooms of the draft reservation; the first room’s point prices it. */
  roomIds: Array<string | number>;
  start: string;
};

export type RemoteParticipantInput = {
  email?: string | null | undefined;
  kind: ParticipantKind;
  name?: string | null | undefined;
  /** ISO 3166-1 alpha-2 country the participant joins from, when not France. */
  originCountry?: string | null | undefined;
  /** Postcode of the commune the participant joins from (France), for the evaluation. */
  originPostcode?: string | null | undefined;
  phone?: string | null | undefined;
  sipUri?: string | null | undefined;
};

export type RequesterCategory =
  | 'ASSOCIATION'
  | 'COMPANY'
  | 'INDIVIDUAL'
  | 'INTERNAL'
  | 'PUBLIC_SERVICE';

export type ReservationInput = {
  end: string;
  organiser: OrganiserInput;
  participants?: Array<RemoteParticipantInput>;
  purpose: Purpose;
  requesterCategory: RequesterCategory;
  /** Postcode of the requester’s commune: decides in or out of territory. */
  requesterPostcode?: string | null | undefined;
  /** One room, or several at different points for a multi-point meeting. */
  rooms: Array<ReservationRoomInput>;
  start: string;
  title: string;
};

export type ReservationRoomInput = {
  expectedParticipants?: number | null | undefined;
  roomId: string | number;
};

export type ReservationStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'CONFIRMED'
  | 'EXPIRED'
  | 'HELD'
  | 'NO_SHOW'
  | 'REJECTED'
  | 'REQUESTED';

export type Role =
  | 'BOOKER'
  | 'GUEST'
  | 'NETWORK_ADMIN'
  | 'ORGANISATION_ADMIN'
  | 'POINT_OPERATOR';

export type RoomInput = {
  capacity: number;
  dedicated?: boolean;
  equipment?: Array<string>;
  name: string;
};

/** OUT: the meeting called (dial-out). */
export type SipCallDirection =
  | 'OUT';

/** DIALLING: ringing; RETRYING: waiting for the next attempt; CONNECTED: in the meeting; ENDED: hung up; FAILED: given up (see cause); CANCELLED: stopped before it connected (an operator, or the meeting closed). */
export type SipCallStatus =
  | 'CANCELLED'
  | 'CONNECTED'
  | 'DIALLING'
  | 'ENDED'
  | 'FAILED'
  | 'RETRYING';

export type SurchargeInput = {
  fixedCents?: number | null | undefined;
  percent?: number | null | undefined;
  /** OFF_HOURS (pro rata of the minutes outside opening hours) or WEEKEND. */
  when: string;
};

export type SurveyAnswerInput = {
  comment?: string | null | undefined;
  /** People in the room (organiser). */
  peopleInRoom?: number | null | undefined;
  /** Did it replace a trip? */
  replacedTrip: boolean;
  /** 1 (bad) to 5 (very good). */
  satisfaction: number;
  trips?: Array<SurveyTripInput>;
  /** Did the meeting work (picture, sound, connection)? */
  worked: boolean;
};

export type SurveyTripInput = {
  /** Postcode of the commune the people would have come from. */
  fromPostcode: string;
  mode?: TravelMode | null | undefined;
  people: number;
};

export type TariffRateInput = {
  /** Price of one unit in cents, in the basis of `pricesInclude`; 0 = free. */
  amountCents: number;
  /** COMPANY, ASSOCIATION, PUBLIC_SERVICE, INDIVIDUAL or INTERNAL. */
  category: string;
  /** Day-rate cap for this combination. */
  dayCapCents?: number | null | undefined;
  /** IN (inside the host’s territory) or OUT. */
  territory: string;
};

export type TariffUnitInput = {
  hours?: number | null | undefined;
  /** SLOT (blocks of `hours`), HOUR, HALF_DAY (blocks of `hours`, default 4) or DAY. */
  kind: string;
};

export type TimeRangeInput = {
  closes: string;
  onRequest?: boolean | null | undefined;
  opens: string;
};

/** How a trip would have been made (the impact factors of each mode are in libs/core/src/impact/factors.ts). */
export type TravelMode =
  | 'CAR'
  | 'COACH'
  | 'FERRY'
  | 'PLANE'
  | 'TER'
  | 'TGV';

export type UpdateApiKeyInput = {
  /** Origins (https://www.epci.example) allowed to use the key from a browser and to frame the booking widget. */
  allowedOrigins?: Array<string> | null | undefined;
  name?: string | null | undefined;
  /** Requests per hour; null: the platform default. */
  quotaPerHour?: number | null | undefined;
};

export type UpdateOrganisationInput = {
  address?: string | null | undefined;
  contactEmail?: string | null | undefined;
  contactPhone?: string | null | undefined;
  name?: string | null | undefined;
  postcode?: string | null | undefined;
  siret?: string | null | undefined;
  territoryPostcodes?: Array<string> | null | undefined;
  town?: string | null | undefined;
};

export type UpdatePointInput = {
  accessPolicy?: AccessPolicy | null | undefined;
  accessibleReducedMobility?: boolean | null | undefined;
  address?: string | null | undefined;
  bandwidthKbps?: number | null | undefined;
  fixedIp?: string | null | undefined;
  hostSiteType?: HostSiteType | null | undefined;
  independentEntrance?: boolean | null | undefined;
  internalNotes?: string | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  name?: string | null | undefined;
  networkLine?: NetworkLine | null | undefined;
  phone?: string | null | undefined;
  postcode?: string | null | undefined;
  receptionOnSite?: boolean | null | undefined;
  rulesOfUse?: string | null | undefined;
  status?: PointStatus | null | undefined;
  technicianOnSite?: boolean | null | undefined;
  timeZone?: string | null | undefined;
  town?: string | null | undefined;
};

export type UpdateRoomInput = {
  capacity?: number | null | undefined;
  dedicated?: boolean | null | undefined;
  equipment?: Array<string> | null | undefined;
  name?: string | null | undefined;
};

export type UpdateUserInput = {
  displayName?: string | null | undefined;
  role?: Role | null | undefined;
};

export type WeeklyRuleInput = {
  /** HH:mm local time, 24:00 for midnight. */
  closes: string;
  /** Bookable only on request (needs approval). */
  onRequest?: boolean | null | undefined;
  /** HH:mm local time. */
  opens: string;
  /** ISO weekday, Monday = 1. */
  weekday: number;
};

/** An enum describing what kind of type a given `__Type` is. */
export type __TypeKind =
  /** Indicates this type is a scalar. */
  | 'SCALAR'
  /** Indicates this type is an object. `fields` and `interfaces` are valid fields. */
  | 'OBJECT'
  /** Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields. */
  | 'INTERFACE'
  /** Indicates this type is a union. `possibleTypes` is a valid field. */
  | 'UNION'
  /** Indicates this type is an enum. `enumValues` is a valid field. */
  | 'ENUM'
  /** Indicates this type is an input object. `inputFields` is a valid field. */
  | 'INPUT_OBJECT'
  /** Indicates this type is a list. `ofType` is a valid field. */
  | 'LIST'
  /** Indicates this type is a non-null. `ofType` is a valid field. */
  | 'NON_NULL';

export type AdminEndpointsQueryVariables = Exact<{
  id: string | number;
}>;


export type AdminEndpointsQuery = { point: { id: string, timeZone: string, rooms: Array<{ id: string, name: string, endpoints: Array<{ id: string, name: string, kind: EndpointKind, protocol: EndpointProtocol, vendor: string | null, model: string | null, sipUri: string | null, adapterId: string | null, adapterConfig: unknown, secretNames: Array<string>, driver: { id: string, displayName: string, capabilities: Array<string> } | null, liveStatus: { state: string, callRemote: string | null, cameraOn: boolean | null, microphoneMuted: boolean | null, vendorState: string | null, detail: string | null, at: string, peripherals: Array<{ name: string, type: string, connected: boolean }> } | null, lastTest: { id: string, round: string, outcome: string, cause: string | null, detail: string | null, finishedAt: string } | null }> | null }> }, adapters: Array<{ id: string, kind: string, displayName: string, version: string, configSchema: unknown }>, incidents: { edges: Array<{ node: { id: string, kind: string, severity: IncidentSeverity, cause: string, detail: string, endpointId: string | null, openedAt: string, resolvedAt: string | null, resolution: string | null } }> } };

export type TestEndpointNowMutationVariables = Exact<{
  id: string | number;
}>;


export type TestEndpointNowMutation = { testEndpointNow: { id: string, round: string, outcome: string, cause: string | null, detail: string | null, finishedAt: string, checks: Array<{ id: string, outcome: string, cause: string | null, detail: string | null }> } };

export type RefreshEndpointStatusMutationVariables = Exact<{
  id: string | number;
}>;


export type RefreshEndpointStatusMutation = { refreshEndpointStatus: { state: string } | null };

export type SetEndpointDriverMutationVariables = Exact<{
  id: string | number;
  input: EndpointInput;
}>;


export type SetEndpointDriverMutation = { updateEndpoint: { id: string, adapterId: string | null } };

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string } };

export type AdminMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminMeQuery = { me: { id: string, email: string, displayName: string, role: Role, organisationId: string | null } | null };

export type AdminOrganisationsQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminOrganisationsQuery = { organisations: Array<{ id: string, name: string, kind: OrganisationKind, town: string }> };

export type AdminPointsQueryVariables = Exact<{
  filter?: PointFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type AdminPointsQuery = { points: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { point: { id: string, name: string, town: string, postcode: string, status: PointStatus, organisation: { id: string, name: string }, rooms: Array<{ id: string }> } } }> } };

export type AdminPointQueryVariables = Exact<{
  id: string | number;
  year: number;
}>;


export type AdminPointQuery = { point: { id: string, name: string, slug: string, address: string, postcode: string, town: string, phone: string | null, latitude: number, longitude: number, timeZone: string, status: PointStatus, hostSiteType: HostSiteType, accessPolicy: AccessPolicy, accessibleReducedMobility: boolean, independentEntrance: boolean, receptionOnSite: boolean, technicianOnSite: boolean, rulesOfUse: string | null, bandwidthKbps: number, networkLine: NetworkLine, fixedIp: string | null, internalNotes: string | null, organisation: { id: string, name: string }, rooms: Array<{ id: string, name: string, capacity: number, dedicated: boolean, equipment: Array<string>, endpoints: Array<{ id: string, name: string, kind: EndpointKind, protocol: EndpointProtocol, vendor: string | null, model: string | null, sipUri: string | null }> | null, bookingPolicy: { minLeadMinutes: number, minDurationMinutes: number, maxDurationMinutes: number, granularityMinutes: number, setupBufferMinutes: number, teardownBufferMinutes: number, horizonDays: number, approvalCategories: Array<RequesterCategory> } | null }>, openingSchedule: { timeZone: string, closedOnPublicHolidays: boolean, weekly: Array<{ weekday: number, opens: string, closes: string, onRequest: boolean | null }>, exceptions: Array<{ date: string, kind: string, reason: string | null, ranges: Array<{ opens: string, closes: string, onRequest: boolean | null }> | null }> }, bookingPolicy: { minLeadMinutes: number, minDurationMinutes: number, maxDurationMinutes: number, granularityMinutes: number, setupBufferMinutes: number, teardownBufferMinutes: number, horizonDays: number, approvalCategories: Array<RequesterCategory> }, publicHolidays: Array<{ date: string, name: string }> } };

export type UpdatePointMutationVariables = Exact<{
  id: string | number;
  input: UpdatePointInput;
}>;


export type UpdatePointMutation = { updatePoint: { id: string, name: string, updatedAt: string } };

export type AddRoomMutationVariables = Exact<{
  pointId: string | number;
  input: RoomInput;
}>;


export type AddRoomMutation = { addRoom: { id: string } };

export type UpdateRoomMutationVariables = Exact<{
  id: string | number;
  input: UpdateRoomInput;
}>;


export type UpdateRoomMutation = { updateRoom: { id: string } };

export type RemoveRoomMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveRoomMutation = { removeRoom: boolean };

export type AddEndpointMutationVariables = Exact<{
  roomId: string | number;
  input: EndpointInput;
}>;


export type AddEndpointMutation = { addEndpoint: { id: string } };

export type UpdateEndpointMutationVariables = Exact<{
  id: string | number;
  input: EndpointInput;
}>;


export type UpdateEndpointMutation = { updateEndpoint: { id: string } };

export type SaveOpeningHoursMutationVariables = Exact<{
  pointId: string | number;
  schedule: OpeningScheduleInput;
}>;


export type SaveOpeningHoursMutation = { setOpeningHours: { id: string, openingSchedule: { closedOnPublicHolidays: boolean } } };

export type SaveBookingPolicyMutationVariables = Exact<{
  pointId: string | number;
  policy: BookingPolicyInput;
  roomId?: string | number | null | undefined;
}>;


export type SaveBookingPolicyMutation = { setBookingPolicy: { minLeadMinutes: number, minDurationMinutes: number, maxDurationMinutes: number, granularityMinutes: number, setupBufferMinutes: number, teardownBufferMinutes: number, horizonDays: number, approvalCategories: Array<RequesterCategory> } };

export type AdminTariffsQueryVariables = Exact<{
  pointId: string | number;
}>;


export type AdminTariffsQuery = { tariffs: { pointId: string, current: { id: string, version: number } | null, priceList: { id: string, name: string, organisationId: string, pointId: string | null, versions: Array<{ id: string, version: number, validFrom: string, validTo: string | null, status: string, unitKind: string, unitHours: number | null, pricesInclude: string, vatRateBp: number, definition: unknown, createdAt: string }> } | null } };

export type CreatePriceListMutationVariables = Exact<{
  input: CreatePriceListInput;
}>;


export type CreatePriceListMutation = { createPriceList: { id: string } };

export type PublishPriceListVersionMutationVariables = Exact<{
  priceListId: string | number;
  input: PriceListVersionInput;
}>;


export type PublishPriceListVersionMutation = { publishPriceListVersion: { id: string, versions: Array<{ id: string, version: number, validFrom: string, validTo: string | null, status: string }> } };

export type PreviewQuoteQueryVariables = Exact<{
  input: QuoteInput;
  draft?: PriceListVersionInput | null | undefined;
}>;


export type PreviewQuoteQuery = { quote: { version: number, territory: string, units: number, durationMinutes: number, offHoursMinutes: number, pricesInclude: string, vatRateBp: number, totalExclVatCents: number, vatCents: number, totalInclVatCents: number, lines: Array<{ kind: string, label: string, quantity: number, unitCents: number, amountCents: number, amountInclVatCents: number }> } };

export type AdminCostsQueryVariables = Exact<{
  pointId: string | number;
  fromMonth: string;
  toMonth: string;
}>;


export type AdminCostsQuery = { costPerCall: { fromMonth: string, toMonth: string, costs: Array<{ id: string, kind: string, label: string, monthlyCents: number | null, fromMonth: string | null, toMonth: string | null, amountCents: number | null, date: string | null }>, months: Array<{ month: string, recurringCents: number, oneOffCents: number, totalCostCents: number, completedMeetings: number, costPerMeetingCents: number | null, revenueCents: number | null, netCents: number | null }>, years: Array<{ year: number, monthCount: number, totalCostCents: number, completedMeetings: number, costPerMeetingCents: number | null, revenueCents: number | null, netCents: number | null }>, total: { totalCostCents: number, completedMeetings: number, costPerMeetingCents: number | null, revenueCents: number | null, netCents: number | null } } };

export type AddOperatingCostMutationVariables = Exact<{
  input: OperatingCostInput;
}>;


export type AddOperatingCostMutation = { addOperatingCost: { id: string } };

export type RemoveOperatingCostMutationVariables = Exact<{
  id: string | number;
}>;


export type RemoveOperatingCostMutation = { removeOperatingCost: boolean };

export type AdminAdaptersQueryVariables = Exact<{
  pointId: string | number;
}>;


export type AdminAdaptersQuery = { adapters: Array<{ id: string, kind: string, displayName: string, version: string, configSchema: unknown, secretNames: Array<string> }>, adapterBindings: Array<{ id: string, adapterId: string, config: unknown, secretNames: Array<string>, enabled: boolean, createdAt: string, health: { status: string, detail: string | null } }> };

export type BindAdapterMutationVariables = Exact<{
  pointId: string | number;
  adapterId: string;
  config: unknown;
  secrets?: unknown;
}>;


export type BindAdapterMutation = { bindAdapter: { id: string, secretNames: Array<string> } };

export type UnbindAdapterMutationVariables = Exact<{
  id: string | number;
}>;


export type UnbindAdapterMutation = { unbindAdapter: boolean };

export type BookingPointQueryVariables = Exact<{
  id: string | number;
}>;


export type BookingPointQuery = { point: { id: string, name: string, timeZone: string, accessPolicy: AccessPolicy, rooms: Array<{ id: string, name: string, capacity: number }>, bookingPolicy: { minLeadMinutes: number, minDurationMinutes: number, maxDurationMinutes: number, granularityMinutes: number, horizonDays: number, approvalCategories: Array<RequesterCategory> } } };

export type BookingAvailabilityQueryVariables = Exact<{
  input: AvailabilityInput;
}>;


export type BookingAvailabilityQuery = { availability: { slots: Array<{ start: string, end: string, onRequest: boolean }> } };

export type BookingQuoteFieldsFragment = { version: number, territory: string, pricesInclude: string, vatRateBp: number, durationMinutes: number, offHoursMinutes: number, units: number, localDays: number, totalExclVatCents: number, vatCents: number, totalInclVatCents: number, lines: Array<{ kind: string, label: string, quantity: number, unitCents: number, amountCents: number, amountExclVatCents: number, amountInclVatCents: number, minutes: number | null }>, allowanceUse: Array<{ allowanceId: string, label: string, minutes: number, remainingMinutes: number }> };

export type BookingQuoteQueryVariables = Exact<{
  input: QuoteInput;
}>;


export type BookingQuoteQuery = { quote: { version: number, territory: string, pricesInclude: string, vatRateBp: number, durationMinutes: number, offHoursMinutes: number, units: number, localDays: number, totalExclVatCents: number, vatCents: number, totalInclVatCents: number, lines: Array<{ kind: string, label: string, quantity: number, unitCents: number, amountCents: number, amountExclVatCents: number, amountInclVatCents: number, minutes: number | null }>, allowanceUse: Array<{ allowanceId: string, label: string, minutes: number, remainingMinutes: number }> } };

export type BookReservationMutationVariables = Exact<{
  input: ReservationInput;
}>;


export type BookReservationMutation = { book: { accessToken: string, reservation: { id: string, reference: string, status: ReservationStatus, title: string, start: string, end: string, holdExpiresAt: string | null, rooms: Array<{ roomName: string, pointName: string }> } } };

export type BookingStatusQueryVariables = Exact<{
  reference: string;
  token: string;
}>;


export type BookingStatusQuery = { reservationByReference: { id: string, status: ReservationStatus } };

export type FrozenQuoteQueryVariables = Exact<{
  id: string | number;
  token?: string | null | undefined;
}>;


export type FrozenQuoteQuery = { reservationQuote: { frozenAt: string, quote: { version: number, territory: string, pricesInclude: string, vatRateBp: number, durationMinutes: number, offHoursMinutes: number, units: number, localDays: number, totalExclVatCents: number, vatCents: number, totalInclVatCents: number, lines: Array<{ kind: string, label: string, quantity: number, unitCents: number, amountCents: number, amountExclVatCents: number, amountInclVatCents: number, minutes: number | null }>, allowanceUse: Array<{ allowanceId: string, label: string, minutes: number, remainingMinutes: number }> } } | null };

export type CalendarPointsQueryVariables = Exact<{
  filter?: PointFilter | null | undefined;
}>;


export type CalendarPointsQuery = { points: { edges: Array<{ node: { point: { id: string, name: string, town: string, timeZone: string, organisation: { id: string, name: string }, rooms: Array<{ id: string, name: string, capacity: number }> } } }> } };

export type PointCalendarQueryVariables = Exact<{
  pointId: string | number;
  from: string;
  to: string;
}>;


export type PointCalendarQuery = { pointCalendar: { reservations: Array<{ id: string, reference: string, title: string, status: ReservationStatus, statusReason: string | null, start: string, end: string, sequence: number, requesterCategory: RequesterCategory, purpose: Purpose, inTerritory: boolean, organiser: { name: string, email: string, phone: string | null, postcode: string | null }, rooms: Array<{ roomId: string, roomName: string, pointId: string, heldFrom: string, heldUntil: string, expectedParticipants: number | null }>, preflight: Array<{ endpointId: string, endpointName: string, roomName: string, round: string, outcome: string, cause: string | null, finishedAt: string }> }>, hostBlocks: Array<{ id: string, roomId: string, start: string, end: string, summary: string | null }> } };

export type ApproveReservationMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveReservationMutation = { approveReservation: { id: string, status: ReservationStatus, statusReason: string | null, start: string, end: string } };

export type RejectReservationMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectReservationMutation = { rejectReservation: { id: string, status: ReservationStatus, statusReason: string | null, start: string, end: string } };

export type CancelReservationMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type CancelReservationMutation = { cancelReservation: { id: string, status: ReservationStatus, statusReason: string | null, start: string, end: string } };

export type ExtendReservationMutationVariables = Exact<{
  id: string | number;
  end: string;
}>;


export type ExtendReservationMutation = { extendReservation: { id: string, status: ReservationStatus, statusReason: string | null, start: string, end: string } };

export type MeetingSipCallsQueryVariables = Exact<{
  reservationId: string | number;
}>;


export type MeetingSipCallsQuery = { meeting: { reservationId: string, status: MeetingStatus, sipUri: string | null, sipCalls: Array<{ id: string, name: string, uri: string, direction: SipCallDirection, status: SipCallStatus, sipStatus: number | null, cause: string | null, reason: string | null, attempts: number, lastAttemptAt: string | null, callId: string | null }> } };

export type CallSipParticipantAgainMutationVariables = Exact<{
  sipCallId: string | number;
}>;


export type CallSipParticipantAgainMutation = { callSipParticipantAgain: { id: string, status: SipCallStatus, attempts: number } };

export type HangUpSipCallMutationVariables = Exact<{
  sipCallId: string | number;
}>;


export type HangUpSipCallMutation = { hangUpSipCall: { id: string, status: SipCallStatus, reason: string | null } };

export type ConsoleApiKeyFieldsFragment = { id: string, name: string, prefix: string, role: Role, createdAt: string, revokedAt: string | null, quotaPerHour: number | null, allowedOrigins: Array<string> };

export type ConsoleApiKeysQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type ConsoleApiKeysQuery = { apiKeys: Array<{ id: string, name: string, prefix: string, role: Role, createdAt: string, revokedAt: string | null, quotaPerHour: number | null, allowedOrigins: Array<string> }> };

export type ConsoleCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ConsoleCreateApiKeyMutation = { createApiKey: { key: string, apiKey: { id: string, name: string, prefix: string, role: Role, createdAt: string, revokedAt: string | null, quotaPerHour: number | null, allowedOrigins: Array<string> } } };

export type ConsoleUpdateApiKeyMutationVariables = Exact<{
  id: string | number;
  input: UpdateApiKeyInput;
}>;


export type ConsoleUpdateApiKeyMutation = { updateApiKey: { id: string, name: string, prefix: string, role: Role, createdAt: string, revokedAt: string | null, quotaPerHour: number | null, allowedOrigins: Array<string> } };

export type ConsoleRevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type ConsoleRevokeApiKeyMutation = { revokeApiKey: { id: string, name: string, prefix: string, role: Role, createdAt: string, revokedAt: string | null, quotaPerHour: number | null, allowedOrigins: Array<string> } };

export type ConsoleUserFieldsFragment = { id: string, email: string, displayName: string, role: Role, organisationId: string | null };

export type ConsoleUsersQueryVariables = Exact<{
  organisationId?: string | number | null | undefined;
}>;


export type ConsoleUsersQuery = { users: Array<{ id: string, email: string, displayName: string, role: Role, organisationId: string | null }> };

export type ConsoleCreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type ConsoleCreateUserMutation = { createUser: { id: string, email: string, displayName: string, role: Role, organisationId: string | null } };

export type ConsoleUpdateUserMutationVariables = Exact<{
  id: string | number;
  input: UpdateUserInput;
}>;


export type ConsoleUpdateUserMutation = { updateUser: { id: string, email: string, displayName: string, role: Role, organisationId: string | null } };

export type ConsoleOrganisationFieldsFragment = { id: string, slug: string, name: string, kind: OrganisationKind, address: string, postcode: string, town: string, siret: string | null, contactEmail: string | null, contactPhone: string | null, territoryPostcodes: Array<string> };

export type ConsoleOrganisationsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleOrganisationsQuery = { organisations: Array<{ id: string, slug: string, name: string, kind: OrganisationKind, address: string, postcode: string, town: string, siret: string | null, contactEmail: string | null, contactPhone: string | null, territoryPostcodes: Array<string> }> };

export type ConsoleCreateOrganisationMutationVariables = Exact<{
  input: CreateOrganisationInput;
}>;


export type ConsoleCreateOrganisationMutation = { createOrganisation: { id: string, slug: string, name: string, kind: OrganisationKind, address: string, postcode: string, town: string, siret: string | null, contactEmail: string | null, contactPhone: string | null, territoryPostcodes: Array<string> } };

export type ConsoleUpdateOrganisationMutationVariables = Exact<{
  id: string | number;
  input: UpdateOrganisationInput;
}>;


export type ConsoleUpdateOrganisationMutation = { updateOrganisation: { id: string, slug: string, name: string, kind: OrganisationKind, address: string, postcode: string, town: string, siret: string | null, contactEmail: string | null, contactPhone: string | null, territoryPostcodes: Array<string> } };

export type ConsoleCreatePointMutationVariables = Exact<{
  input: CreatePointInput;
}>;


export type ConsoleCreatePointMutation = { createPoint: { id: string, name: string } };

export type EvaluationMetricsQueryVariables = Exact<{
  filter: EvaluationFilter;
}>;


export type EvaluationMetricsQuery = { evaluationMetrics: { from: string, to: string, organisationId: string | null, occupancyRate: number | null, operatingCostEuros: number, costPerUseEuros: number | null, factorTableVersion: number, totals: { records: number, completed: number, noShows: number, failed: number, cancelledLate: number, uses: number, bookedHours: number, kmAvoided: number, co2eGrossKg: number, co2eNetKg: number, timeSavedHours: number, moneySavedEuros: number, satisfaction: number | null, surveyAnswers: number, participantsInRoom: number, browserGuests: number, sipSystems: number }, byMonth: Array<{ month: string, categories: number, records: number, completed: number, noShows: number, failed: number, cancelledLate: number, uses: number, bookedHours: number, kmAvoided: number, co2eGrossKg: number, co2eNetKg: number, timeSavedHours: number, moneySavedEuros: number, satisfaction: number | null, surveyAnswers: number, participantsInRoom: number, browserGuests: number, sipSystems: number }>, byPoint: Array<{ pointId: string, pointName: string, town: string, latitude: number, longitude: number, occupancyRate: number | null, records: number, completed: number, noShows: number, failed: number, cancelledLate: number, uses: number, bookedHours: number, kmAvoided: number, co2eGrossKg: number, co2eNetKg: number, timeSavedHours: number, moneySavedEuros: number, satisfaction: number | null, surveyAnswers: number, participantsInRoom: number, browserGuests: number, sipSystems: number }>, byCategory: Array<{ key: string, records: number, completed: number, noShows: number, failed: number, cancelledLate: number, uses: number, bookedHours: number, kmAvoided: number, co2eGrossKg: number, co2eNetKg: number, timeSavedHours: number, moneySavedEuros: number, satisfaction: number | null, surveyAnswers: number, participantsInRoom: number, browserGuests: number, sipSystems: number }>, byPurpose: Array<{ key: string, records: number, completed: number, noShows: number, failed: number, cancelledLate: number, uses: number, bookedHours: number, kmAvoided: number, co2eGrossKg: number, co2eNetKg: number, timeSavedHours: number, moneySavedEuros: number, satisfaction: number | null, surveyAnswers: number, participantsInRoom: number, browserGuests: number, sipSystems: number }>, byDestination: Array<{ key: string, records: number, completed: number, noShows: number, failed: number, cancelledLate: number, uses: number, bookedHours: number, kmAvoided: number, co2eGrossKg: number, co2eNetKg: number, timeSavedHours: number, moneySavedEuros: number, satisfaction: number | null, surveyAnswers: number, participantsInRoom: number, browserGuests: number, sipSystems: number }>, internalVsExternal: Array<{ key: string, records: number, completed: number, noShows: number, failed: number, cancelledLate: number, uses: number, bookedHours: number, kmAvoided: number, co2eGrossKg: number, co2eNetKg: number, timeSavedHours: number, moneySavedEuros: number, satisfaction: number | null, surveyAnswers: number, participantsInRoom: number, browserGuests: number, sipSystems: number }>, failuresByCause: Array<{ key: string, count: number }>, unmetDemand: { searchesWithoutSlot: number, rejected: number, conflicts: number } } };

export type TerritoryCoverageQueryVariables = Exact<{
  radiusKm: number;
}>;


export type TerritoryCoverageQuery = { territoryCoverage: { radiusKm: number, communes: number, population: number, coveredPopulation: number, share: number, activePoints: number, approximateCentres: number, uncoveredCount: number, uncovered: Array<{ code: string, name: string, population: number, nearestKm: number, latitude: number, longitude: number }>, bestOpenings: Array<{ code: string, name: string, addedPopulation: number, shareAfter: number }> } };

export type SurveyQueryVariables = Exact<{
  token: string;
}>;


export type SurveyQuery = { survey: { reference: string, title: string, start: string, pointName: string, respondent: string, answered: boolean } };

export type SubmitSurveyMutationVariables = Exact<{
  token: string;
  input: SurveyAnswerInput;
}>;


export type SubmitSurveyMutation = { submitSurvey: { answered: boolean } };

export type SurveyLinkForMeetingQueryVariables = Exact<{
  joinToken: string;
}>;


export type SurveyLinkForMeetingQuery = { surveyLinkForMeeting: { path: string } };

export type OpeningScheduleFieldsFragment = { timeZone: string, closedOnPublicHolidays: boolean, weekly: Array<{ weekday: number, opens: string, closes: string, onRequest: boolean | null }>, exceptions: Array<{ date: string, kind: string, reason: string | null, ranges: Array<{ opens: string, closes: string, onRequest: boolean | null }> | null }> };

export type ConfirmBookingMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmBookingMutation = { confirmBooking: Array<{ id: string, reference: string, status: ReservationStatus, title: string, start: string, end: string }> };

export type ManageReservationQueryVariables = Exact<{
  reference: string;
  token: string;
}>;


export type ManageReservationQuery = { reservationByReference: { id: string, reference: string, status: ReservationStatus, title: string, start: string, end: string, holdExpiresAt: string | null, rooms: Array<{ roomName: string, pointName: string, pointId: string }>, participants: Array<{ id: string, kind: ParticipantKind, name: string | null, email: string | null, sipUri: string | null, phone: string | null }> } };

export type ManageChangeMutationVariables = Exact<{
  id: string | number;
  start: string;
  end: string;
  token?: string | null | undefined;
}>;


export type ManageChangeMutation = { changeReservation: { id: string, status: ReservationStatus, start: string, end: string } };

export type ManageCancelMutationVariables = Exact<{
  id: string | number;
  reason: string;
  token?: string | null | undefined;
}>;


export type ManageCancelMutation = { cancelReservation: { id: string, status: ReservationStatus } };

export type ManageJoinLinkMutationVariables = Exact<{
  id: string | number;
  name: string;
  role?: MeetingRole | null | undefined;
  token?: string | null | undefined;
}>;


export type ManageJoinLinkMutation = { createJoinLink: { url: string, validFrom: string, validUntil: string } };

export type ManageInviteMutationVariables = Exact<{
  id: string | number;
  participant: RemoteParticipantInput;
  token?: string | null | undefined;
}>;


export type ManageInviteMutation = { addParticipant: { id: string, kind: ParticipantKind, name: string | null, email: string | null, sipUri: string | null, phone: string | null } };

export type WidgetPointsQueryVariables = Exact<{
  organisationId: string | number;
}>;


export type WidgetPointsQuery = { organisation: { id: string, name: string }, points: { edges: Array<{ node: { point: { id: string, name: string, town: string } } }> } };

export type GraphQlDocsQueryVariables = Exact<{ [key: string]: never; }>;


export type GraphQlDocsQuery = { __schema: { queryType: { name: string | null }, mutationType: { name: string | null } | null, subscriptionType: { name: string | null } | null, types: Array<{ kind: __TypeKind, name: string | null, description: string | null, fields: Array<{ name: string, description: string | null, isDeprecated: boolean, args: Array<{ name: string, description: string | null, type: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null } | null } | null } | null } }>, type: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null } | null } | null } | null } }> | null, inputFields: Array<{ name: string, description: string | null, type: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null } | null } | null } | null } }> | null, enumValues: Array<{ name: string, description: string | null }> | null }> } };

export type DocsTypeRefFragment = { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null } | null } | null } | null };

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


export type MeetingByTokenQuery = { meetingByToken: { title: string, status: MeetingStatus, opensAt: string, startsAt: string, endsAt: string, closesAt: string, sipUri: string | null, participantName: string } };
