/**
 * Notification by e-mail over SMTP (nodemailer): the organiser of a reservation receives, in French,
 * the link confirming an anonymous booking, the confirmation, a change, an extension, the reminder
 * the day before, a cancellation, a refusal or an unconfirmed hold that expired, each with an iCalendar invitation as a text/calendar alternative part (METHOD REQUEST, or
 * CANCEL), stable UID `<reservationId>@maillage` and SEQUENCE from the payload — the same UID and
 * sequence as the API's .ics download, so calendars update one event.
 */
import { createHash } from 'node:crypto';
import { DomainError, MemoryIdempotencyStore, sipAddressLine, vtimezone, vtimezoneGenerator, withConference } from '@maillage/core';
import type { AdapterContext, AdapterDefinition, AdapterHealth, AdapterManifest, BookingHeldPayload, DomainEvent, EventName, IdempotencyStore, MeetingPreflightPayload, NotificationAdapter, ReservationEventPayload } from '@maillage/core';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import nodemailer, { type Transporter } from 'nodemailer';
import { checkPreflightPayload, preflightMail } from './preflight-mail';

/** The binding's configuration (the password is a secret, read from `context.secrets`). */
export type SmtpConfig = {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: boolean;
  /** Sender, e.g. "Maillage <reservations@maillage.example>". */
  from: string;
  username?: string;
  /** Time-out of connection, greeting and socket inactivity, ms. */
  timeoutMs: number;
  /** Public address of the site (https://…), to make the survey link absolute. */
  publicUrl?: string;
};

const RESERVATION_EVENTS = ['reservation.confirmed', 'reservation.changed', 'reservation.extended', 'reservation.reminder', 'reservation.cancelled', 'reservation.rejected', 'reservation.expired'] as const satisfies readonly EventName[];
type SubscribedEvent = (typeof RESERVATION_EVENTS)[number];
/** After a meeting that took place: the satisfaction survey's link (issue 12), a plain e-mail; and the pre-call test's result, to the host (preflight-mail.ts). */
const SUBSCRIBED = [...RESERVATION_EVENTS, 'survey.requested', 'meeting.preflight'] as const satisfies readonly EventName[];

export const NOTIFICATION_SMTP_MANIFEST: AdapterManifest = {
  id: 'notification-smtp',
  kind: 'notification',
  version: '1.0.0',
  displayName: 'E-mail (SMTP)',
  capabilities: ['email', 'ical-invitation'],
  configSchema: {
    type: 'object',
    properties: {
      host: { type: 'string', format: 'hostname', title: 'Serveur SMTP', description: 'Nom ou adresse du serveur, p. ex. smtp.example.org' },
      port: { type: 'integer', minimum: 1, maximum: 65535, title: 'Port', default: 587 },
      secure: { type: 'boolean', title: 'TLS implicite (port 465)', default: false },
      from: { type: 'string', minLength: 3, maxLength: 320, title: 'Expéditeur', description: 'p. ex. Maillage <reservations@maillage.example>' },
      username: { type: 'string', maxLength: 320, title: 'Identifiant' },
      password: { type: 'string', maxLength: 1024, title: 'Mot de passe', secret: true },
      timeoutMs: { type: 'integer', minimum: 100, maximum: 120000, title: 'Délai d’attente (ms)', default: 15000 },
      publicUrl: { type: 'string', format: 'uri', maxLength: 300, title: 'Adresse publique du site', description: 'p. ex. https://maillage.example, pour les liens d’enquête' },
    },
    required: ['host', 'port', 'from'],
    additionalProperties: false,
  },
  subscribes: [...SUBSCRIBED, 'reservation.held'],
};

interface Wording {
  subject: string;
  /** The sentence that follows "Votre réservation « … » (référence …)". */
  verb: string;
  method: 'REQUEST' | 'CANCEL';
}

const WORDING: Record<SubscribedEvent, Wording> = {
  'reservation.confirmed': { subject: 'Réservation confirmée', verb: 'est confirmée', method: 'REQUEST' },
  'reservation.changed': { subject: 'Réservation modifiée', verb: 'a été modifiée', method: 'REQUEST' },
  'reservation.extended': { subject: 'Réservation prolongée', verb: 'a été prolongée', method: 'REQUEST' },
  'reservation.reminder': { subject: 'Rappel : réservation demain', verb: 'a lieu demain', method: 'REQUEST' },
  'reservation.cancelled': { subject: 'Réservation annulée', verb: 'est annulée', method: 'CANCEL' },
  'reservation.rejected': { subject: 'Réservation refusée', verb: 'a été refusée par l’hôte', method: 'CANCEL' },
  'reservation.expired': { subject: 'Réservation non confirmée : créneau libéré', verb: 'n’a pas été confirmée à temps : le créneau a été libéré', method: 'CANCEL' },
};

const isReservationEvent = (name: string): name is SubscribedEvent => (RESERVATION_EVENTS as readonly string[]).includes(name);
const FALLBACK_ZONE = 'Europe/Paris';
const PROD_ID = { company: 'Maillage', product: 'Maillage notification-smtp', language: 'FR' };

/** The UID of a reservation's calendar event: the same in e-mails and in the API's .ics. */
export const reservationUid = (reservationId: string) => `${reservationId}@maillage`;

/** Refuses a payload the e-mail cannot be written from (a malformed event is a bug upstream: reject, don't send half). */
function checkPayload(payload: Partial<ReservationEventPayload>): asserts payload is ReservationEventPayload {
  const problems: string[] = [];
  if (typeof payload.reservationId !== 'string' || payload.reservationId === '') problems.push('reservationId');
  if (typeof payload.reference !== 'string') problems.push('reference');
  if (typeof payload.title !== 'string') problems.push('title');
  if (typeof payload.organiser?.email !== 'string' || !payload.organiser.email.includes('@')) problems.push('organiser.email');
  if (typeof payload.start !== 'string' || !DateTime.fromISO(payload.start).isValid) problems.push('start');
  if (typeof payload.end !== 'string' || !DateTime.fromISO(payload.end).isValid) problems.push('end');
  if (typeof payload.sequence !== 'number' || !Number.isInteger(payload.sequence) || payload.sequence < 0) problems.push('sequence');
  if (!Array.isArray(payload.rooms)) problems.push('rooms');
  if (problems.length > 0) throw new DomainError('BAD_USER_INPUT', `notification-smtp: malformed reservation payload (${problems.join(', ')})`, { details: { fields: problems } });
}

/** "jeudi 12 mars 2026, de 14h00 à 16h00 (heure de Paris)", or across days when the end is another day. */
export function frenchPeriod(startIso: string, endIso: string, zone: string): string {
  const start = DateTime.fromISO(startIso, { zone }).setLocale('fr');
  const end = DateTime.fromISO(endIso, { zone }).setLocale('fr');
  const city = zone.split('/').pop()?.replace(/_/g, ' ') ?? zone;
  const where = `(heure de ${city})`;
  if (start.hasSame(end, 'day')) return `${start.toFormat("cccc d LLLL yyyy, 'de' HH'h'mm")} à ${end.toFormat("HH'h'mm")} ${where}`;
  return `du ${start.toFormat("cccc d LLLL yyyy 'à' HH'h'mm")} au ${end.toFormat("cccc d LLLL yyyy 'à' HH'h'mm")} ${where}`;
}

/** The French plain-text body. */
export function frenchText(name: SubscribedEvent, p: ReservationEventPayload, zone: string): string {
  const wording = WORDING[name];
  const lines = [`Bonjour ${p.organiser.name || ''},`.replace(' ,', ','), '', `Votre réservation « ${p.title} » (référence ${p.reference}) ${wording.verb}.`, '', `Date : ${frenchPeriod(p.start, p.end, zone)}`];
  if (p.rooms.length > 0) {
    lines.push(p.rooms.length > 1 ? 'Salles :' : 'Salle :');
    for (const room of p.rooms) lines.push(`- ${room.roomName} — ${room.pointName}, ${room.address}`);
  }
  if (p.sipUri && wording.method === 'REQUEST') lines.push('', sipAddressLine(p.sipUri));
  if (p.reason) lines.push('', `Motif : ${p.reason}`);
  lines.push('');
  if (wording.method === 'CANCEL') lines.push('L’invitation jointe retire ce rendez-vous de votre agenda.');
  else lines.push('L’invitation jointe ajoute ou met à jour ce rendez-vous dans votre agenda.', `Pour modifier ou annuler, utilisez la référence ${p.reference} et le code d’accès reçu lors de la réservation.`);
  lines.push('', 'Maillage — réseau de points de visioconférence', '(Message automatique, merci de ne pas y répondre.)');
  return lines.join('\n');
}

/**
 * The French text of the e-mail that asks the organiser of an anonymous booking to confirm it: the
 * reservations held, until when, the single-use link, and the page to manage each one. No invitation is
 * attached: nothing is booked until the link is followed.
 */
export function heldText(p: BookingHeldPayload): string {
  const zone = vtimezone(p.timeZone) ? p.timeZone : FALLBACK_ZONE;
  const until = DateTime.fromISO(p.expiresAt, { zone }).setLocale('fr').toFormat("HH'h'mm");
  const lines = [`Bonjour ${p.organiser.name || ''},`.replace(' ,', ','), '', p.reservations.length > 1 ? `Vous avez demandé ${p.reservations.length} réservations :` : 'Vous avez demandé cette réservation :', ''];
  for (const r of p.reservations) {
    lines.push(`- « ${r.title} » (référence ${r.reference}), ${frenchPeriod(r.start, r.end, zone)}`);
    for (const room of r.rooms) lines.push(`  ${room.roomName} — ${room.pointName}, ${room.address}`);
  }
  lines.push('', `Le créneau est retenu pour vous jusqu’à ${until}. Pour confirmer, ouvrez ce lien (une seule fois) :`, p.confirmUrl, '');
  lines.push('Sans confirmation à temps, le créneau est libéré. Si vous n’avez rien demandé, ignorez ce message : rien ne sera réservé.', '');
  lines.push(p.reservations.length > 1 ? 'Pour modifier ou annuler ensuite :' : 'Pour modifier ou annuler ensuite :');
  for (const r of p.reservations) lines.push(`- ${r.reference} : ${r.manageUrl}`);
  lines.push('', 'Maillage — réseau de points de visioconférence', '(Message automatique, merci de ne pas y répondre.)');
  return lines.join('\n');
}

/** The .ics of the invitation (METHOD REQUEST or CANCEL), with the VTIMEZONE of the point's zone. */
export function invitationIcs(name: SubscribedEvent, p: ReservationEventPayload, zone: string, stamp: Date, description: string): string {
  const method = WORDING[name].method;
  const cal = ical({ prodId: PROD_ID, name: `Maillage — ${p.reference}`, method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST, scale: 'GREGORIAN' });
  // Name null: only the event carries TZID (DTSTAMP stays in UTC); the generator writes its VTIMEZONE.
  cal.timezone({ name: null, generator: vtimezoneGenerator });
  const organiser = { name: p.organiser.name, email: p.organiser.email };
  const points = [...new Map(p.rooms.map((r) => [r.pointId, r])).values()];
  cal.createEvent({
    id: reservationUid(p.reservationId),
    sequence: p.sequence,
    stamp,
    start: DateTime.fromISO(p.start, { zone }),
    end: DateTime.fromISO(p.end, { zone }),
    timezone: zone,
    summary: p.title,
    location: points.map((r) => `${r.pointName}, ${r.address}`).join(' ; ') || null,
    description,
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: organiser,
    // RFC 5546: REQUEST and CANCEL carry at least one ATTENDEE; the organiser chairs their own meeting.
    attendees: [{ ...organiser, role: ICalAttendeeRole.CHAIR, status: ICalAttendeeStatus.ACCEPTED, rsvp: false }],
  });
  return p.sipUri && method === 'REQUEST' ? withConference(cal.toString(), p.sipUri, 'Système de visioconférence (SIP)') : cal.toString();
}

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string };
  /** Stable id for a message that may be resent (see NotificationAdapter.notify). */
  messageId?: string;
}

/**
 * One binding's SMTP adapter. Single-use: `init` creates the transport, `dispose` closes it (twice
 * is fine), `init` after `dispose` rejects with CONFLICT (the host creates a new instance).
 */
export class NotificationSmtpAdapter implements NotificationAdapter {
  private transport: Transporter | null = null;
  private disposed = false;
  private readonly store: IdempotencyStore;
  /** Deliveries being handled, by idempotency key: a concurrent duplicate waits for the first. */
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly context: AdapterContext<SmtpConfig>) {
    this.store = context.idempotency ?? new MemoryIdempotencyStore();
  }

  async init(): Promise<void> {
    if (this.disposed) throw new DomainError('CONFLICT', 'notification-smtp: this instance was disposed; create a new one');
    if (this.transport) return;
    const { host, port, secure, username, timeoutMs } = this.context.config;
    const password = this.context.secrets.get('password');
    this.transport = nodemailer.createTransport({
      host,
      port,
      secure,
      auth: username ? { user: username, pass: password ?? '' } : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.transport?.close();
    this.transport = null;
  }

  /** Up when the server accepts a connection (and the credentials); down otherwise, never a throw. */
  async health(): Promise<AdapterHealth> {
    if (!this.transport) return { status: 'down', detail: this.disposed ? 'disposed' : 'not initialised' };
    try {
      await this.transport.verify();
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Sends the organiser the e-mail of a reservation event, once per idempotency key (the key is
   * remembered after the server accepted the message: a failure rejects, the relay retries).
   */
  handle(event: DomainEvent): Promise<void> {
    const running = this.inFlight.get(event.idempotencyKey);
    if (running) return running;
    const work = this.handleOnce(event).finally(() => this.inFlight.delete(event.idempotencyKey));
    this.inFlight.set(event.idempotencyKey, work);
    return work;
  }

  private async handleOnce(event: DomainEvent): Promise<void> {
    if (event.name === 'survey.requested') return this.sendSurvey(event as DomainEvent<'survey.requested'>);
    if (event.name === 'reservation.held') return this.sendHeld(event as DomainEvent<'reservation.held'>);
    if (event.name === 'meeting.preflight') return this.sendPreflight(event as DomainEvent<'meeting.preflight'>);
    if (!isReservationEvent(event.name)) {
      this.context.logger.warn('notification-smtp: event not subscribed, ignored', { name: event.name, id: event.id });
      return;
    }
    const payload = event.payload as Partial<ReservationEventPayload>;
    checkPayload(payload);
    if (await this.store.seen(event.idempotencyKey)) return;
    const zone = vtimezone(payload.timeZone) ? payload.timeZone : FALLBACK_ZONE;
    const wording = WORDING[event.name];
    const text = frenchText(event.name, payload, zone);
    const occurred = new Date(event.occurredAt);
    const stamp = Number.isNaN(occurred.getTime()) ? new Date(this.context.clock.now()) : occurred;
    const ics = invitationIcs(event.name, payload, zone, stamp, text);
    // The same event always gets the same Message-ID, so a copy resent after a crash is recognisable.
    const stableId = `<${createHash('sha256').update(event.idempotencyKey).digest('hex').slice(0, 32)}@maillage>`;
    const { messageId } = await this.notify({ to: payload.organiser.email, subject: `${wording.subject} : ${payload.title} (${payload.reference})`, text, calendar: { method: wording.method, ics }, messageId: stableId });
    await this.store.remember(event.idempotencyKey);
    this.context.logger.info('notification-smtp: sent', { event: event.name, eventId: event.id, reservationId: payload.reservationId, messageId });
  }

  /** The survey link to the organiser, once per event (same idempotency rules as the invitations). */
  private async sendSurvey(event: DomainEvent<'survey.requested'>): Promise<void> {
    const p = event.payload;
    if (typeof p?.organiser?.email !== 'string' || !p.organiser.email.includes('@') || typeof p.surveyPath !== 'string' || !p.surveyPath.startsWith('/')) {
      throw new DomainError('BAD_USER_INPUT', 'notification-smtp: malformed survey.requested payload');
    }
    if (await this.store.seen(event.idempotencyKey)) return;
    const base = this.context.config.publicUrl?.replace(/\/+$/, '') ?? '';
    const text = [
      `Bonjour ${p.organiser.name || ''},`.replace(' ,', ','),
      '',
      `Votre réunion « ${p.title} » (référence ${p.reference}) a eu lieu. Comment s’est-elle passée ?`,
      'Deux minutes suffisent : a-t-elle fonctionné, a-t-elle évité un déplacement, êtes-vous satisfait ?',
      '',
      `${base}${p.surveyPath}`,
      '',
      'Vos réponses servent à mesurer ce que le réseau fait gagner (trajets, temps, CO2) ; le lien ne sert qu’une fois.',
      '',
      'Maillage — réseau de points de visioconférence',
      '(Message automatique, merci de ne pas y répondre.)',
    ].join('\n');
    const stableId = `<${createHash('sha256').update(event.idempotencyKey).digest('hex').slice(0, 32)}@maillage>`;
    const { messageId } = await this.notify({ to: p.organiser.email, subject: `Votre avis sur la réunion : ${p.title} (${p.reference})`, text, messageId: stableId });
    await this.store.remember(event.idempotencyKey);
    this.context.logger.info('notification-smtp: survey sent', { eventId: event.id, reservationId: p.reservationId, messageId });
  }

  /** The pre-call test's result to the host, when the scheduler says to write (`notifyHost`). */
  private async sendPreflight(event: DomainEvent<'meeting.preflight'>): Promise<void> {
    const payload = event.payload as Partial<MeetingPreflightPayload>;
    checkPreflightPayload(payload);
    if (!payload.notifyHost || (await this.store.seen(event.idempotencyKey))) return;
    const zone = vtimezone(payload.timeZone) ? payload.timeZone : FALLBACK_ZONE;
    const { subject, text } = preflightMail(payload, zone);
    const stableId = `<${createHash('sha256').update(event.idempotencyKey).digest('hex').slice(0, 32)}@maillage>`;
    await this.notify({ to: payload.organiser.email, subject, text, messageId: stableId });
    await this.store.remember(event.idempotencyKey);
    this.context.logger.info('notification-smtp: pre-call test sent', { eventId: event.id, reservationId: payload.reservationId, outcome: payload.outcome });
  }

  /** The e-mail with the confirmation link of an anonymous booking (one per hold, whatever its number of reservations). */
  private async sendHeld(event: DomainEvent<'reservation.held'>): Promise<void> {
    const p = event.payload;
    if (typeof p?.confirmUrl !== 'string' || typeof p.organiser?.email !== 'string' || !p.organiser.email.includes('@') || !Array.isArray(p.reservations) || !p.reservations.length) {
      throw new DomainError('BAD_USER_INPUT', 'notification-smtp: malformed reservation.held payload', { details: { fields: ['confirmUrl', 'organiser.email', 'reservations'] } });
    }
    if (await this.store.seen(event.idempotencyKey)) return;
    const references = p.reservations.map((r) => r.reference).join(', ');
    const stableId = `<${createHash('sha256').update(event.idempotencyKey).digest('hex').slice(0, 32)}@maillage>`;
    const { messageId } = await this.notify({ to: p.organiser.email, subject: `Confirmez votre réservation (${references})`, text: heldText(p), messageId: stableId });
    await this.store.remember(event.idempotencyKey);
    this.context.logger.info('notification-smtp: confirmation link sent', { eventId: event.id, holdId: p.holdId, messageId });
  }

  async notify(message: OutgoingMessage): Promise<{ messageId: string }> {
    if (!this.transport) throw new DomainError('CONFLICT', 'notification-smtp: not initialised');
    const info = await this.transport.sendMail({
      from: this.context.config.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.messageId ? { messageId: message.messageId } : {}),
      ...(message.calendar ? { icalEvent: { method: message.calendar.method, filename: 'invitation.ics', content: message.calendar.ics } } : {}),
    });
    return { messageId: String(info.messageId) };
  }
}

export const notificationSmtpAdapter: AdapterDefinition<SmtpConfig, NotificationSmtpAdapter> = {
  manifest: NOTIFICATION_SMTP_MANIFEST,
  create: (context) => new NotificationSmtpAdapter(context),
};
