export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant, ISO 8601 with an offset (Z or ±hh:mm). */
  DateTime: { input: string; output: string; }
  /** A JSON value. */
  JSON: { input: unknown; output: unknown; }
};

export type AccessPolicy =
  | 'COMPANIES_ONLY'
  | 'EPCI_PROJECTS_ONLY'
  | 'INTERNAL_ONLY'
  | 'OPEN_TO_ALL';

/** An adapter bound to a point. Secrets are write-only: only their names are shown. */
export type AdapterBinding = {
  __typename?: 'AdapterBinding';
  adapterId: Scalars['String']['output'];
  config: Scalars['JSON']['output'];
  createdAt: Scalars['DateTime']['output'];
  enabled: Scalars['Boolean']['output'];
  health: AdapterHealth;
  id: Scalars['ID']['output'];
  pointId: Scalars['ID']['output'];
  secretNames: Array<Scalars['String']['output']>;
};

export type AdapterHealth = {
  __typename?: 'AdapterHealth';
  detail?: Maybe<Scalars['String']['output']>;
  /** up, degraded or down. */
  status: Scalars['String']['output'];
};

/** An installed adapter; configSchema (JSON Schema) drives the admin form, secret properties are write-only. */
export type AdapterManifest = {
  __typename?: 'AdapterManifest';
  capabilities: Array<Scalars['String']['output']>;
  configSchema: Scalars['JSON']['output'];
  displayName: Scalars['String']['output'];
  id: Scalars['String']['output'];
  /** conferencing, endpoint, concierge or notification. */
  kind: Scalars['String']['output'];
  /** Properties of configSchema passed in `secrets`, never returned. */
  secretNames: Array<Scalars['String']['output']>;
  /** Events delivered to the adapter. */
  subscribes: Array<Scalars['String']['output']>;
  version: Scalars['String']['output'];
};

export type AllowanceInput = {
  categories: Array<Scalars['String']['input']>;
  id: Scalars['String']['input'];
  label: Scalars['String']['input'];
  minutesPerMonth: Scalars['Int']['input'];
  requesterGroup?: InputMaybe<Scalars['String']['input']>;
};

export type AllowanceUseView = {
  __typename?: 'AllowanceUseView';
  allowanceId: Scalars['String']['output'];
  label: Scalars['String']['output'];
  minutes: Scalars['Int']['output'];
  remainingMinutes: Scalars['Int']['output'];
};

/** An API key acting for one organisation (sites that integrate through GraphQL). */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** Web origins (https://www.epci.example) allowed to call the API with this key from a browser and to frame the booking widget. */
  allowedOrigins: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  organisationId: Scalars['ID']['output'];
  /** First characters of the key, to recognise it. */
  prefix: Scalars['String']['output'];
  /** Requests per hour (null: the platform default, API_KEY_QUOTA_PER_HOUR). */
  quotaPerHour?: Maybe<Scalars['Int']['output']>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  role: Role;
};

export type AuthPayload = {
  __typename?: 'AuthPayload';
  expiresAt: Scalars['DateTime']['output'];
  /** Bearer token for the Authorization header. */
  token: Scalars['String']['output'];
  user: User;
};

export type Availability = {
  __typename?: 'Availability';
  /** Bookable start times for the requested duration. */
  slots: Array<TimeSlot>;
  /** Maximal free windows common to every room. */
  windows: Array<TimeSlot>;
};

export type AvailabilityChange = {
  __typename?: 'AvailabilityChange';
  from: Scalars['DateTime']['output'];
  pointIds: Array<Scalars['ID']['output']>;
  roomIds: Array<Scalars['ID']['output']>;
  to: Scalars['DateTime']['output'];
};

export type AvailabilityInput = {
  durationMinutes: Scalars['Int']['input'];
  from: Scalars['DateTime']['input'];
  /** Include off-hours bookable on request (flagged onRequest). */
  includeOnRequest?: Scalars['Boolean']['input'];
  limit?: InputMaybe<Scalars['Int']['input']>;
  /** Rooms that must all be free at once (several points: a multi-point meeting). */
  roomIds: Array<Scalars['ID']['input']>;
  to: Scalars['DateTime']['input'];
};

export type BookingPayload = {
  __typename?: 'BookingPayload';
  /** Shown once: lets the organiser view, change or cancel without an account. */
  accessToken: Scalars['String']['output'];
  reservation: Reservation;
};

export type BookingPolicy = {
  __typename?: 'BookingPolicy';
  approvalCategories: Array<RequesterCategory>;
  granularityMinutes: Scalars['Int']['output'];
  horizonDays: Scalars['Int']['output'];
  maxDurationMinutes: Scalars['Int']['output'];
  minDurationMinutes: Scalars['Int']['output'];
  minLeadMinutes: Scalars['Int']['output'];
  setupBufferMinutes: Scalars['Int']['output'];
  teardownBufferMinutes: Scalars['Int']['output'];
};

export type BookingPolicyInput = {
  approvalCategories?: Array<RequesterCategory>;
  granularityMinutes: Scalars['Int']['input'];
  horizonDays: Scalars['Int']['input'];
  maxDurationMinutes: Scalars['Int']['input'];
  minDurationMinutes: Scalars['Int']['input'];
  minLeadMinutes: Scalars['Int']['input'];
  setupBufferMinutes: Scalars['Int']['input'];
  teardownBufferMinutes: Scalars['Int']['input'];
};

export type CostFiguresView = {
  __typename?: 'CostFiguresView';
  completedMeetings: Scalars['Int']['output'];
  /** null when no meeting was completed. */
  costPerMeetingCents?: Maybe<Scalars['Int']['output']>;
  netCents?: Maybe<Scalars['Int']['output']>;
  oneOffCents: Scalars['Int']['output'];
  recurringByKind: RecurringByKindView;
  recurringCents: Scalars['Int']['output'];
  /** Frozen quotes of the completed meetings, including VAT. */
  revenueCents?: Maybe<Scalars['Int']['output']>;
  totalCostCents: Scalars['Int']['output'];
};

export type CostPerCallView = {
  __typename?: 'CostPerCallView';
  costs: Array<OperatingCostView>;
  fromMonth: Scalars['String']['output'];
  months: Array<MonthCostFiguresView>;
  pointId: Scalars['ID']['output'];
  toMonth: Scalars['String']['output'];
  total: CostFiguresView;
  years: Array<YearCostFiguresView>;
};

export type CountByKey = {
  __typename?: 'CountByKey';
  count: Scalars['Int']['output'];
  key: Scalars['String']['output'];
};

export type CreateApiKeyInput = {
  /** Origins (https://www.epci.example) allowed to use the key from a browser and to frame the booking widget. */
  allowedOrigins?: InputMaybe<Array<Scalars['String']['input']>>;
  name: Scalars['String']['input'];
  organisationId: Scalars['ID']['input'];
  /** Requests per hour; null: the platform default. */
  quotaPerHour?: InputMaybe<Scalars['Int']['input']>;
  role?: Role;
};

export type CreateOrganisationInput = {
  address: Scalars['String']['input'];
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  kind: OrganisationKind;
  name: Scalars['String']['input'];
  postcode: Scalars['String']['input'];
  siret?: InputMaybe<Scalars['String']['input']>;
  slug: Scalars['String']['input'];
  territoryPostcodes?: InputMaybe<Array<Scalars['String']['input']>>;
  town: Scalars['String']['input'];
};

export type CreatePointInput = {
  accessPolicy: AccessPolicy;
  accessibleReducedMobility?: InputMaybe<Scalars['Boolean']['input']>;
  address: Scalars['String']['input'];
  bandwidthKbps: Scalars['Int']['input'];
  fixedIp?: InputMaybe<Scalars['String']['input']>;
  hostSiteType: HostSiteType;
  independentEntrance?: InputMaybe<Scalars['Boolean']['input']>;
  internalNotes?: InputMaybe<Scalars['String']['input']>;
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  name: Scalars['String']['input'];
  networkLine: NetworkLine;
  openingSchedule: OpeningScheduleInput;
  organisationId: Scalars['ID']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
  postcode: Scalars['String']['input'];
  receptionOnSite?: InputMaybe<Scalars['Boolean']['input']>;
  rooms?: Array<RoomInput>;
  rulesOfUse?: InputMaybe<Scalars['String']['input']>;
  slug: Scalars['String']['input'];
  status?: InputMaybe<PointStatus>;
  technicianOnSite?: InputMaybe<Scalars['Boolean']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  town: Scalars['String']['input'];
};

export type CreatePriceListInput = {
  name: Scalars['String']['input'];
  /** Required without pointId; must be the point’s organisation with it. */
  organisationId?: InputMaybe<Scalars['ID']['input']>;
  /** The point priced; absent: the organisation’s list for its points without their own. */
  pointId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateUserInput = {
  displayName: Scalars['String']['input'];
  email: Scalars['String']['input'];
  organisationId?: InputMaybe<Scalars['ID']['input']>;
  password: Scalars['String']['input'];
  role: Role;
};

export type CreatedApiKey = {
  __typename?: 'CreatedApiKey';
  apiKey: ApiKey;
  /** Shown once; keep it safe. */
  key: Scalars['String']['output'];
};

export type DatedException = {
  __typename?: 'DatedException';
  /** YYYY-MM-DD, local date. */
  date: Scalars['String']['output'];
  /** closed: the whole day; hours: the day’s hours are replaced by ranges. */
  kind: Scalars['String']['output'];
  ranges?: Maybe<Array<TimeRange>>;
  reason?: Maybe<Scalars['String']['output']>;
};

export type DatedExceptionInput = {
  /** YYYY-MM-DD, local date. */
  date: Scalars['String']['input'];
  /** closed: the whole day; hours: the day’s hours are replaced by ranges. */
  kind: Scalars['String']['input'];
  ranges?: InputMaybe<Array<TimeRangeInput>>;
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type Endpoint = {
  __typename?: 'Endpoint';
  /** Non-secret adapter configuration. */
  adapterConfig: Scalars['JSON']['output'];
  adapterId?: Maybe<Scalars['String']['output']>;
  /** Null when no driver of kind endpoint is configured or installed. */
  driver?: Maybe<EndpointDriver>;
  id: Scalars['ID']['output'];
  kind: EndpointKind;
  /** The latest test (pre-call round or test now). */
  lastTest?: Maybe<PreflightResult>;
  /** Null until the driver reported once. */
  liveStatus?: Maybe<EndpointLiveStatus>;
  model?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  protocol: EndpointProtocol;
  roomId: Scalars['ID']['output'];
  /** Names of the secrets that are set (values are write-only). */
  secretNames: Array<Scalars['String']['output']>;
  sipUri?: Maybe<Scalars['String']['output']>;
  /** Its tests, newest first. */
  tests: Array<PreflightResult>;
  vendor?: Maybe<Scalars['String']['output']>;
};


export type EndpointTestsArgs = {
  first?: Scalars['Int']['input'];
};

/** The adapter driving a room system. */
export type EndpointDriver = {
  __typename?: 'EndpointDriver';
  capabilities: Array<Scalars['String']['output']>;
  displayName: Scalars['String']['output'];
  id: Scalars['String']['output'];
  version: Scalars['String']['output'];
};

export type EndpointInput = {
  adapterConfig?: InputMaybe<Scalars['JSON']['input']>;
  adapterId?: InputMaybe<Scalars['String']['input']>;
  /** Write-only secrets (string values); never readable back. */
  adapterSecrets?: InputMaybe<Scalars['JSON']['input']>;
  kind: EndpointKind;
  model?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  protocol: EndpointProtocol;
  sipUri?: InputMaybe<Scalars['String']['input']>;
  vendor?: InputMaybe<Scalars['String']['input']>;
};

export type EndpointKind =
  | 'PHONE'
  | 'ROOM_SYSTEM'
  | 'SOFT_CLIENT';

/** What the room system’s driver last reported. */
export type EndpointLiveStatus = {
  __typename?: 'EndpointLiveStatus';
  at: Scalars['DateTime']['output'];
  callRemote?: Maybe<Scalars['String']['output']>;
  cameraOn?: Maybe<Scalars['Boolean']['output']>;
  detail?: Maybe<Scalars['String']['output']>;
  microphoneMuted?: Maybe<Scalars['Boolean']['output']>;
  peripherals: Array<EndpointPeripheral>;
  /** idle, in-call, connecting, standby, offline or error (the shared enum every driver maps onto). */
  state: Scalars['String']['output'];
  /** The vendor’s own word for the state. */
  vendorState?: Maybe<Scalars['String']['output']>;
};

export type EndpointPeripheral = {
  __typename?: 'EndpointPeripheral';
  connected: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  type: Scalars['String']['output'];
};

export type EndpointProtocol =
  | 'H323'
  | 'SIP'
  | 'WEBRTC';

export type EvaluationFigures = {
  __typename?: 'EvaluationFigures';
  bookedHours: Scalars['Float']['output'];
  browserGuests: Scalars['Int']['output'];
  cancelledLate: Scalars['Int']['output'];
  co2eGrossKg: Scalars['Float']['output'];
  /** Avoided minus the meetings’ own footprint. */
  co2eNetKg: Scalars['Float']['output'];
  completed: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  kmAvoided: Scalars['Float']['output'];
  /** Euros (kilometre scale, fares, night allowances). */
  moneySavedEuros: Scalars['Float']['output'];
  noShows: Scalars['Int']['output'];
  participantsInRoom: Scalars['Int']['output'];
  /** Records: every reservation that ended (uses, no-shows, failures, late cancellations). */
  records: Scalars['Int']['output'];
  /** 1–5; null without answers. */
  satisfaction?: Maybe<Scalars['Float']['output']>;
  sipSystems: Scalars['Int']['output'];
  surveyAnswers: Scalars['Int']['output'];
  timeSavedHours: Scalars['Float']['output'];
  /** Uses: completed + failed. */
  uses: Scalars['Int']['output'];
};

export type EvaluationFilter = {
  category?: InputMaybe<RequesterCategory>;
  /** First month, YYYY-MM (inclusive). */
  from: Scalars['String']['input'];
  /** An organisation (EPCI): its points only. Implied for an organisation’s own staff. */
  organisationId?: InputMaybe<Scalars['ID']['input']>;
  pointId?: InputMaybe<Scalars['ID']['input']>;
  /** Last month, YYYY-MM (inclusive); at most 120 months after `from`. */
  to: Scalars['String']['input'];
};

export type EvaluationMetrics = {
  __typename?: 'EvaluationMetrics';
  byCategory: Array<KeyFigures>;
  byDestination: Array<KeyFigures>;
  byMonth: Array<MonthFigures>;
  byPoint: Array<PointFigures>;
  byPurpose: Array<KeyFigures>;
  /** Operating cost per use, euros; null without uses. */
  costPerUseEuros?: Maybe<Scalars['Float']['output']>;
  factorTableVersion: Scalars['Int']['output'];
  /** Incidents of the period’s meetings by cause. */
  failuresByCause: Array<CountByKey>;
  from: Scalars['String']['output'];
  /** key "true": internal use by the host’s own staff; "false": external users. */
  internalVsExternal: Array<KeyFigures>;
  /** Booked hours / regular opening hours of the points in scope (0–1). */
  occupancyRate?: Maybe<Scalars['Float']['output']>;
  /** Operating costs of the points in scope over the period, euros. */
  operatingCostEuros: Scalars['Float']['output'];
  organisationId?: Maybe<Scalars['ID']['output']>;
  to: Scalars['String']['output'];
  totals: EvaluationFigures;
  unmetDemand: UnmetDemandFigures;
};

/** The delivery of one event to one durable subscriber (an adapter binding, a handler, or the relay itself). */
export type EventDelivery = {
  __typename?: 'EventDelivery';
  aggregateId: Scalars['String']['output'];
  aggregateType: Scalars['String']['output'];
  attempts: Scalars['Int']['output'];
  eventId: Scalars['ID']['output'];
  eventName: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lastError?: Maybe<Scalars['String']['output']>;
  occurredAt: Scalars['DateTime']['output'];
  payload: Scalars['JSON']['output'];
  /** pending, done or dead. */
  status: Scalars['String']['output'];
  /** 'adapter:<bindingId>', a handler's name, or 'relay' (events it refused, e.g. unknown names). */
  subscriber: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type EventDeliveryConnection = {
  __typename?: 'EventDeliveryConnection';
  edges: Array<EventDeliveryEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type EventDeliveryEdge = {
  __typename?: 'EventDeliveryEdge';
  cursor: Scalars['String']['output'];
  node: EventDelivery;
};

export type FrozenQuoteView = {
  __typename?: 'FrozenQuoteView';
  frozenAt: Scalars['DateTime']['output'];
  quote: QuoteView;
  reservationId: Scalars['ID']['output'];
};

/** A slot a host holds its shared room for (theatre, council meeting). */
export type HostBlock = {
  __typename?: 'HostBlock';
  end: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  roomId: Scalars['ID']['output'];
  /** 'manual', 'ics:upload' or 'ics:<sha-256 of the URL>'. */
  source: Scalars['String']['output'];
  start: Scalars['DateTime']['output'];
  summary?: Maybe<Scalars['String']['output']>;
  uid: Scalars['String']['output'];
};

/** Result of importing a host calendar into a shared room. */
export type HostBlockImport = {
  __typename?: 'HostBlockImport';
  /** Window imported: from now … */
  from: Scalars['DateTime']['output'];
  /** Blocks now held (overlapping events merged). */
  imported: Scalars['Int']['output'];
  /** Blocks of the same source removed by this import. */
  replaced: Scalars['Int']['output'];
  /** Events ignored: cancelled, free (TRANSP:TRANSPARENT) or of no duration. */
  skipped: Scalars['Int']['output'];
  /** 'ics:upload' or 'ics:<sha-256 of the URL>'; a new import replaces the blocks of the same source. */
  source: Scalars['String']['output'];
  /** … to the booking horizon of the room. */
  to: Scalars['DateTime']['output'];
};

export type HostSiteType =
  | 'BUSINESS_INCUBATOR'
  | 'CYBER_CENTRE'
  | 'EPCI_HEAD_OFFICE'
  | 'LIBRARY'
  | 'OTHER'
  | 'SCHOOL'
  | 'TOWN_HALL';

export type Incident = {
  __typename?: 'Incident';
  /** Machine-readable cause, e.g. 'worker-died', 'sip-486', 'no-answer'. */
  cause: Scalars['String']['output'];
  /** What the source recorded with it (a SIP cause code, a worker pid, a diagnostics report). */
  data: Scalars['JSON']['output'];
  detail: Scalars['String']['output'];
  endpointId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  /** '<area>.<what>', e.g. 'media.worker-died', 'sip.call-failed', 'endpoint.preflight-failed'. */
  kind: Scalars['String']['output'];
  openedAt: Scalars['DateTime']['output'];
  pointIds: Array<Scalars['ID']['output']>;
  reservationId?: Maybe<Scalars['ID']['output']>;
  resolution?: Maybe<Scalars['String']['output']>;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  severity: IncidentSeverity;
  /** Who reported it: 'media', an adapter id, 'preflight'. */
  source: Scalars['String']['output'];
};

export type IncidentConnection = {
  __typename?: 'IncidentConnection';
  edges: Array<IncidentEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type IncidentEdge = {
  __typename?: 'IncidentEdge';
  cursor: Scalars['String']['output'];
  node: Incident;
};

export type IncidentFilter = {
  endpointId?: InputMaybe<Scalars['ID']['input']>;
  /** true: open only; false: resolved only; absent: both. */
  open?: InputMaybe<Scalars['Boolean']['input']>;
  pointId?: InputMaybe<Scalars['ID']['input']>;
  reservationId?: InputMaybe<Scalars['ID']['input']>;
  severity?: InputMaybe<IncidentSeverity>;
};

/** warning: worth a look, the meeting can go on; failure: something did not work. */
export type IncidentSeverity =
  | 'FAILURE'
  | 'WARNING';

/** A personal link to a meeting: anyone holding it joins under the given name, from 10 minutes before the start until the end plus the grace period. */
export type JoinLink = {
  __typename?: 'JoinLink';
  /** The signed join token inside the link (built-in bridge only). */
  token?: Maybe<Scalars['String']['output']>;
  /** `/rejoindre/<token>` (absolute when the conferencing binding sets a public address). */
  url: Scalars['String']['output'];
  validFrom: Scalars['DateTime']['output'];
  validUntil: Scalars['DateTime']['output'];
};

export type KeyFigures = {
  __typename?: 'KeyFigures';
  bookedHours: Scalars['Float']['output'];
  browserGuests: Scalars['Int']['output'];
  cancelledLate: Scalars['Int']['output'];
  co2eGrossKg: Scalars['Float']['output'];
  /** Avoided minus the meetings’ own footprint. */
  co2eNetKg: Scalars['Float']['output'];
  completed: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  /** The category, purpose, destination (LOCAL, BRITTANY, FRANCE, ABROAD, UNKNOWN) or internal (true/false). */
  key: Scalars['String']['output'];
  kmAvoided: Scalars['Float']['output'];
  /** Euros (kilometre scale, fares, night allowances). */
  moneySavedEuros: Scalars['Float']['output'];
  noShows: Scalars['Int']['output'];
  participantsInRoom: Scalars['Int']['output'];
  /** Records: every reservation that ended (uses, no-shows, failures, late cancellations). */
  records: Scalars['Int']['output'];
  /** 1–5; null without answers. */
  satisfaction?: Maybe<Scalars['Float']['output']>;
  sipSystems: Scalars['Int']['output'];
  surveyAnswers: Scalars['Int']['output'];
  timeSavedHours: Scalars['Float']['output'];
  /** Uses: completed + failed. */
  uses: Scalars['Int']['output'];
};

/** The live meeting of a reservation. */
export type Meeting = {
  __typename?: 'Meeting';
  /** The conferencing adapter that opened the bridge (mediasoup when built in). */
  adapterId?: Maybe<Scalars['String']['output']>;
  /** Every join, oldest first. */
  attendance: Array<MeetingAttendance>;
  /** ended, cancelled or closed-by-operator, once closed. */
  closeReason?: Maybe<Scalars['String']['output']>;
  closesAt: Scalars['DateTime']['output'];
  endsAt: Scalars['DateTime']['output'];
  opensAt: Scalars['DateTime']['output'];
  /** Connected now. */
  participants: Array<MeetingParticipant>;
  reservationId: Scalars['ID']['output'];
  /** The calls the meeting places to the reservation’s SIP participants and its rooms’ SIP endpoints without a driver (from its opening). */
  sipCalls: Array<SipCall>;
  /** The address room systems dial, e.g. sip:MLG-0000042@visio.example (null when this API runs without SIP). */
  sipUri?: Maybe<Scalars['String']['output']>;
  startsAt: Scalars['DateTime']['output'];
  status: MeetingStatus;
  title: Scalars['String']['output'];
};

/** One presence in the meeting: who, when they joined, when and why they left. */
export type MeetingAttendance = {
  __typename?: 'MeetingAttendance';
  joinedAt: Scalars['DateTime']['output'];
  kind: MeetingParticipantKind;
  leftAt?: Maybe<Scalars['DateTime']['output']>;
  /** left, disconnected, replaced (joined again elsewhere), meeting-closed, server-stopped; failed: a call the meeting placed that never connected (see sipCause). */
  leftReason?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  participantId: Scalars['ID']['output'];
  role: MeetingRole;
  /** A failed dial-out’s cause: busy, no-answer, declined, not-found, unreachable, incompatible, failed. */
  sipCause?: Maybe<Scalars['String']['output']>;
};

/** What a join link leads to, for the public join page (no account). */
export type MeetingInvitation = {
  __typename?: 'MeetingInvitation';
  /** When the bridge closes (end plus the grace period). */
  closesAt: Scalars['DateTime']['output'];
  endsAt: Scalars['DateTime']['output'];
  meetingId: Scalars['ID']['output'];
  /** When joining opens (10 minutes before the start). */
  opensAt: Scalars['DateTime']['output'];
  participantName: Scalars['String']['output'];
  participantRole: MeetingRole;
  /** The address room systems dial instead, e.g. sip:MLG-0000042@visio.example (null when this API runs without SIP). */
  sipUri?: Maybe<Scalars['String']['output']>;
  startsAt: Scalars['DateTime']['output'];
  status: MeetingStatus;
  title: Scalars['String']['output'];
};

/** COMPLETED (a use), NO_SHOW (booked, nobody came), FAILED (it did not work), CANCELLED_LATE (cancelled less than 24 h before). */
export type MeetingOutcome =
  | 'CANCELLED_LATE'
  | 'COMPLETED'
  | 'FAILED'
  | 'NO_SHOW';

/** A participant connected now. */
export type MeetingParticipant = {
  __typename?: 'MeetingParticipant';
  joinedAt: Scalars['DateTime']['output'];
  kind: MeetingParticipantKind;
  name: Scalars['String']['output'];
  /** A SIP room system holds the call (re-INVITE a=sendonly or a=inactive): it is sent nothing until it resumes. */
  onHold: Scalars['Boolean']['output'];
  participantId: Scalars['ID']['output'];
  role: MeetingRole;
};

/** BROWSER: through a join link; SIP: a room system or softphone that dialled the meeting’s SIP address. */
export type MeetingParticipantKind =
  | 'BROWSER'
  | 'SIP';

export type MeetingRecordPage = {
  __typename?: 'MeetingRecordPage';
  records: Array<MeetingRecordView>;
  totalCount: Scalars['Int']['output'];
};

export type MeetingRecordView = {
  __typename?: 'MeetingRecordView';
  actualEnd?: Maybe<Scalars['DateTime']['output']>;
  actualStart?: Maybe<Scalars['DateTime']['output']>;
  bookedEnd: Scalars['DateTime']['output'];
  bookedStart: Scalars['DateTime']['output'];
  browserGuests: Scalars['Int']['output'];
  co2eGrossKg: Scalars['Float']['output'];
  co2eNetKg: Scalars['Float']['output'];
  destinationScope: Scalars['String']['output'];
  /** The remote parties: [{ kind, label, scope }]. */
  destinations: Scalars['JSON']['output'];
  factorTableVersion: Scalars['Int']['output'];
  /** The impact calculator’s result: every trip and line with its inputs, the meeting’s footprint. */
  impact: Scalars['JSON']['output'];
  incidents: Scalars['JSON']['output'];
  internal: Scalars['Boolean']['output'];
  kmAvoided: Scalars['Float']['output'];
  moneySavedEuros: Scalars['Float']['output'];
  outcome: MeetingOutcome;
  /** host, bridge or cancellation. */
  outcomeSource: Scalars['String']['output'];
  participantsInRoom: Scalars['Int']['output'];
  phoneParticipants: Scalars['Int']['output'];
  pointId: Scalars['ID']['output'];
  pointIds: Array<Scalars['ID']['output']>;
  pointName: Scalars['String']['output'];
  purpose: Scalars['String']['output'];
  quoteInclVatCents?: Maybe<Scalars['Int']['output']>;
  reference: Scalars['String']['output'];
  requesterCategory: RequesterCategory;
  reservationId: Scalars['ID']['output'];
  satisfaction?: Maybe<Scalars['Float']['output']>;
  sipSystems: Scalars['Int']['output'];
  timeSavedMinutes: Scalars['Int']['output'];
};

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

export type MonthCostFiguresView = {
  __typename?: 'MonthCostFiguresView';
  completedMeetings: Scalars['Int']['output'];
  /** null when no meeting was completed. */
  costPerMeetingCents?: Maybe<Scalars['Int']['output']>;
  month: Scalars['String']['output'];
  netCents?: Maybe<Scalars['Int']['output']>;
  oneOffCents: Scalars['Int']['output'];
  recurringByKind: RecurringByKindView;
  recurringCents: Scalars['Int']['output'];
  /** Frozen quotes of the completed meetings, including VAT. */
  revenueCents?: Maybe<Scalars['Int']['output']>;
  totalCostCents: Scalars['Int']['output'];
};

export type MonthFigures = {
  __typename?: 'MonthFigures';
  bookedHours: Scalars['Float']['output'];
  browserGuests: Scalars['Int']['output'];
  cancelledLate: Scalars['Int']['output'];
  /** Requester categories that used a point this month (the widening of the public). */
  categories: Scalars['Int']['output'];
  co2eGrossKg: Scalars['Float']['output'];
  /** Avoided minus the meetings’ own footprint. */
  co2eNetKg: Scalars['Float']['output'];
  completed: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  kmAvoided: Scalars['Float']['output'];
  /** Euros (kilometre scale, fares, night allowances). */
  moneySavedEuros: Scalars['Float']['output'];
  /** YYYY-MM */
  month: Scalars['String']['output'];
  noShows: Scalars['Int']['output'];
  participantsInRoom: Scalars['Int']['output'];
  /** Records: every reservation that ended (uses, no-shows, failures, late cancellations). */
  records: Scalars['Int']['output'];
  /** 1–5; null without answers. */
  satisfaction?: Maybe<Scalars['Float']['output']>;
  sipSystems: Scalars['Int']['output'];
  surveyAnswers: Scalars['Int']['output'];
  timeSavedHours: Scalars['Float']['output'];
  /** Uses: completed + failed. */
  uses: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a room system; adapterSecrets are stored encrypted and never readable. */
  addEndpoint: Endpoint;
  /** Holds a room for the host’s own use; CONFLICT when it overlaps a reservation or another block. */
  addHostBlock: HostBlock;
  /** Admin of the organisation: a recurring (monthly) or one-off cost of a point. */
  addOperatingCost: OperatingCostView;
  /** Invites a remote party (SIP room, web guest, phone) to a confirmed reservation: its organiser (access token), its organisation or its host. CONFLICT while an anonymous booking awaits its e-mail confirmation. */
  addParticipant: ReservationParticipant;
  addRoom: Room;
  /** The host approves a request (off-hours, category needing approval). */
  approveReservation: Reservation;
  /** Binds an adapter to a point. config is checked against the manifest (BAD_USER_INPUT with the field path, nothing written). */
  bindAdapter: AdapterBinding;
  /** Books one or several rooms; CONFLICT names the slot when a room is taken. */
  book: BookingPayload;
  /** Books several reservations (at most 100) in one transaction, all or nothing, e.g. a term's planning. Same checks as `book`; an error names its input: field ["inputs", index, …], a CONFLICT included. */
  bookMany: Array<BookingPayload>;
  bookRecurring: RecurringBookingPayload;
  /** Dials a SIP participant of an open meeting again now, with a new round of attempts. NOT_FOUND for an unknown call; CONFLICT when the meeting is not open, the call is ringing or connected, or this API runs without SIP. */
  callSipParticipantAgain: SipCall;
  cancelReservation: Reservation;
  changeReservation: Reservation;
  /** Ends a meeting now: participants are told (closed-by-operator) and disconnected. The host’s operators and network admins; CONFLICT when it is not open. */
  closeMeeting: Meeting;
  /** Follows the link of the e-mail an anonymous booking sent to its organiser: the request’s reservations become CONFIRMED (REQUESTED when the host must approve). UNAUTHENTICATED for a forged or expired link, CONFLICT when already used. */
  confirmBooking: Array<Reservation>;
  createApiKey: CreatedApiKey;
  /** A personal join link to a reservation’s meeting, for one participant. The organiser (access token or booking account), its organisation’s members, the host’s operators and network admins. */
  createJoinLink: JoinLink;
  /** Network admins only. */
  createOrganisation: Organisation;
  createPoint: Point;
  /** Admin of the organisation: a price list for a point, or for all the organisation’s points. */
  createPriceList: PriceListView;
  createUser: User;
  extendReservation: Reservation;
  /** Hangs up a connected SIP call (BYE), or stops one that is ringing or waiting for its next attempt. NOT_FOUND for an unknown call; CONFLICT when it is over already. */
  hangUpSipCall: SipCall;
  /** Imports the host’s own uses of a room from an iCalendar text or an http(s) URL (10 s, 2 MB). Replaces the blocks of the same source; CONFLICT (nothing imported) when a block overlaps a reservation. */
  importHostBlocks: HostBlockImport;
  login: AuthPayload;
  /** Admin of the organisation: a new immutable version; the previous open-ended one ends where it starts. */
  publishPriceListVersion: PriceListView;
  /** Recomputes every meeting record from the state of record (network admins). Returns the number of records. */
  rebuildMeetingRecords: Scalars['Int']['output'];
  /** After its start, the host records that the meeting took place (COMPLETED) or that nobody came (NO_SHOW). */
  recordReservationOutcome: Reservation;
  /** Reads the room system’s status from its driver now. */
  refreshEndpointStatus?: Maybe<EndpointLiveStatus>;
  rejectReservation: Reservation;
  /** Frees a host block (an imported one comes back at the next import of its calendar). */
  removeHostBlock: Scalars['Boolean']['output'];
  removeOperatingCost: Scalars['Boolean']['output'];
  removeRoom: Scalars['Boolean']['output'];
  /** Delivers a dead letter again (attempts reset). Network admins. */
  replayDeadLetter: EventDelivery;
  /** Delivers again every dead letter of a subscriber; returns how many. Network admins. */
  replayDeadLetters: Scalars['Int']['output'];
  /** Marks an open incident resolved (CONFLICT when it already is). Operators of one of its points. */
  resolveIncident: Incident;
  revokeApiKey: ApiKey;
  /** Sets the booking rules of a point, or of one of its rooms when roomId is given. */
  setBookingPolicy: BookingPolicy;
  /** Replaces the weekly rules, dated exceptions and holiday rule of a point. */
  setOpeningHours: Point;
  /** Answers a survey, once per link (CONFLICT the second time). */
  submitSurvey: SurveyView;
  /** “Tester maintenant”: runs the pre-call test of one room system now (operators of its point). */
  testEndpointNow: PreflightResult;
  /** Removes a binding; its adapter instance is disposed on every API process. */
  unbindAdapter: Scalars['Boolean']['output'];
  /** Organisation admins: renames a key, sets its hourly quota or its allowed origins. */
  updateApiKey: ApiKey;
  updateEndpoint: Endpoint;
  updateOrganisation: Organisation;
  updatePoint: Point;
  updateRoom: Room;
  /** Changes a user’s name or role (never above the caller’s own role). */
  updateUser: User;
};


export type MutationAddEndpointArgs = {
  input: EndpointInput;
  roomId: Scalars['ID']['input'];
};


export type MutationAddHostBlockArgs = {
  end: Scalars['DateTime']['input'];
  roomId: Scalars['ID']['input'];
  start: Scalars['DateTime']['input'];
  summary?: InputMaybe<Scalars['String']['input']>;
};


export type MutationAddOperatingCostArgs = {
  input: OperatingCostInput;
};


export type MutationAddParticipantArgs = {
  accessToken?: InputMaybe<Scalars['String']['input']>;
  participant: RemoteParticipantInput;
  reservationId: Scalars['ID']['input'];
};


export type MutationAddRoomArgs = {
  input: RoomInput;
  pointId: Scalars['ID']['input'];
};


export type MutationApproveReservationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationBindAdapterArgs = {
  adapterId: Scalars['String']['input'];
  config: Scalars['JSON']['input'];
  pointId: Scalars['ID']['input'];
  secrets?: InputMaybe<Scalars['JSON']['input']>;
};


export type MutationBookArgs = {
  input: ReservationInput;
};


export type MutationBookManyArgs = {
  inputs: Array<ReservationInput>;
};


export type MutationBookRecurringArgs = {
  input: RecurringReservationInput;
};


export type MutationCallSipParticipantAgainArgs = {
  sipCallId: Scalars['ID']['input'];
};


export type MutationCancelReservationArgs = {
  accessToken?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationChangeReservationArgs = {
  accessToken?: InputMaybe<Scalars['String']['input']>;
  end: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
  start: Scalars['DateTime']['input'];
};


export type MutationCloseMeetingArgs = {
  reservationId: Scalars['ID']['input'];
};


export type MutationConfirmBookingArgs = {
  token: Scalars['String']['input'];
};


export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


export type MutationCreateJoinLinkArgs = {
  accessToken?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  reservationId: Scalars['ID']['input'];
  role?: MeetingRole;
};


export type MutationCreateOrganisationArgs = {
  input: CreateOrganisationInput;
};


export type MutationCreatePointArgs = {
  input: CreatePointInput;
};


export type MutationCreatePriceListArgs = {
  input: CreatePriceListInput;
};


export type MutationCreateUserArgs = {
  input: CreateUserInput;
};


export type MutationExtendReservationArgs = {
  accessToken?: InputMaybe<Scalars['String']['input']>;
  end: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


export type MutationHangUpSipCallArgs = {
  sipCallId: Scalars['ID']['input'];
};


export type MutationImportHostBlocksArgs = {
  ics?: InputMaybe<Scalars['String']['input']>;
  roomId: Scalars['ID']['input'];
  url?: InputMaybe<Scalars['String']['input']>;
};


export type MutationLoginArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationPublishPriceListVersionArgs = {
  input: PriceListVersionInput;
  priceListId: Scalars['ID']['input'];
};


export type MutationRecordReservationOutcomeArgs = {
  id: Scalars['ID']['input'];
  outcome: ReservationOutcome;
};


export type MutationRefreshEndpointStatusArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRejectReservationArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRemoveHostBlockArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveOperatingCostArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveRoomArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReplayDeadLetterArgs = {
  id: Scalars['ID']['input'];
};


export type MutationReplayDeadLettersArgs = {
  subscriber: Scalars['String']['input'];
};


export type MutationResolveIncidentArgs = {
  id: Scalars['ID']['input'];
  resolution: Scalars['String']['input'];
};


export type MutationRevokeApiKeyArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetBookingPolicyArgs = {
  pointId: Scalars['ID']['input'];
  policy: BookingPolicyInput;
  roomId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationSetOpeningHoursArgs = {
  pointId: Scalars['ID']['input'];
  schedule: OpeningScheduleInput;
};


export type MutationSubmitSurveyArgs = {
  input: SurveyAnswerInput;
  token: Scalars['String']['input'];
};


export type MutationTestEndpointNowArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUnbindAdapterArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateApiKeyArgs = {
  id: Scalars['ID']['input'];
  input: UpdateApiKeyInput;
};


export type MutationUpdateEndpointArgs = {
  id: Scalars['ID']['input'];
  input: EndpointInput;
};


export type MutationUpdateOrganisationArgs = {
  id: Scalars['ID']['input'];
  input: UpdateOrganisationInput;
};


export type MutationUpdatePointArgs = {
  id: Scalars['ID']['input'];
  input: UpdatePointInput;
};


export type MutationUpdateRoomArgs = {
  id: Scalars['ID']['input'];
  input: UpdateRoomInput;
};


export type MutationUpdateUserArgs = {
  id: Scalars['ID']['input'];
  input: UpdateUserInput;
};

export type NearInput = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  /** Radius in km (straight line), at most 500. */
  radiusKm: Scalars['Float']['input'];
};

export type NetworkLine =
  | 'DEDICATED_ADSL'
  | 'FIBRE'
  | 'SHARED_QOS';

export type NetworkSummary = {
  __typename?: 'NetworkSummary';
  accessiblePoints: Scalars['Int']['output'];
  activePoints: Scalars['Int']['output'];
  dismantledPoints: Scalars['Int']['output'];
  onHoldPoints: Scalars['Int']['output'];
  openNow: Scalars['Int']['output'];
  organisations: Scalars['Int']['output'];
  rooms: Scalars['Int']['output'];
  seats: Scalars['Int']['output'];
};

export type OpenInterval = {
  __typename?: 'OpenInterval';
  end: Scalars['DateTime']['output'];
  onRequest: Scalars['Boolean']['output'];
  start: Scalars['DateTime']['output'];
};

export type OpenState = {
  __typename?: 'OpenState';
  closesAt?: Maybe<Scalars['DateTime']['output']>;
  onRequest: Scalars['Boolean']['output'];
  open: Scalars['Boolean']['output'];
};

export type OpeningGainView = {
  __typename?: 'OpeningGainView';
  addedPopulation: Scalars['Int']['output'];
  code: Scalars['String']['output'];
  name: Scalars['String']['output'];
  newlyCovered: Array<Scalars['String']['output']>;
  shareAfter: Scalars['Float']['output'];
};

export type OpeningSchedule = {
  __typename?: 'OpeningSchedule';
  closedOnPublicHolidays: Scalars['Boolean']['output'];
  exceptions: Array<DatedException>;
  timeZone: Scalars['String']['output'];
  weekly: Array<WeeklyRule>;
};

export type OpeningScheduleInput = {
  closedOnPublicHolidays?: Scalars['Boolean']['input'];
  exceptions?: Array<DatedExceptionInput>;
  weekly: Array<WeeklyRuleInput>;
};

export type OperatingCostInput = {
  /** One-off: paid once on `date`. */
  amountCents?: InputMaybe<Scalars['Int']['input']>;
  date?: InputMaybe<Scalars['String']['input']>;
  fromMonth?: InputMaybe<Scalars['String']['input']>;
  /** CONCIERGE_SUBSCRIPTION, LINE, MAINTENANCE or OTHER. */
  kind: Scalars['String']['input'];
  label: Scalars['String']['input'];
  /** Recurring: paid every month from `fromMonth` to `toMonth`. */
  monthlyCents?: InputMaybe<Scalars['Int']['input']>;
  pointId: Scalars['ID']['input'];
  /** Last month paid (inclusive); open-ended when absent. */
  toMonth?: InputMaybe<Scalars['String']['input']>;
};

export type OperatingCostView = {
  __typename?: 'OperatingCostView';
  amountCents?: Maybe<Scalars['Int']['output']>;
  date?: Maybe<Scalars['String']['output']>;
  fromMonth?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  label: Scalars['String']['output'];
  monthlyCents?: Maybe<Scalars['Int']['output']>;
  pointId: Scalars['ID']['output'];
  toMonth?: Maybe<Scalars['String']['output']>;
};

/** A body of the network: the operator, an EPCI, a commune, an association, a company. */
export type Organisation = {
  __typename?: 'Organisation';
  address: Scalars['String']['output'];
  contactEmail?: Maybe<Scalars['String']['output']>;
  contactPhone?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: OrganisationKind;
  name: Scalars['String']['output'];
  postcode: Scalars['String']['output'];
  siret?: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  /** Postcodes of the communes of its territory (in/out of territory pricing). */
  territoryPostcodes: Array<Scalars['String']['output']>;
  town: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type OrganisationKind =
  | 'ASSOCIATION'
  | 'COMMUNE'
  | 'COMPANY'
  | 'EPCI'
  | 'NETWORK_OPERATOR';

export type OrganiserInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  phone?: InputMaybe<Scalars['String']['input']>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

export type ParticipantKind =
  | 'PHONE'
  | 'SIP'
  | 'WEB_GUEST';

export type Point = {
  __typename?: 'Point';
  accessPolicy: AccessPolicy;
  accessibleReducedMobility: Scalars['Boolean']['output'];
  address: Scalars['String']['output'];
  /** Guaranteed bandwidth each way, kbit/s (at least 512). */
  bandwidthKbps: Scalars['Int']['output'];
  /** Booking rules (the platform default when the host set none). */
  bookingPolicy: BookingPolicy;
  createdAt: Scalars['DateTime']['output'];
  /** Private: the fixed IP of the line. */
  fixedIp?: Maybe<Scalars['String']['output']>;
  hostSiteType: HostSiteType;
  id: Scalars['ID']['output'];
  independentEntrance: Scalars['Boolean']['output'];
  /** Private: notes for the host’s staff. */
  internalNotes?: Maybe<Scalars['String']['output']>;
  /** Is the point open at this instant (default: now)? */
  isOpenAt: OpenState;
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  networkLine: NetworkLine;
  /** The next opening intervals from an instant (default: now). */
  nextOpenings: Array<OpenInterval>;
  openingSchedule: OpeningSchedule;
  organisation: Organisation;
  organisationId: Scalars['ID']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  postcode: Scalars['String']['output'];
  /** The public holidays of a year in the point’s holiday calendar (shown by the opening-hours editor). */
  publicHolidays: Array<PublicHolidayView>;
  receptionOnSite: Scalars['Boolean']['output'];
  rooms: Array<Room>;
  /** Rules of use (règlement intérieur). */
  rulesOfUse?: Maybe<Scalars['String']['output']>;
  slug: Scalars['String']['output'];
  status: PointStatus;
  technicianOnSite: Scalars['Boolean']['output'];
  /** IANA time zone in which opening hours are read. */
  timeZone: Scalars['String']['output'];
  town: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};


export type PointIsOpenAtArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
};


export type PointNextOpeningsArgs = {
  count?: Scalars['Int']['input'];
  from?: InputMaybe<Scalars['DateTime']['input']>;
};


export type PointPublicHolidaysArgs = {
  year: Scalars['Int']['input'];
};

/** What holds the rooms of a point over a period: the operators’ week calendar. */
export type PointCalendar = {
  __typename?: 'PointCalendar';
  from: Scalars['DateTime']['output'];
  /** The host’s own uses of its rooms (manual or imported), by start. */
  hostBlocks: Array<HostBlock>;
  pointId: Scalars['ID']['output'];
  /** Reservations overlapping the period, cancelled and rejected ones included, by start. */
  reservations: Array<Reservation>;
  to: Scalars['DateTime']['output'];
};

export type PointFigures = {
  __typename?: 'PointFigures';
  bookedHours: Scalars['Float']['output'];
  browserGuests: Scalars['Int']['output'];
  cancelledLate: Scalars['Int']['output'];
  co2eGrossKg: Scalars['Float']['output'];
  /** Avoided minus the meetings’ own footprint. */
  co2eNetKg: Scalars['Float']['output'];
  completed: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  kmAvoided: Scalars['Float']['output'];
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  /** Euros (kilometre scale, fares, night allowances). */
  moneySavedEuros: Scalars['Float']['output'];
  noShows: Scalars['Int']['output'];
  /** Booked hours / regular opening hours over the period (0–1). */
  occupancyRate?: Maybe<Scalars['Float']['output']>;
  participantsInRoom: Scalars['Int']['output'];
  pointId: Scalars['ID']['output'];
  pointName: Scalars['String']['output'];
  /** Records: every reservation that ended (uses, no-shows, failures, late cancellations). */
  records: Scalars['Int']['output'];
  /** 1–5; null without answers. */
  satisfaction?: Maybe<Scalars['Float']['output']>;
  sipSystems: Scalars['Int']['output'];
  surveyAnswers: Scalars['Int']['output'];
  timeSavedHours: Scalars['Float']['output'];
  town: Scalars['String']['output'];
  /** Uses: completed + failed. */
  uses: Scalars['Int']['output'];
};

export type PointFilter = {
  accessPolicies?: InputMaybe<Array<AccessPolicy>>;
  accessible?: InputMaybe<Scalars['Boolean']['input']>;
  minCapacity?: InputMaybe<Scalars['Int']['input']>;
  near?: InputMaybe<NearInput>;
  /** Only points open (or open on request) at this instant. */
  openAt?: InputMaybe<Scalars['DateTime']['input']>;
  organisationId?: InputMaybe<Scalars['ID']['input']>;
  /** Default: ACTIVE only. */
  statuses?: InputMaybe<Array<PointStatus>>;
  /** Matches name, town, postcode or organisation. */
  text?: InputMaybe<Scalars['String']['input']>;
};

export type PointSearchConnection = {
  __typename?: 'PointSearchConnection';
  edges: Array<PointSearchEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type PointSearchEdge = {
  __typename?: 'PointSearchEdge';
  cursor: Scalars['String']['output'];
  node: PointSearchHit;
};

export type PointSearchHit = {
  __typename?: 'PointSearchHit';
  /** Straight-line km from the `near` coordinate. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  point: Point;
};

export type PointStatus =
  | 'ACTIVE'
  | 'DISMANTLED'
  | 'ON_HOLD';

export type PointTariffs = {
  __typename?: 'PointTariffs';
  current?: Maybe<PriceListVersionView>;
  pointId: Scalars['ID']['output'];
  /** The point’s own list, else its organisation’s; null: no tariff published. */
  priceList?: Maybe<PriceListView>;
  upcoming: Array<PriceListVersionView>;
};

/** One step of a room system’s pre-call test. */
export type PreflightCheck = {
  __typename?: 'PreflightCheck';
  cause?: Maybe<Scalars['String']['output']>;
  detail?: Maybe<Scalars['String']['output']>;
  /** 'reachable', 'wake', a diagnostics finding ('camera-connection'…), 'camera', 'microphone', 'peripherals', 'test-call'. */
  id: Scalars['String']['output'];
  /** Measured figures, e.g. { connectMs }. */
  measures?: Maybe<Scalars['JSON']['output']>;
  /** ok, warning, failed or skipped. */
  outcome: Scalars['String']['output'];
};

/** A room system’s pre-call test: ok, warning or failed with its cause. */
export type PreflightResult = {
  __typename?: 'PreflightResult';
  /** Machine-readable cause: 'offline', 'auth-failed', 'diagnostics-warning', 'call-failed', … */
  cause?: Maybe<Scalars['String']['output']>;
  checks: Array<PreflightCheck>;
  detail?: Maybe<Scalars['String']['output']>;
  endpointId: Scalars['ID']['output'];
  endpointName: Scalars['String']['output'];
  finishedAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** ok, warning or failed. */
  outcome: Scalars['String']['output'];
  reservationId?: Maybe<Scalars['ID']['output']>;
  roomId: Scalars['ID']['output'];
  roomName: Scalars['String']['output'];
  /** 'first' (T-30), 'second' (T-15) or 'manual' (test now). */
  round: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
};

export type PriceListVersionInput = {
  allowances?: Array<AllowanceInput>;
  dayCapCents?: InputMaybe<Scalars['Int']['input']>;
  minimumChargeCents?: InputMaybe<Scalars['Int']['input']>;
  /** EXCL_VAT or INCL_VAT: the basis of every amount of the version. */
  pricesInclude: Scalars['String']['input'];
  promotions?: Array<PromotionInput>;
  rates: Array<TariffRateInput>;
  surcharges?: Array<SurchargeInput>;
  unit: TariffUnitInput;
  /** First local date of validity, YYYY-MM-DD (inclusive). */
  validFrom: Scalars['String']['input'];
  /** End of validity, YYYY-MM-DD (exclusive); open-ended when absent. */
  validTo?: InputMaybe<Scalars['String']['input']>;
  /** VAT rate in basis points: 2000 = 20 %. */
  vatRateBp: Scalars['Int']['input'];
};

export type PriceListVersionView = {
  __typename?: 'PriceListVersionView';
  createdAt: Scalars['DateTime']['output'];
  /** The whole version as the tariff engine reads it (rates, surcharges, allowances, promotions...). */
  definition: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  priceListId: Scalars['ID']['output'];
  /** EXCL_VAT or INCL_VAT. */
  pricesInclude: Scalars['String']['output'];
  /** PAST, CURRENT or FUTURE, on today’s date in the point’s time zone. */
  status: Scalars['String']['output'];
  unitHours?: Maybe<Scalars['Float']['output']>;
  /** SLOT, HOUR, HALF_DAY or DAY. */
  unitKind: Scalars['String']['output'];
  /** First local date of validity (inclusive). */
  validFrom: Scalars['String']['output'];
  /** End of validity (exclusive); null: open-ended. */
  validTo?: Maybe<Scalars['String']['output']>;
  /** VAT rate, basis points (2000 = 20 %). */
  vatRateBp: Scalars['Int']['output'];
  version: Scalars['Int']['output'];
};

export type PriceListView = {
  __typename?: 'PriceListView';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  organisationId: Scalars['ID']['output'];
  pointId?: Maybe<Scalars['ID']['output']>;
  /** Every version, oldest first: the history stays readable. */
  versions: Array<PriceListVersionView>;
};

export type PromotionInput = {
  categories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** FIRST_USE_FREE or FREE_MONTHS. */
  kind: Scalars['String']['input'];
  /** YYYY-MM, for FREE_MONTHS. */
  months?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** The network’s anonymised summary: counts and sums only, no names, e-mails or references. */
export type PublicEvaluationSummary = {
  __typename?: 'PublicEvaluationSummary';
  activePoints: Scalars['Int']['output'];
  byCategory: Array<KeyFigures>;
  byDestination: Array<KeyFigures>;
  byMonth: Array<MonthFigures>;
  totals: EvaluationFigures;
  year: Scalars['Int']['output'];
};

/** A French public holiday in the point’s calendar (metropole, or Alsace-Moselle with two more). */
export type PublicHolidayView = {
  __typename?: 'PublicHolidayView';
  /** YYYY-MM-DD, local date. */
  date: Scalars['String']['output'];
  /** French name, e.g. Fête nationale. */
  name: Scalars['String']['output'];
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

export type Query = {
  __typename?: 'Query';
  /** A point's adapter bindings, with health. Organisation admins of the point. */
  adapterBindings: Array<AdapterBinding>;
  /** The adapters this platform can bind (public). */
  adapters: Array<AdapterManifest>;
  apiKeys: Array<ApiKey>;
  /** Free slots common to the rooms over a period (at most 62 days). */
  availability: Availability;
  /** Admin of the point’s organisation: costs, completed meetings, cost per meeting and revenue, by month and year. */
  costPerCall: CostPerCallView;
  /** What opening a point in the commune (INSEE code) would add to the coverage. */
  coverageIfOpened: OpeningGainView;
  /** Deliveries that failed too often (or events the relay refused), oldest first. Network admins. */
  deadLetters: EventDeliveryConnection;
  /** Evaluation metrics of a period: the network (network admin), an organisation’s points (its staff), one point. */
  evaluationMetrics: EvaluationMetrics;
  /** Incidents of the caller's points (network admins: all), newest first. Point operators and above. */
  incidents: IncidentConnection;
  /** The signed-in user (null for API keys and visitors). */
  me?: Maybe<User>;
  /** The live state of a reservation’s meeting: status, who is connected, attendance. Same access as createJoinLink. */
  meeting: Meeting;
  /** What a join link leads to (public): the join page says whether the meeting is open, not yet, or over. UNAUTHENTICATED for a tampered or malformed token. */
  meetingByToken: MeetingInvitation;
  /** The meeting records of the caller’s scope, newest first (an organisation sees those touching its points). */
  meetingRecords: MeetingRecordPage;
  networkSummary: NetworkSummary;
  organisation: Organisation;
  /** Every organisation of the network (public directory data). */
  organisations: Array<Organisation>;
  point: Point;
  /** The reservations and host blocks of a point’s rooms over a period (at most 62 days): its organisation’s operators and admins, network admins. */
  pointCalendar: PointCalendar;
  /** The public directory: points with filters, nearest first when `near` is given. */
  points: PointSearchConnection;
  /** The network’s anonymised yearly summary, for anyone. */
  publicEvaluationSummary: PublicEvaluationSummary;
  /** Public: the price of a draft reservation before booking, every euro explained by a line. */
  quote: QuoteView;
  /** A reservation, for its organiser (reference + access token). */
  reservationByReference: Reservation;
  /** The quote frozen when the reservation was confirmed (null: none), for its organiser or its host. */
  reservationQuote?: Maybe<FrozenQuoteView>;
  /** What a survey link is about (the link is the credential). */
  survey: SurveyView;
  /** The survey link of a meeting participant, from their join token (the meeting page shows it at the end). */
  surveyLinkForMeeting: SurveyLink;
  /** Public: the tariff of a point — the version in force, upcoming versions and the whole history. */
  tariffs: PointTariffs;
  /** Share of the population of Brittany within `radiusKm` of an active point, the communes left out, the best places for a new point. */
  territoryCoverage: TerritoryCoverage;
  /** The users of an organisation (organisation admins), or of the whole network (network admins, without organisationId). */
  users: Array<User>;
};


export type QueryAdapterBindingsArgs = {
  pointId: Scalars['ID']['input'];
};


export type QueryApiKeysArgs = {
  organisationId: Scalars['ID']['input'];
};


export type QueryAvailabilityArgs = {
  input: AvailabilityInput;
};


export type QueryCostPerCallArgs = {
  fromMonth: Scalars['String']['input'];
  pointId: Scalars['ID']['input'];
  toMonth: Scalars['String']['input'];
};


export type QueryCoverageIfOpenedArgs = {
  communeCode: Scalars['String']['input'];
  radiusKm?: Scalars['Float']['input'];
};


export type QueryDeadLettersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  subscriber?: InputMaybe<Scalars['String']['input']>;
};


export type QueryEvaluationMetricsArgs = {
  filter: EvaluationFilter;
};


export type QueryIncidentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IncidentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMeetingArgs = {
  accessToken?: InputMaybe<Scalars['String']['input']>;
  reservationId: Scalars['ID']['input'];
};


export type QueryMeetingByTokenArgs = {
  token: Scalars['String']['input'];
};


export type QueryMeetingRecordsArgs = {
  filter: EvaluationFilter;
  first?: Scalars['Int']['input'];
  offset?: Scalars['Int']['input'];
};


export type QueryOrganisationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPointArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPointCalendarArgs = {
  from: Scalars['DateTime']['input'];
  pointId: Scalars['ID']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryPointsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PointFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPublicEvaluationSummaryArgs = {
  year: Scalars['Int']['input'];
};


export type QueryQuoteArgs = {
  draft?: InputMaybe<PriceListVersionInput>;
  input: QuoteInput;
};


export type QueryReservationByReferenceArgs = {
  accessToken: Scalars['String']['input'];
  reference: Scalars['String']['input'];
};


export type QueryReservationQuoteArgs = {
  accessToken?: InputMaybe<Scalars['String']['input']>;
  reservationId: Scalars['ID']['input'];
};


export type QuerySurveyArgs = {
  token: Scalars['String']['input'];
};


export type QuerySurveyLinkForMeetingArgs = {
  joinToken: Scalars['String']['input'];
};


export type QueryTariffsArgs = {
  pointId: Scalars['ID']['input'];
};


export type QueryTerritoryCoverageArgs = {
  openings?: Scalars['Int']['input'];
  radiusKm?: Scalars['Float']['input'];
  uncoveredLimit?: Scalars['Int']['input'];
};


export type QueryUsersArgs = {
  organisationId?: InputMaybe<Scalars['ID']['input']>;
};

export type QuoteInput = {
  end: Scalars['DateTime']['input'];
  requesterCategory: RequesterCategory;
  /** The organiser’s e-mail: included allowances already used this month and first use. */
  requesterEmail?: InputMaybe<Scalars['String']['input']>;
  requesterPostcode?: InputMaybe<Scalars['String']['input']>;
  /** The rooms of the draft reservation; the first room’s point prices it. */
  roomIds: Array<Scalars['ID']['input']>;
  start: Scalars['DateTime']['input'];
};

export type QuoteLineView = {
  __typename?: 'QuoteLineView';
  allowanceId?: Maybe<Scalars['String']['output']>;
  amountCents: Scalars['Int']['output'];
  amountExclVatCents: Scalars['Int']['output'];
  amountInclVatCents: Scalars['Int']['output'];
  /** BASE, CAP, MINIMUM, SURCHARGE, ALLOWANCE or PROMOTION. */
  kind: Scalars['String']['output'];
  label: Scalars['String']['output'];
  minutes?: Maybe<Scalars['Int']['output']>;
  quantity: Scalars['Int']['output'];
  /** In the price list’s basis (pricesInclude). */
  unitCents: Scalars['Int']['output'];
};

export type QuoteView = {
  __typename?: 'QuoteView';
  allowanceUse: Array<AllowanceUseView>;
  currency: Scalars['String']['output'];
  durationMinutes: Scalars['Int']['output'];
  lines: Array<QuoteLineView>;
  localDays: Scalars['Int']['output'];
  /** Minutes outside regular opening hours. */
  offHoursMinutes: Scalars['Int']['output'];
  pointId: Scalars['ID']['output'];
  priceListId: Scalars['ID']['output'];
  /** The published version that priced it; null for a draft version (the admin’s live preview). */
  priceListVersionId?: Maybe<Scalars['ID']['output']>;
  pricesInclude: Scalars['String']['output'];
  /** IN or OUT of the host’s territory. */
  territory: Scalars['String']['output'];
  totalExclVatCents: Scalars['Int']['output'];
  totalInclVatCents: Scalars['Int']['output'];
  units: Scalars['Int']['output'];
  vatCents: Scalars['Int']['output'];
  vatRateBp: Scalars['Int']['output'];
  version: Scalars['Int']['output'];
};

export type RecurrenceMode =
  | 'ALL_OR_NOTHING'
  | 'SKIP_CLASHES';

export type RecurringBookingPayload = {
  __typename?: 'RecurringBookingPayload';
  accessToken: Scalars['String']['output'];
  reservations: Array<Reservation>;
  seriesId: Scalars['ID']['output'];
  skipped: Array<SkippedOccurrence>;
};

export type RecurringByKindView = {
  __typename?: 'RecurringByKindView';
  conciergeSubscription: Scalars['Int']['output'];
  line: Scalars['Int']['output'];
  maintenance: Scalars['Int']['output'];
  other: Scalars['Int']['output'];
};

export type RecurringReservationInput = {
  end: Scalars['DateTime']['input'];
  mode?: RecurrenceMode;
  organiser: OrganiserInput;
  participants?: Array<RemoteParticipantInput>;
  purpose: Purpose;
  requesterCategory: RequesterCategory;
  /** Postcode of the requester’s commune: decides in or out of territory. */
  requesterPostcode?: InputMaybe<Scalars['String']['input']>;
  /** One room, or several at different points for a multi-point meeting. */
  rooms: Array<ReservationRoomInput>;
  /** RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TH;COUNT=10 */
  rrule: Scalars['String']['input'];
  start: Scalars['DateTime']['input'];
  title: Scalars['String']['input'];
};

export type RemoteParticipantInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  kind: ParticipantKind;
  name?: InputMaybe<Scalars['String']['input']>;
  /** ISO 3166-1 alpha-2 country the participant joins from, when not France. */
  originCountry?: InputMaybe<Scalars['String']['input']>;
  /** Postcode of the commune the participant joins from (France), for the evaluation. */
  originPostcode?: InputMaybe<Scalars['String']['input']>;
  phone?: InputMaybe<Scalars['String']['input']>;
  sipUri?: InputMaybe<Scalars['String']['input']>;
};

export type RequesterCategory =
  | 'ASSOCIATION'
  | 'COMPANY'
  | 'INDIVIDUAL'
  | 'INTERNAL'
  | 'PUBLIC_SERVICE';

export type Reservation = {
  __typename?: 'Reservation';
  createdAt: Scalars['DateTime']['output'];
  end: Scalars['DateTime']['output'];
  /** Creation, changes, extensions, approvals and cancellations. */
  history: Array<ReservationChange>;
  /** HELD: the slot is freed at this instant unless the organiser confirms from the e-mail. */
  holdExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** Requester inside the host organisation’s territory. */
  inTerritory: Scalars['Boolean']['output'];
  organiser: ReservationOrganiser;
  participants: Array<ReservationParticipant>;
  /** The latest pre-call test of each room system of its rooms (T-30, then T-15); empty before. */
  preflight: Array<PreflightResult>;
  purpose: Purpose;
  /** Human reference, e.g. MLG-0000042. */
  reference: Scalars['String']['output'];
  requesterCategory: RequesterCategory;
  rooms: Array<ReservationRoom>;
  /** iCalendar SEQUENCE: increases with every change. */
  sequence: Scalars['Int']['output'];
  seriesId?: Maybe<Scalars['ID']['output']>;
  seriesIndex?: Maybe<Scalars['Int']['output']>;
  start: Scalars['DateTime']['output'];
  status: ReservationStatus;
  statusReason?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type ReservationChange = {
  __typename?: 'ReservationChange';
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  fromEnd?: Maybe<Scalars['DateTime']['output']>;
  fromStart?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  toEnd?: Maybe<Scalars['DateTime']['output']>;
  toStart?: Maybe<Scalars['DateTime']['output']>;
};

export type ReservationInput = {
  end: Scalars['DateTime']['input'];
  organiser: OrganiserInput;
  participants?: Array<RemoteParticipantInput>;
  purpose: Purpose;
  requesterCategory: RequesterCategory;
  /** Postcode of the requester’s commune: decides in or out of territory. */
  requesterPostcode?: InputMaybe<Scalars['String']['input']>;
  /** One room, or several at different points for a multi-point meeting. */
  rooms: Array<ReservationRoomInput>;
  start: Scalars['DateTime']['input'];
  title: Scalars['String']['input'];
};

/** Who booked: shown to the organiser and to the host’s staff (every path to a reservation is one of theirs). */
export type ReservationOrganiser = {
  __typename?: 'ReservationOrganiser';
  email: Scalars['String']['output'];
  name: Scalars['String']['output'];
  phone?: Maybe<Scalars['String']['output']>;
  /** Postcode of the requester’s commune. */
  postcode?: Maybe<Scalars['String']['output']>;
};

export type ReservationOutcome =
  | 'COMPLETED'
  | 'NO_SHOW';

export type ReservationParticipant = {
  __typename?: 'ReservationParticipant';
  email?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: ParticipantKind;
  name?: Maybe<Scalars['String']['output']>;
  /** ISO 3166 country the participant joins from, when not France. */
  originCountry?: Maybe<Scalars['String']['output']>;
  /** Postcode of the commune the participant joins from (France); the evaluation counts the trip avoided from there. */
  originPostcode?: Maybe<Scalars['String']['output']>;
  phone?: Maybe<Scalars['String']['output']>;
  sipUri?: Maybe<Scalars['String']['output']>;
};

export type ReservationRoom = {
  __typename?: 'ReservationRoom';
  expectedParticipants?: Maybe<Scalars['Int']['output']>;
  heldFrom: Scalars['DateTime']['output'];
  heldUntil: Scalars['DateTime']['output'];
  pointId: Scalars['ID']['output'];
  pointName: Scalars['String']['output'];
  roomId: Scalars['ID']['output'];
  roomName: Scalars['String']['output'];
};

export type ReservationRoomInput = {
  expectedParticipants?: InputMaybe<Scalars['Int']['input']>;
  roomId: Scalars['ID']['input'];
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

export type Room = {
  __typename?: 'Room';
  /** The room’s own booking rules; null: the point’s apply. */
  bookingPolicy?: Maybe<BookingPolicy>;
  capacity: Scalars['Int']['output'];
  /** Dedicated to videoconference, or shared with other uses (host blocks). */
  dedicated: Scalars['Boolean']['output'];
  /** Private to the point’s organisation. */
  endpoints?: Maybe<Array<Endpoint>>;
  equipment: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  pointId: Scalars['ID']['output'];
};

export type RoomInput = {
  capacity: Scalars['Int']['input'];
  dedicated?: Scalars['Boolean']['input'];
  equipment?: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

/** A call the meeting places to a SIP participant of its reservation, or to a room’s SIP endpoint without a driver, when it opens. */
export type SipCall = {
  __typename?: 'SipCall';
  /** Attempts of the current round (a redial or “call again” starts a new one). */
  attempts: Scalars['Int']['output'];
  /** The SIP Call-ID of the answered call. */
  callId?: Maybe<Scalars['String']['output']>;
  /** Why the last attempt failed: busy, no-answer, declined, not-found, unreachable, incompatible, meeting-closed, failed. */
  cause?: Maybe<Scalars['String']['output']>;
  direction: SipCallDirection;
  /** The endpoint called. */
  endpointId?: Maybe<Scalars['ID']['output']>;
  id: Scalars['ID']['output'];
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The reservation participant called. */
  participantId?: Maybe<Scalars['ID']['output']>;
  /** The SIP reason phrase, or what ended the call. */
  reason?: Maybe<Scalars['String']['output']>;
  /** The last attempt’s final SIP status (200 when answered, 486 busy…). */
  sipStatus?: Maybe<Scalars['Int']['output']>;
  status: SipCallStatus;
  /** The SIP address called, e.g. sip:salle@visio.example. */
  uri: Scalars['String']['output'];
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

export type SkippedOccurrence = {
  __typename?: 'SkippedOccurrence';
  end: Scalars['DateTime']['output'];
  index: Scalars['Int']['output'];
  reason: Scalars['String']['output'];
  start: Scalars['DateTime']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Tells a page when the availability of a point changes. */
  availabilityChanged: AvailabilityChange;
  /** The meeting’s state now, then again whenever it opens, changes, closes, someone joins or leaves, or one of its SIP calls changes. Same access as `meeting` (sign in through connectionParams.authorization, or give the access token). */
  meetingState: Meeting;
};


export type SubscriptionAvailabilityChangedArgs = {
  pointId: Scalars['ID']['input'];
};


export type SubscriptionMeetingStateArgs = {
  accessToken?: InputMaybe<Scalars['String']['input']>;
  reservationId: Scalars['ID']['input'];
};

export type SurchargeInput = {
  fixedCents?: InputMaybe<Scalars['Int']['input']>;
  percent?: InputMaybe<Scalars['Float']['input']>;
  /** OFF_HOURS (pro rata of the minutes outside opening hours) or WEEKEND. */
  when: Scalars['String']['input'];
};

export type SurveyAnswerInput = {
  comment?: InputMaybe<Scalars['String']['input']>;
  /** People in the room (organiser). */
  peopleInRoom?: InputMaybe<Scalars['Int']['input']>;
  /** Did it replace a trip? */
  replacedTrip: Scalars['Boolean']['input'];
  /** 1 (bad) to 5 (very good). */
  satisfaction: Scalars['Int']['input'];
  trips?: Array<SurveyTripInput>;
  /** Did the meeting work (picture, sound, connection)? */
  worked: Scalars['Boolean']['input'];
};

export type SurveyLink = {
  __typename?: 'SurveyLink';
  /** `/enquete/<token>` */
  path: Scalars['String']['output'];
};

export type SurveyTripInput = {
  /** Postcode of the commune the people would have come from. */
  fromPostcode: Scalars['String']['input'];
  mode?: InputMaybe<TravelMode>;
  people: Scalars['Int']['input'];
};

/** What a survey link is about (no personal data). */
export type SurveyView = {
  __typename?: 'SurveyView';
  answered: Scalars['Boolean']['output'];
  pointName: Scalars['String']['output'];
  reference: Scalars['String']['output'];
  /** organiser or guest. */
  respondent: Scalars['String']['output'];
  start: Scalars['DateTime']['output'];
  title: Scalars['String']['output'];
};

export type TariffRateInput = {
  /** Price of one unit in cents, in the basis of `pricesInclude`; 0 = free. */
  amountCents: Scalars['Int']['input'];
  /** COMPANY, ASSOCIATION, PUBLIC_SERVICE, INDIVIDUAL or INTERNAL. */
  category: Scalars['String']['input'];
  /** Day-rate cap for this combination. */
  dayCapCents?: InputMaybe<Scalars['Int']['input']>;
  /** IN (inside the host’s territory) or OUT. */
  territory: Scalars['String']['input'];
};

export type TariffUnitInput = {
  hours?: InputMaybe<Scalars['Float']['input']>;
  /** SLOT (blocks of `hours`), HOUR, HALF_DAY (blocks of `hours`, default 4) or DAY. */
  kind: Scalars['String']['input'];
};

/** Coverage of Brittany: share of the population within the radius of an active point. */
export type TerritoryCoverage = {
  __typename?: 'TerritoryCoverage';
  activePoints: Scalars['Int']['output'];
  /** Communes whose centre is approximate (not listed by GeoNames; see README). */
  approximateCentres: Scalars['Int']['output'];
  /** Where a new point would add the most population. */
  bestOpenings: Array<OpeningGainView>;
  communes: Scalars['Int']['output'];
  coveredPopulation: Scalars['Int']['output'];
  population: Scalars['Int']['output'];
  radiusKm: Scalars['Float']['output'];
  share: Scalars['Float']['output'];
  /** Most populous first. */
  uncovered: Array<UncoveredCommuneView>;
  uncoveredCount: Scalars['Int']['output'];
};

export type TimeRange = {
  __typename?: 'TimeRange';
  closes: Scalars['String']['output'];
  onRequest?: Maybe<Scalars['Boolean']['output']>;
  opens: Scalars['String']['output'];
};

export type TimeRangeInput = {
  closes: Scalars['String']['input'];
  onRequest?: InputMaybe<Scalars['Boolean']['input']>;
  opens: Scalars['String']['input'];
};

export type TimeSlot = {
  __typename?: 'TimeSlot';
  end: Scalars['DateTime']['output'];
  /** Only bookable on request (needs the host’s approval). */
  onRequest: Scalars['Boolean']['output'];
  start: Scalars['DateTime']['output'];
};

/** How a trip would have been made (the impact factors of each mode are in libs/core/src/impact/factors.ts). */
export type TravelMode =
  | 'CAR'
  | 'COACH'
  | 'FERRY'
  | 'PLANE'
  | 'TER'
  | 'TGV';

export type UncoveredCommuneView = {
  __typename?: 'UncoveredCommuneView';
  code: Scalars['String']['output'];
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  name: Scalars['String']['output'];
  nearestKm: Scalars['Float']['output'];
  population: Scalars['Int']['output'];
};

export type UnmetDemandFigures = {
  __typename?: 'UnmetDemandFigures';
  /** Bookings refused because the slot was taken meanwhile. */
  conflicts: Scalars['Int']['output'];
  /** Requests the host refused. */
  rejected: Scalars['Int']['output'];
  /** Availability searches that found no free slot. */
  searchesWithoutSlot: Scalars['Int']['output'];
};

export type UpdateApiKeyInput = {
  /** Origins (https://www.epci.example) allowed to use the key from a browser and to frame the booking widget. */
  allowedOrigins?: InputMaybe<Array<Scalars['String']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Requests per hour; null: the platform default. */
  quotaPerHour?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateOrganisationInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  contactEmail?: InputMaybe<Scalars['String']['input']>;
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  postcode?: InputMaybe<Scalars['String']['input']>;
  siret?: InputMaybe<Scalars['String']['input']>;
  territoryPostcodes?: InputMaybe<Array<Scalars['String']['input']>>;
  town?: InputMaybe<Scalars['String']['input']>;
};

export type UpdatePointInput = {
  accessPolicy?: InputMaybe<AccessPolicy>;
  accessibleReducedMobility?: InputMaybe<Scalars['Boolean']['input']>;
  address?: InputMaybe<Scalars['String']['input']>;
  bandwidthKbps?: InputMaybe<Scalars['Int']['input']>;
  fixedIp?: InputMaybe<Scalars['String']['input']>;
  hostSiteType?: InputMaybe<HostSiteType>;
  independentEntrance?: InputMaybe<Scalars['Boolean']['input']>;
  internalNotes?: InputMaybe<Scalars['String']['input']>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  networkLine?: InputMaybe<NetworkLine>;
  phone?: InputMaybe<Scalars['String']['input']>;
  postcode?: InputMaybe<Scalars['String']['input']>;
  receptionOnSite?: InputMaybe<Scalars['Boolean']['input']>;
  rulesOfUse?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<PointStatus>;
  technicianOnSite?: InputMaybe<Scalars['Boolean']['input']>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
  town?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateRoomInput = {
  capacity?: InputMaybe<Scalars['Int']['input']>;
  dedicated?: InputMaybe<Scalars['Boolean']['input']>;
  equipment?: InputMaybe<Array<Scalars['String']['input']>>;
  name?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateUserInput = {
  displayName?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<Role>;
};

export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  displayName: Scalars['String']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  organisationId?: Maybe<Scalars['ID']['output']>;
  role: Role;
};

export type WeeklyRule = {
  __typename?: 'WeeklyRule';
  /** HH:mm local time, 24:00 for midnight. */
  closes: Scalars['String']['output'];
  /** Bookable only on request (needs approval). */
  onRequest?: Maybe<Scalars['Boolean']['output']>;
  /** HH:mm local time. */
  opens: Scalars['String']['output'];
  /** ISO weekday, Monday = 1. */
  weekday: Scalars['Int']['output'];
};

export type WeeklyRuleInput = {
  /** HH:mm local time, 24:00 for midnight. */
  closes: Scalars['String']['input'];
  /** Bookable only on request (needs approval). */
  onRequest?: InputMaybe<Scalars['Boolean']['input']>;
  /** HH:mm local time. */
  opens: Scalars['String']['input'];
  /** ISO weekday, Monday = 1. */
  weekday: Scalars['Int']['input'];
};

export type YearCostFiguresView = {
  __typename?: 'YearCostFiguresView';
  completedMeetings: Scalars['Int']['output'];
  /** null when no meeting was completed. */
  costPerMeetingCents?: Maybe<Scalars['Int']['output']>;
  monthCount: Scalars['Int']['output'];
  netCents?: Maybe<Scalars['Int']['output']>;
  oneOffCents: Scalars['Int']['output'];
  recurringByKind: RecurringByKindView;
  recurringCents: Scalars['Int']['output'];
  /** Frozen quotes of the completed meetings, including VAT. */
  revenueCents?: Maybe<Scalars['Int']['output']>;
  totalCostCents: Scalars['Int']['output'];
  year: Scalars['Int']['output'];
};

/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __Directive = {
  __typename?: '__Directive';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isRepeatable: Scalars['Boolean']['output'];
  locations: Array<__DirectiveLocation>;
  args: Array<__InputValue>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/**
 * A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.
 *
 * In some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.
 */
export type __DirectiveArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies. */
export type __DirectiveLocation =
  /** Location adjacent to a query operation. */
  | 'QUERY'
  /** Location adjacent to a mutation operation. */
  | 'MUTATION'
  /** Location adjacent to a subscription operation. */
  | 'SUBSCRIPTION'
  /** Location adjacent to a field. */
  | 'FIELD'
  /** Location adjacent to a fragment definition. */
  | 'FRAGMENT_DEFINITION'
  /** Location adjacent to a fragment spread. */
  | 'FRAGMENT_SPREAD'
  /** Location adjacent to an inline fragment. */
  | 'INLINE_FRAGMENT'
  /** Location adjacent to a variable definition. */
  | 'VARIABLE_DEFINITION'
  /** Location adjacent to a schema definition. */
  | 'SCHEMA'
  /** Location adjacent to a scalar definition. */
  | 'SCALAR'
  /** Location adjacent to an object type definition. */
  | 'OBJECT'
  /** Location adjacent to a field definition. */
  | 'FIELD_DEFINITION'
  /** Location adjacent to an argument definition. */
  | 'ARGUMENT_DEFINITION'
  /** Location adjacent to an interface definition. */
  | 'INTERFACE'
  /** Location adjacent to a union definition. */
  | 'UNION'
  /** Location adjacent to an enum definition. */
  | 'ENUM'
  /** Location adjacent to an enum value definition. */
  | 'ENUM_VALUE'
  /** Location adjacent to an input object type definition. */
  | 'INPUT_OBJECT'
  /** Location adjacent to an input object field definition. */
  | 'INPUT_FIELD_DEFINITION'
  /** Location adjacent to a directive definition. */
  | 'DIRECTIVE_DEFINITION';

/** One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string. */
export type __EnumValue = {
  __typename?: '__EnumValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __Field = {
  __typename?: '__Field';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  args: Array<__InputValue>;
  type: __Type;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};


/** Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type. */
export type __FieldArgsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value. */
export type __InputValue = {
  __typename?: '__InputValue';
  name: Scalars['String']['output'];
  description?: Maybe<Scalars['String']['output']>;
  type: __Type;
  /** A GraphQL-formatted string representing the default value for this input value. */
  defaultValue?: Maybe<Scalars['String']['output']>;
  isDeprecated: Scalars['Boolean']['output'];
  deprecationReason?: Maybe<Scalars['String']['output']>;
};

/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __Schema = {
  __typename?: '__Schema';
  description?: Maybe<Scalars['String']['output']>;
  /** A list of all types supported by this server. */
  types: Array<__Type>;
  /** The type that query operations will be rooted at. */
  queryType: __Type;
  /** If this server supports mutation, the type that mutation operations will be rooted at. */
  mutationType?: Maybe<__Type>;
  /** If this server support subscription, the type that subscription operations will be rooted at. */
  subscriptionType?: Maybe<__Type>;
  /** A list of all directives supported by this server. */
  directives: Array<__Directive>;
};


/** A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations. */
export type __SchemaDirectivesArgs = {
  includeDeprecated?: Scalars['Boolean']['input'];
};

/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __Type = {
  __typename?: '__Type';
  kind: __TypeKind;
  name?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  specifiedByURL?: Maybe<Scalars['String']['output']>;
  fields?: Maybe<Array<__Field>>;
  interfaces?: Maybe<Array<__Type>>;
  possibleTypes?: Maybe<Array<__Type>>;
  enumValues?: Maybe<Array<__EnumValue>>;
  inputFields?: Maybe<Array<__InputValue>>;
  ofType?: Maybe<__Type>;
  isOneOf?: Maybe<Scalars['Boolean']['output']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeEnumValuesArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
};


/**
 * The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.
 *
 * Depending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.
 */
export type __TypeInputFieldsArgs = {
  includeDeprecated?: InputMaybe<Scalars['Boolean']['input']>;
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
