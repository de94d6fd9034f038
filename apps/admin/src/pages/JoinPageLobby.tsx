import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n-context';
import { listDevices, markOnce, openPreview, stopStream, type DeviceLists, type MediaProblem } from '../meet/devices';

export interface LobbyChoice {
  stream: MediaStream | null;
  micMuted: boolean;
  cameraOff: boolean;
}

/**
 * Before joining: the camera preview, the choice of camera and microphone, and "Rejoindre". The
 * preview stream is handed over to the meeting on join (not stopped); otherwise it is stopped when
 * the lobby goes away.
 */
export function JoinPageLobby({ canJoin, onJoin }: { canJoin: boolean; onJoin(choice: LobbyChoice): void }) {
  const { t } = useI18n();
  const [devices, setDevices] = useState<DeviceLists>({ cameras: [], microphones: [] });
  // What the user picked (reopens the preview), and what the stream actually uses (shown in the lists).
  const [chosen, setChosen] = useState<{ cameraId?: string; microphoneId?: string }>({});
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem | undefined>();
  const [starting, setStarting] = useState(true);
  const [micMuted, setMicMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const handedOver = useRef(false);

  useEffect(() => {
    let cancelled = false;
    let opened: MediaStream | null = null;
    setStarting(true);
    void openPreview(chosen.cameraId, chosen.microphoneId).then(async (result) => {
      if (cancelled) {
        stopStream(result.stream);
        return;
      }
      opened = result.stream;
      setStream(result.stream);
      setProblem(result.problem ?? (result.stream ? undefined : 'failed'));
      setStarting(false);
      markOnce('preview-ready');
      const lists = await listDevices().catch(() => ({ cameras: [], microphones: [] }));
      if (!cancelled) setDevices(lists);
    });
    return () => {
      cancelled = true;
      if (!handedOver.current) stopStream(opened);
    };
  }, [chosen]);

  useEffect(() => {
    const element = videoRef.current;
    if (!element) return;
    const track = stream?.getVideoTracks()[0];
    element.srcObject = track ? new MediaStream([track]) : null;
    if (track) element.play().catch(() => undefined);
  }, [stream]);

  useEffect(() => {
    const update = () => void listDevices().then(setDevices, () => undefined);
    navigator.mediaDevices?.addEventListener?.('devicechange', update);
    return () => navigator.mediaDevices?.removeEventListener?.('devicechange', update);
  }, []);

  const submit = useCallback(
    (event: FormEvent) => {
      event.preventDefault();
      if (!canJoin || starting) return;
      handedOver.current = true;
      markOnce('join-clicked');
      onJoin({ stream, micMuted, cameraOff });
    },
    [canJoin, starting, onJoin, stream, micMuted, cameraOff],
  );

  const videoTrack = stream?.getVideoTracks()[0];
  const audioTrack = stream?.getAudioTracks()[0];
  const hasVideo = !!videoTrack;
  const hasAudio = !!audioTrack;
  const cameraId = videoTrack?.getSettings().deviceId ?? '';
  const microphoneId = audioTrack?.getSettings().deviceId ?? '';
  const mediaMessage = starting ? t('join.mediaStarting') : problem === 'denied' ? t('join.mediaDenied') : problem === 'missing' ? (stream ? t('join.mediaMissing') : t('join.mediaNone')) : problem ? t('join.mediaNone') : null;
  const deviceLabel = (label: string, index: number) => label || t('join.deviceN', { n: index + 1 });

  return (
    <form className="lobby" onSubmit={submit} aria-labelledby="devices-heading">
      <div className="lobby-preview">
        <video ref={videoRef} autoPlay playsInline muted className="preview-video" hidden={!hasVideo || cameraOff} aria-label={t('join.preview')} data-testid="preview" />
        {(!hasVideo || cameraOff) && <p className="preview-off">{t('join.previewOff')}</p>}
      </div>
      <fieldset className="lobby-devices">
        <legend id="devices-heading">{t('join.devices')}</legend>
        {mediaMessage && (
          <p className={problem ? 'notice' : 'hint'} role="status">
            {mediaMessage}
          </p>
        )}
        <div className="field">
          <label htmlFor="camera">{t('join.camera')}</label>
          <select id="camera" value={cameraId} disabled={devices.cameras.length === 0} onChange={(e) => setChosen({ ...chosen, cameraId: e.target.value })}>
            {devices.cameras.length === 0 && <option value="">{t('join.noCamera')}</option>}
            {devices.cameras.map((d, i) => (
              <option key={d.deviceId} value={d.deviceId}>
                {deviceLabel(d.label, i)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="microphone">{t('join.microphone')}</label>
          <select id="microphone" value={microphoneId} disabled={devices.microphones.length === 0} onChange={(e) => setChosen({ ...chosen, microphoneId: e.target.value })}>
            {devices.microphones.length === 0 && <option value="">{t('join.noMicrophone')}</option>}
            {devices.microphones.map((d, i) => (
              <option key={d.deviceId} value={d.deviceId}>
                {deviceLabel(d.label, i)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <input id="start-mic-muted" type="checkbox" checked={micMuted} disabled={!hasAudio} onChange={(e) => setMicMuted(e.target.checked)} />
          <label htmlFor="start-mic-muted">{t('join.startMicMuted')}</label>
        </div>
        <div className="field checkbox">
          <input id="start-camera-off" type="checkbox" checked={cameraOff} disabled={!hasVideo} onChange={(e) => setCameraOff(e.target.checked)} />
          <label htmlFor="start-camera-off">{t('join.startCameraOff')}</label>
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={!canJoin || starting}>
            {t('join.join')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
