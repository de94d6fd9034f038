/**
 * A MeetingRecord from the state of record of one reservation: a pure function of that state, so the
 * event handler, a replay and a rebuild all write the same row (docs/adr/0008-impact-methodology-and-meeting-records.md).
 *
 * Participants by kind: in the room = the organiser's survey answer, else the rooms' expected
 * participants; browser guests = distinct attendance participants on the browser channel; SIP
 * systems = distinct attendance participants on the SIP channel, or the reservation's SIP
 * participants when more; phones = PHONE participants.
 * Avoided trips (COMPLETED only): from the survey answers when someone said which trips it replaced;
 * else every other point of a multi-point reservation (its room's expected participants, at least
 * one) and every remote participant whose origin postcode is known, each travelling to the meeting
 * place: the room with the most expected participants (ties: by point name), where the meeting would
 * have been held. The meeting's footprint counts room systems and SIP systems in HD and browsers in SD, over
 * the attended time (the booked time without attendance).
 */
import { DateTime } from 'luxon';
import {
  type AvoidedTripInput, avoidsTravel, computeImpact, CURRENT_IMPACT_FACTOR_VERSION, type ImpactPlace, type ImpactResult, impactFactorTable,
  isUse, type MeetingOutcome, outcomeOf, type TransportMode,
} from '@maillage/core';
import { communeByPostcode, isBrittanyPostcode } from './communes';

export type OutcomeSource = 'host' | 'bridge' | 'cancellation';
export type DestinationScope = 'LOCAL' | 'BRITTANY' | 'FRANCE' | 'ABROAD' | 'UNKNOWN';

export interface RecordRoom {
  roomId: string;
  pointId: string;
  pointName: string;
  organisationId: string;
  town: string;
  postcode: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  expected: number | null;
}

export interface SurveyTrip {
  fromPostcode: string;
  people: number;
  mode: TransportMode | null;
}

export interface RecordState {
  reservationId: string;
  reference: string;
  status: string;
  start: Date;
  end: Date;
  requesterCategory: string;
  purpose: string;
  inTerritory: boolean;
  rooms: RecordRoom[];
  participants: { kind: string; originPostcode: string | null; originCountry: string | null }[];
  attendance: { participantId: string; role: string; channel: string; joinedAt: string; leftAt: string | null }[];
  meeting: { status: string; closeReason: string | null; closedAt: string | null } | null;
  incidents: { kind: string; severity: string; cause: string; openedAt: string }[];
  quoteInclVatCents: number | null;
  cancelledAt: Date | null;
  surveys: { respondent: string; worked: boolean; replacedTrip: boolean; trips: SurveyTrip[]; peopleInRoom: number | null; satisfaction: number }[];
  /** The factor table version of the existing record (kept on rewrite), else null. */
  factorTableVersion: number | null;
}

export interface Destination {
  kind: string;
  label: string;
  scope: DestinationScope;
}

export interface MeetingRecordRow {
  reservationId: string;
  reference: string;
  outcome: MeetingOutcome;
  outcomeSource: OutcomeSource;
  isUse: boolean;
  bookedStart: Date;
  bookedEnd: Date;
  actualStart: Date | null;
  actualEnd: Date | null;
  month: string;
  organisationId: string;
  organisationIds: string[];
  pointId: string;
  pointIds: string[];
  roomIds: string[];
  participantsInRoom: number;
  browserGuests: number;
  sipSystems: number;
  phoneParticipants: number;
  requesterCategory: string;
  purpose: string;
  internal: boolean;
  inTerritory: boolean;
  destinationScope: DestinationScope;
  destinations: Destination[];
  incidents: RecordState['incidents'];
  failureIncidents: number;
  quoteInclVatCents: number | null;
  factorTableVersion: number;
  impact: ImpactResult;
  kmAvoided: number;
  co2eGrossGrams: number;
  co2eNetGrams: number;
  timeSavedMinutes: number;
  moneySavedCents: number;
  satisfactionSum: number;
  satisfactionCount: number;
  surveyAnswers: number;
}

const SCOPE_RANK: Record<DestinationScope, number> = { LOCAL: 0, UNKNOWN: 1, BRITTANY: 2, FRANCE: 3, ABROAD: 4 };

function outcome(s: RecordState): { outcome: MeetingOutcome; source: OutcomeSource } | null {
  if (s.status === 'COMPLETED') return { outcome: 'COMPLETED', source: 'host' };
  if (s.status === 'NO_SHOW') return { outcome: 'NO_SHOW', source: 'host' };
  if (s.status === 'CANCELLED') {
    const o = s.cancelledAt ? outcomeOf({ kind: 'cancelled', cancelledAt: s.cancelledAt.getTime(), start: s.start.getTime() }) : null;
    return o ? { outcome: o, source: 'cancellation' } : null;
  }
  if (s.status === 'CONFIRMED' && s.meeting?.status === 'CLOSED' && s.meeting.closeReason !== 'cancelled') {
    const joined = new Set(s.attendance.map((a) => a.participantId)).size;
    const failures = s.incidents.filter((i) => i.severity === 'failure').length;
    return { outcome: outcomeOf({ kind: 'bridge-closed', participantsJoined: joined, failureIncidents: failures })!, source: 'bridge' };
  }
  return null;
}

const placeOfPoint = (r: RecordRoom): ImpactPlace => ({ label: r.town, latitude: r.latitude, longitude: r.longitude, communeCode: communeByPostcode(r.postcode)?.code ?? null });

function placeOfPostcode(postcode: string): ImpactPlace | null {
  const c = communeByPostcode(postcode);
  return c ? { label: c.name, latitude: c.latitude, longitude: c.longitude, communeCode: c.code } : null;
}

const scopeOfPostcode = (postcode: string): DestinationScope => (isBrittanyPostcode(postcode) ? 'BRITTANY' : 'FRANCE');

function destinations(s: RecordState): Destination[] {
  const out: Destination[] = s.rooms.slice(1).map((r) => ({ kind: 'POINT', label: r.town, scope: scopeOfPostcode(r.postcode) }));
  for (const p of s.participants) {
    if (p.originPostcode) out.push({ kind: p.kind, label: communeByPostcode(p.originPostcode)?.name ?? p.originPostcode, scope: scopeOfPostcode(p.originPostcode) });
    else if (p.originCountry && p.originCountry !== 'FR') out.push({ kind: p.kind, label: p.originCountry, scope: 'ABROAD' });
    else out.push({ kind: p.kind, label: 'inconnue', scope: 'UNKNOWN' });
  }
  return out;
}

function avoidedTrips(s: RecordState): AvoidedTripInput[] {
  const meetingPlace = placeOfPoint(s.rooms[0]);
  const answered = s.surveys.filter((a) => a.replacedTrip && a.trips.length > 0);
  if (answered.length) {
    return answered.flatMap((a) =>
      a.trips.flatMap((t) => {
        const from = placeOfPostcode(t.fromPostcode);
        return from ? [{ from, to: meetingPlace, people: t.people, mode: t.mode }] : [];
      }),
    );
  }
  // The organiser said it replaced no trip: nothing avoided (the footprint remains).
  if (s.surveys.some((a) => a.respondent === 'organiser' && !a.replacedTrip)) return [];
  const trips: AvoidedTripInput[] = s.rooms.slice(1).map((r) => ({ from: placeOfPoint(r), to: meetingPlace, people: Math.max(1, r.expected ?? 1) }));
  for (const p of s.participants) {
    const from = p.originPostcode ? placeOfPostcode(p.originPostcode) : null;
    if (from) trips.push({ from, to: meetingPlace, people: 1 });
  }
  return trips;
}

/** The record of a reservation that ended, or null when it leaves none (still to come, cancelled early…). */
export function buildMeetingRecord(s: RecordState): MeetingRecordRow | null {
  const o = outcome(s);
  if (!o || s.rooms.length === 0) return null;
  const first = s.rooms[0];
  const zone = first.timeZone || 'Europe/Paris';
  const joins = s.attendance.map((a) => Date.parse(a.joinedAt));
  const leaves = s.attendance.map((a) => (a.leftAt ? Date.parse(a.leftAt) : s.meeting?.closedAt ? Date.parse(s.meeting.closedAt) : Date.parse(a.joinedAt)));
  const actualStart = joins.length ? new Date(Math.min(...joins)) : null;
  const actualEnd = leaves.length ? new Date(Math.max(...leaves)) : null;
  const distinct = (channel: string) => new Set(s.attendance.filter((a) => a.channel === channel && a.role !== 'room').map((a) => a.participantId)).size;
  const browserGuests = distinct('browser');
  const sipSystems = Math.max(new Set(s.attendance.filter((a) => a.channel === 'sip').map((a) => a.participantId)).size, s.participants.filter((p) => p.kind === 'SIP').length);
  const organiserAnswer = s.surveys.find((a) => a.respondent === 'organiser');
  // Nobody was in the room of a no-show or a cancelled meeting.
  const participantsInRoom = isUse(o.outcome) ? (organiserAnswer?.peopleInRoom ?? s.rooms.reduce((sum, r) => sum + (r.expected ?? 0), 0)) : 0;
  const dest = destinations(s);
  const destinationScope = dest.length === 0 ? 'LOCAL' : dest.reduce<DestinationScope>((best, d) => (SCOPE_RANK[d.scope] > SCOPE_RANK[best] ? d.scope : best), 'UNKNOWN');

  const startMs = actualStart?.getTime() ?? s.start.getTime();
  const endMs = actualEnd && actualEnd.getTime() > startMs ? actualEnd.getTime() : s.end.getTime();
  const local = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
  const version = s.factorTableVersion ?? CURRENT_IMPACT_FACTOR_VERSION;
  const impact = computeImpact(avoidsTravel(o.outcome) ? avoidedTrips(s) : [], {
    startLocal: local(s.start.getTime()),
    endLocal: local(s.end.getTime()),
    durationMinutes: o.outcome === 'COMPLETED' || o.outcome === 'FAILED' ? Math.max(0, Math.round((endMs - startMs) / 60_000)) : 0,
    hdEndpoints: s.rooms.length + sipSystems,
    sdEndpoints: browserGuests,
  }, impactFactorTable(version));
  const satisfactions = s.surveys.map((a) => a.satisfaction);
  return {
    reservationId: s.reservationId,
    reference: s.reference,
    outcome: o.outcome,
    outcomeSource: o.source,
    isUse: isUse(o.outcome),
    bookedStart: s.start,
    bookedEnd: s.end,
    actualStart,
    actualEnd,
    month: DateTime.fromJSDate(s.start, { zone }).startOf('month').toISODate()!,
    organisationId: first.organisationId,
    organisationIds: [...new Set(s.rooms.map((r) => r.organisationId))],
    pointId: first.pointId,
    pointIds: [...new Set(s.rooms.map((r) => r.pointId))],
    roomIds: s.rooms.map((r) => r.roomId),
    participantsInRoom,
    browserGuests,
    sipSystems,
    phoneParticipants: s.participants.filter((p) => p.kind === 'PHONE').length,
    requesterCategory: s.requesterCategory,
    purpose: s.purpose,
    internal: s.requesterCategory === 'INTERNAL',
    inTerritory: s.inTerritory,
    destinationScope,
    destinations: dest,
    incidents: s.incidents,
    failureIncidents: s.incidents.filter((i) => i.severity === 'failure').length,
    quoteInclVatCents: s.quoteInclVatCents,
    factorTableVersion: version,
    impact,
    kmAvoided: impact.kmAvoided,
    co2eGrossGrams: impact.grossCo2eGrams,
    co2eNetGrams: impact.netCo2eGrams,
    timeSavedMinutes: impact.timeSavedMinutes,
    moneySavedCents: impact.moneySavedCents,
    satisfactionSum: satisfactions.reduce((a, b) => a + b, 0),
    satisfactionCount: satisfactions.length,
    surveyAnswers: s.surveys.length,
  };
}
