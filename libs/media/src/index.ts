/**
 * The media engine of the live meetings (mediasoup): `MediaServer` owns the worker processes and
 * one `MeetingBridge` per open meeting. The API's signalling gateway calls a bridge's methods on
 * behalf of each participant; the signalling protocol itself is `@maillage/media/protocol`.
 */
export { MediaServer, type MediaIncident, type MediaStats } from './media-server';
export { MeetingBridge, type MeetingClosedReason, type MediaTarget, type PlainTransportInfo } from './meeting-bridge';
export { mediaOptionsFromEnv, MEDIA_DEFAULTS, type MediaLogger, type MediaServerOptions } from './media-options';
export { SipCalls, legRouterCodec, type SipLegStats } from './sip-calls';
export { MEETING_MEDIA_CODECS, preferredSpatialLayer } from './router-settings';
export * from './protocol';
