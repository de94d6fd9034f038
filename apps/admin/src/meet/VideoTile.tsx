import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n-context';
import { markOnce } from './devices';
import type { ParticipantRole } from './protocol';

export interface VideoTileProps {
  peerId: string;
  /** Shown under the picture: the participant's name, "(vous)" for oneself. */
  label: string;
  role: ParticipantRole;
  video?: MediaStreamTrack | null;
  /** Remote audio is played by a hidden <audio>; one's own never is. */
  audio?: MediaStreamTrack | null;
  micMuted: boolean;
  cameraOff: boolean;
  speaking: boolean;
  self?: boolean;
}

/** One participant: picture (or initials), name, micro/camera state, highlighted while speaking. */
export function VideoTile({ peerId, label, role, video, audio, micMuted, cameraOff, speaking, self = false }: VideoTileProps) {
  const { t } = useI18n();
  const videoRef = useRef<HTMLVideoElement>(null);
  const audioRef = useRef<HTMLAudioElement>(null);

  useEffect(() => {
    const element = videoRef.current;
    if (!element) return;
    element.srcObject = video ? new MediaStream([video]) : null;
    if (!video) return;
    element.play().catch(() => undefined);
    // The benchmark's end point: the first frame of someone else's camera on screen.
    if (!self && 'requestVideoFrameCallback' in element) element.requestVideoFrameCallback(() => markOnce('first-remote-frame'));
  }, [video, self]);

  useEffect(() => {
    const element = audioRef.current;
    if (!element) return;
    element.srcObject = audio ? new MediaStream([audio]) : null;
    if (audio) element.play().catch(() => undefined);
  }, [audio]);

  const showVideo = !!video && !cameraOff;
  const initials = label
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase())
    .join('');
  return (
    <figure className={`tile${speaking ? ' speaking' : ''}${self ? ' self' : ''}`} data-testid="tile" data-peer-id={peerId} data-speaking={speaking || undefined}>
      <div className="tile-picture">
        <video ref={videoRef} autoPlay playsInline muted hidden={!showVideo} aria-hidden="true" />
        {!showVideo && (
          <span className="tile-initials" aria-hidden="true">
            {initials || '?'}
          </span>
        )}
        {!self && <audio ref={audioRef} autoPlay hidden />}
      </div>
      <figcaption>
        <span className="tile-name" data-testid="tile-name">
          {label}
        </span>
        {role !== 'guest' && <span className="tile-role">{t(`role.${role}`)}</span>}
        {speaking && <span className="tile-state speaking-state">{t('meet.speaking')}</span>}
        {micMuted && <span className="tile-state">{t('meet.micMuted')}</span>}
        {(cameraOff || !video) && <span className="tile-state">{cameraOff ? t('meet.cameraIsOff') : t('meet.noVideo')}</span>}
      </figcaption>
    </figure>
  );
}
