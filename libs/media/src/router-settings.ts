import type { types } from 'mediasoup';

/**
 * What every meeting's router speaks: Opus for audio (and G.722/G.711 from SIP room systems); VP8 (the browsers' common simulcast codec)
 * and H.264 constrained baseline (room systems, Safari) for video. The router's RTP capabilities
 * follow from this list alone, so a router recreated after a worker died announces the same ones.
 */
export const MEETING_MEDIA_CODECS: types.RouterRtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  // SIP room systems' audio (G.722, G.711 µ-law and A-law), piped in from their leg routers; browsers decode them too.
  { kind: 'audio', mimeType: 'audio/G722', clockRate: 8000 },
  { kind: 'audio', mimeType: 'audio/PCMU', clockRate: 8000 },
  { kind: 'audio', mimeType: 'audio/PCMA', clockRate: 8000 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 1000 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1, 'x-google-start-bitrate': 1000 },
  },
];

/** How often the active-speaker observer may change its mind. */
export const ACTIVE_SPEAKER_INTERVAL_MS = 300;

/** A guess of the first estimate of the downlink bandwidth, before congestion control measures it. */
export const INITIAL_OUTGOING_BITRATE = 1_000_000;

/**
 * The spatial layer a new consumer of a simulcast video starts on: tiles shrink as a meeting
 * grows, so the top layer up to 4 participants, the middle one up to 9, the lowest beyond.
 * Congestion control may still go lower; the temporal layer is left at its highest.
 */
export function preferredSpatialLayer(spatialLayers: number, participants: number): number {
  const top = Math.max(0, spatialLayers - 1);
  if (participants <= 4) return top;
  if (participants <= 9) return Math.min(top, 1);
  return 0;
}
