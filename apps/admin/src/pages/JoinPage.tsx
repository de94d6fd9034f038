import { useCallback, useEffect, useState } from 'react';
import { GraphQLRequestError, request } from '../api';
import type { MeetingByTokenQuery } from '../generated/graphql';
import { useI18n } from '../i18n-context';
import { stopStream } from '../meet/devices';
import { formatMeetingDate, formatMeetingTime } from '../meet/format';
import { MeetingSession } from '../meet/meeting-session';
import { signallingUrl } from '../meet/signalling-client';
import { MEETING_BY_TOKEN } from '../operations';
import { JoinPageLobby, type LobbyChoice } from './JoinPageLobby';
import { JoinPageRoom } from './JoinPageRoom';
import { SurveyLinkForMeeting } from '../survey/SurveyLink';

type MeetingInfo = MeetingByTokenQuery['meetingByToken'];
type Load = { kind: 'loading' } | { kind: 'ready'; meeting: MeetingInfo } | { kind: 'invalid' } | { kind: 'forbidden' } | { kind: 'error'; message: string };

/** The longest wait before asking again whether a scheduled meeting has opened. */
const MAX_WAIT_MS = 60 * 60 * 1000;

/**
 * `/rejoindre/<token>`: the public page a guest opens from the link in their invitation. No account:
 * the token says who they are and for which meeting. Says clearly when the meeting is not open yet
 * (and opens by itself on time), is over or was cancelled, or when the link is not valid.
 */
export function JoinPage({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [joined, setJoined] = useState<{ session: MeetingSession; stream: MediaStream | null } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    request(MEETING_BY_TOKEN, { token }, controller.signal)
      .then((data) => setLoad({ kind: 'ready', meeting: data.meetingByToken }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const codes = error instanceof GraphQLRequestError ? error.errors.map((e) => e.extensions?.code) : [];
        if (codes.includes('FORBIDDEN')) setLoad({ kind: 'forbidden' });
        else if (codes.some((c) => c === 'UNAUTHENTICATED' || c === 'BAD_USER_INPUT' || c === 'NOT_FOUND' || c === 'INVALID_TOKEN')) setLoad({ kind: 'invalid' });
        else setLoad({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, [token, attempt]);

  // Not open yet: ask again when it should be.
  const opensAt = load.kind === 'ready' && load.meeting.status === 'SCHEDULED' ? load.meeting.opensAt : null;
  useEffect(() => {
    if (!opensAt) return;
    const wait = Math.min(Math.max(Date.parse(opensAt) - Date.now() + 500, 1000), MAX_WAIT_MS);
    const timer = setTimeout(() => setAttempt((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [opensAt]);

  useEffect(() => {
    if (!joined) document.title = load.kind === 'ready' ? `${load.meeting.title} — Maillage` : `${t('join.title')} — Maillage`;
  }, [load, joined, t]);

  const join = useCallback(
    (choice: LobbyChoice) => {
      const session = new MeetingSession({ token, url: signallingUrl(window.location) });
      const audio = choice.stream?.getAudioTracks()[0];
      const video = choice.stream?.getVideoTracks()[0];
      void session.join({ audio, video }, { mic: choice.micMuted, camera: choice.cameraOff });
      setJoined({ session, stream: choice.stream });
    },
    [token],
  );

  const rejoin = useCallback(() => {
    stopStream(joined?.stream);
    setJoined(null);
    setAttempt((n) => n + 1);
  }, [joined]);

  if (joined) return <JoinPageRoom session={joined.session} stream={joined.stream} onRejoin={rejoin} />;

  if (load.kind === 'loading') return <p role="status">{t('join.loading')}</p>;
  if (load.kind === 'invalid' || load.kind === 'forbidden') {
    return (
      <section className="join-refused" aria-labelledby="join-heading">
        <h1 id="join-heading">{t('join.title')}</h1>
        <p role="alert" className="error" data-testid="join-refused">
          {load.kind === 'invalid' ? t('join.invalid') : t('join.forbidden')}
        </p>
      </section>
    );
  }
  if (load.kind === 'error') {
    return (
      <section aria-labelledby="join-heading">
        <h1 id="join-heading">{t('join.title')}</h1>
        <p role="alert" className="error">
          {t('join.error', { message: load.message })}
        </p>
        <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
          {t('join.retry')}
        </button>
      </section>
    );
  }

  const { meeting } = load;
  const over = meeting.status === 'CLOSED' || meeting.status === 'CANCELLED';
  return (
    <section className="join" aria-labelledby="join-heading">
      <h1 id="join-heading">{meeting.title}</h1>
      <p className="join-when">
        {t('join.when', { date: formatMeetingDate(meeting.startsAt, lang), start: formatMeetingTime(meeting.startsAt, lang), end: formatMeetingTime(meeting.endsAt, lang) })}
      </p>
      {over ? (
        <>
          <p role="alert" className="notice" data-testid="join-refused">
            {meeting.status === 'CANCELLED' ? t('join.cancelled') : t('join.ended')}
          </p>
          {/* Issue 12: the participant's survey link once the meeting is over. */}
          {meeting.status === 'CLOSED' && <SurveyLinkForMeeting joinToken={token} />}
        </>
      ) : (
        <>
          <p>{t('join.as', { name: meeting.participantName })}</p>
          {meeting.status === 'SCHEDULED' && (
            <div className="notice" role="status" data-testid="not-open-yet">
              <p>{t('join.notOpenYet', { date: formatMeetingDate(meeting.opensAt, lang), time: formatMeetingTime(meeting.opensAt, lang) })}</p>
              <p>{t('join.notOpenHint')}</p>
            </div>
          )}
          <JoinPageLobby canJoin={meeting.status === 'OPEN'} onJoin={join} />
          {meeting.sipUri && <SipAddress uri={meeting.sipUri} />}
        </>
      )}
    </section>
  );
}

/** The meeting's SIP address, for a room system (Cisco, Poly…) to dial instead of this page; copyable. */
function SipAddress({ uri }: { uri: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard
      ?.writeText(uri)
      .then(() => setCopied(true))
      .catch(() => setCopied(false));
  };
  return (
    <p className="join-sip" data-testid="sip-address">
      {t('join.sip')} <code>{uri}</code>{' '}
      <button type="button" onClick={copy}>
        {t('join.sipCopy')}
      </button>
      {copied && <span role="status"> {t('join.sipCopied')}</span>}
    </p>
  );
}
