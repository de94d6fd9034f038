import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n-context';
import { stopStream } from '../meet/devices';
import { formatMeetingTime } from '../meet/format';
import type { MeetingSession, MeetingStats, SessionState } from '../meet/meeting-session';
import { VideoTile } from '../meet/VideoTile';

declare global {
  interface Window {
    /** WebRTC figures of the current meeting (browser tests, benchmark, support). */
    __maillageStats?: () => Promise<MeetingStats>;
  }
}

const ERROR_KEYS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_OPEN', 'ENDED', 'MEETING_FULL', 'DISCONNECTED', 'TIMEOUT']);

/** The meeting itself: tiles, controls, quality, banners; then the end message. */
export function JoinPageRoom({ session, stream, onRejoin }: { session: MeetingSession; stream: MediaStream | null; onRejoin(): void }) {
  const { t, lang } = useI18n();
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const heading = useRef<HTMLHeadingElement>(null);
  const endMessage = useRef<HTMLHeadingElement>(null);
  const announcement = useAnnouncements(state);
  const over = state.phase === 'left' || state.phase === 'closed' || state.phase === 'failed';

  // Leaving the page (or this view) leaves the meeting and stops the camera. Deferred by a tick: React's
  // StrictMode unmounts and mounts again once in development, which must not end the meeting.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    window.__maillageStats = () => session.stats();
    const onPageHide = () => void session.leave();
    window.addEventListener('pagehide', onPageHide);
    return () => {
      mounted.current = false;
      window.removeEventListener('pagehide', onPageHide);
      delete window.__maillageStats;
      setTimeout(() => {
        if (mounted.current) return;
        void session.leave();
        stopStream(stream);
      }, 0);
    };
  }, [session, stream]);

  // The camera light goes off as soon as the meeting is over for us.
  useEffect(() => {
    if (over) stopStream(stream);
  }, [over, stream]);

  // Focus follows the view: the meeting's title once in, the end message once out.
  // (The title only the first time: a recovery must not pull focus away from the controls.)
  const view = state.phase === 'joined' ? 'in' : over ? 'over' : 'other';
  const entered = useRef(false);
  useEffect(() => {
    if (view === 'in' && !entered.current) {
      entered.current = true;
      heading.current?.focus();
    }
    if (view === 'over') endMessage.current?.focus();
  }, [view]);

  useEffect(() => {
    document.title = state.meeting ? `${state.meeting.title} — Maillage` : `${t('join.title')} — Maillage`;
  }, [state.meeting, t]);

  if (state.phase === 'idle' || state.phase === 'joining') {
    return (
      <p role="status" className="joining">
        {t('join.joining')}
      </p>
    );
  }

  if (over) {
    const message =
      state.phase === 'closed'
        ? t(`meet.closed.${state.closedReason ?? 'ended'}`)
        : state.phase === 'left'
          ? t('meet.left')
          : ERROR_KEYS.has(state.error ?? '')
            ? t(`meetError.${state.error}` as MessageKey)
            : t('meetError.other', { code: state.error ?? 'INTERNAL' });
    const canRejoin = state.phase === 'left' || (state.phase === 'failed' && !['UNAUTHENTICATED', 'FORBIDDEN', 'ENDED'].includes(state.error ?? ''));
    return (
      <section className="meeting-over" aria-labelledby="meeting-over-heading">
        <h1 id="meeting-over-heading" ref={endMessage} tabIndex={-1} data-testid="meeting-over" data-phase={state.phase}>
          {message}
        </h1>
        {canRejoin && (
          <button type="button" className="primary" onClick={onRejoin}>
            {t('meet.rejoin')}
          </button>
        )}
      </section>
    );
  }

  const me = state.me;
  const ownVideo = stream?.getVideoTracks()[0] ?? null;
  const count = state.participants.length + 1;
  const quality = t(`quality.${state.quality}`);
  const qualityDetail =
    state.rttMs !== undefined || state.lossPercent !== undefined ? t('meet.qualityDetail', { rtt: Math.round(state.rttMs ?? 0), loss: (state.lossPercent ?? 0).toFixed(1) }) : undefined;
  return (
    <section className="meeting" aria-labelledby="meeting-heading" data-phase={state.phase}>
      <div className="meeting-bar">
        <h1 id="meeting-heading" ref={heading} tabIndex={-1}>
          {state.meeting?.title}
        </h1>
        <p className="meeting-facts">
          <span data-testid="participant-count">{t('meet.participants', { count })}</span>
          <span className={`quality quality-${state.quality}`} data-testid="quality" data-quality={state.quality} title={qualityDetail}>
            <span className="quality-dot" aria-hidden="true" />
            {t('meet.quality', { quality })}
            {qualityDetail && <span className="visually-hidden"> ({qualityDetail})</span>}
          </span>
        </p>
      </div>
      {state.phase === 'reconnecting' && (
        <p className="banner warning" role="status" data-testid="reconnecting">
          {t('meet.reconnecting')}
        </p>
      )}
      {state.endingSoon && (
        <div className="banner" role="status" data-testid="ending-soon">
          {t('meet.endingSoon', { time: formatMeetingTime(state.endingSoon.endsAt, lang) })}{' '}
          {state.endingSoon.extensionAvailable ? t('meet.extensionAvailable', { minutes: state.endingSoon.extensionMinutes }) : t('meet.extensionUnavailable')}
          {state.endingSoon.extensionAvailable && me?.role === 'host' && <ExtendButton session={session} minutes={state.endingSoon.extensionMinutes} />}
        </div>
      )}
      <ul className="tiles" aria-label={t('meet.tiles')}>
        {me && (
          <li>
            <VideoTile
              peerId={me.peerId}
              label={t('meet.you', { name: me.name })}
              role={me.role}
              video={ownVideo}
              micMuted={state.micMuted || !stream?.getAudioTracks().length}
              cameraOff={state.cameraOff}
              speaking={state.activeSpeaker === me.peerId}
              self
            />
          </li>
        )}
        {state.participants.map((p) => (
          <li key={p.peerId}>
            <VideoTile peerId={p.peerId} label={p.name} role={p.role} video={p.video} audio={p.audio} micMuted={p.audioMuted} cameraOff={p.videoMuted} speaking={state.activeSpeaker === p.peerId} />
          </li>
        ))}
      </ul>
      {state.participants.length === 0 && <p className="hint">{t('meet.alone')}</p>}
      <div className="controls" role="group" aria-label={t('meet.controls')}>
        <button type="button" className="control" disabled={!session.hasProducer('microphone')} onClick={() => void session.setMicMuted(!state.micMuted)}>
          {state.micMuted ? t('meet.unmuteMic') : t('meet.muteMic')}
        </button>
        <button type="button" className="control" disabled={!session.hasProducer('camera')} onClick={() => void session.setCameraOff(!state.cameraOff)}>
          {state.cameraOff ? t('meet.cameraOn') : t('meet.cameraOff')}
        </button>
        <button type="button" className="control leave" onClick={() => void session.leave()}>
          {t('meet.leave')}
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="announcement">
        {announcement}
      </p>
    </section>
  );
}

/** What a screen reader hears: who came and went, reconnection, the end moved. */
function useAnnouncements(state: SessionState): string {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  const previous = useRef<SessionState>(state);
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    if (before === state) return;
    const messages: string[] = [];
    if (before.phase === 'joined' || before.phase === 'reconnecting') {
      const was = new Map(before.participants.map((p) => [p.peerId, p.name]));
      const now = new Set(state.participants.map((p) => p.peerId));
      if (state.phase === 'joined' && before.phase === 'joined') {
        for (const p of state.participants) if (!was.has(p.peerId)) messages.push(t('meet.peerJoined', { name: p.name }));
        for (const [peerId, name] of was) if (!now.has(peerId)) messages.push(t('meet.peerLeft', { name }));
      }
    }
    if (before.phase === 'joined' && state.phase === 'reconnecting') messages.push(t('meet.reconnecting'));
    if (before.phase === 'reconnecting' && state.phase === 'joined') messages.push(t('meet.reconnected'));
    if (before.meeting && state.meeting && state.meeting.endsAt > before.meeting.endsAt) messages.push(t('meet.extended', { time: formatMeetingTime(state.meeting.endsAt, lang) }));
    if (messages.length) setText(messages.join(' '));
  }, [state, t, lang]);
  return text;
}

/** The host accepts the offered extension; a refusal (the rooms were taken meanwhile) is said next to the button. */
function ExtendButton({ session, minutes }: { session: MeetingSession; minutes: number }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ busy: boolean; refused?: string }>({ busy: false });
  const extend = async () => {
    setState({ busy: true });
    const refused = await session.extend();
    setState({ busy: false, refused: refused ?? undefined });
  };
  return (
    <>
      {' '}
      <button type="button" className="primary" disabled={state.busy} onClick={() => void extend()} aria-describedby={state.refused ? 'extend-refused' : undefined}>
        {t('meet.extend', { minutes })}
      </button>
      {state.refused && (
        <span id="extend-refused" role="alert">
          {' '}
          {t(state.refused === 'CONFLICT' ? 'meet.extendConflict' : 'meet.extendFailed')}
        </span>
      )}
    </>
  );
}
