/**
 * The adapters shipped with Maillage, and the registry the API's adapter host loads them from.
 * To add one: copy a folder (see README.md), then add one line to ADAPTERS.
 */
import type { AnyAdapterDefinition } from '@maillage/core';
import { notificationSmtpAdapter } from './notification-smtp/notification-smtp.adapter';
import { conciergeHttpAdapter } from './concierge-http/concierge-http.adapter';
import { conferencingMediasoupAdapter } from './conferencing-mediasoup/conferencing-mediasoup.adapter';
import { roomCiscoXapiAdapter } from './room-cisco-xapi/room-cisco-xapi.adapter';
import { endpointSipAdapter } from './endpoint-sip/endpoint-sip.adapter';
import { sipDrachtioAdapter } from './sip-drachtio/sip-drachtio.adapter';

export { NOTIFICATION_SMTP_MANIFEST, NotificationSmtpAdapter, notificationSmtpAdapter, type SmtpConfig } from './notification-smtp/notification-smtp.adapter';

export * from './concierge-http';
export * from './conferencing-mediasoup';
export * from './room-cisco-xapi';
export * from './endpoint-sip';
/** For tests: a real SMTP server that keeps what it receives. */
export { startSmtpInbox, type ReceivedMail, type SmtpInbox } from './notification-smtp/smtp-inbox';

/** Every adapter definition, by manifest id (the key must equal `manifest.id`; a spec checks it). */
export const ADAPTERS: Readonly<Record<string, AnyAdapterDefinition>> = {
  'notification-smtp': notificationSmtpAdapter,
  'concierge-http': conciergeHttpAdapter,
  mediasoup: conferencingMediasoupAdapter,
  'room-cisco-xapi': roomCiscoXapiAdapter,
  'endpoint-sip': endpointSipAdapter,
  'sip-drachtio': sipDrachtioAdapter,
};

/** The conformance testkit, programmatic form (the jest form, `describeAdapterConformance`, is imported from './testkit' by specs). */
export { checkConformance, CONFORMANCE_CHECKS, createTestContext, sampleEvent, sampleReservationPayload, type ConformanceOptions, type ConformanceReport } from './testkit';
export * from './sip-drachtio';
