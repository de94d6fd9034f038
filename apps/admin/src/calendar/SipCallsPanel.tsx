import { useCallback, useEffect, useState } from 'react';
import { causeName } from '../admin/endpoints/messages';
import { GraphQLRequestError, request } from '../api';
import type { MeetingSipCallsQuery } from '../generated/graphql';
import { type CalendarMessageKey, useCalendarI18n } from './messages';
import { CALL_SIP_PARTICIPANT_AGAIN, HANG_UP_SIP_CALL, MEETING_SIP_CALLS } from './operations';

type MeetingSip = MeetingSipCallsQuery['meeting'];
type SipCall = MeetingSip['sipCalls'][number];

/** How often the live statuses are read again while the panel is open. */
const POLL_MS = 2000;
const CAN_CALL_AGAIN = new Set(['RETRYING', 'FAILED', 'ENDED', 'CANCELLED']);
const CAN_HANG_UP = new Set(['DIALLING', 'RETRYING', 'CONNECTED']);

/**
 * The meeting's SIP side on a reservation's panel: its SIP address (copyable) and the calls it places
 * to the reservation's SIP participants when it opens, with their live status; operators call a
 * participant again or hang up.
 */
export function SipCallsPanel({ reservationId }: { reservationId: string }) {
  const { t, lang } = useCalendarI18n();
  const [meeting, setMeeting] = useState<MeetingSip | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const result = await request(MEETING_SIP_CALLS, { reservationId }, signal);
        setMeeting(result.meeting);
      } catch (e) {
        if (!signal?.aborted) setError(messageOf(e, lang));
      }
    },
    [reservationId, lang],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    const timer = setInterval(() => void load(controller.signal), POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [load]);

  const act = async (call: SipCall, action: 'again' | 'hangUp') => {
    setWorking(call.id);
    setError(null);
    try {
      if (action === 'again') await request(CALL_SIP_PARTICIPANT_AGAIN, { sipCallId: call.id });
      else await request(HANG_UP_SIP_CALL, { sipCallId: call.id });
      await load();
    } catch (e) {
      setError(messageOf(e, lang));
    } finally {
      setWorking(null);
    }
  };

  const copy = async (uri: string) => {
    try {
      await navigator.clipboard.writeText(uri);
      setCopied(true);
      setTimeout(() => setCopied(false), 3000);
    } catch {
      setCopied(false);
    }
  };

  if (!meeting) return error ? <p role="alert" className="error">{error}</p> : null;
  const calls = meeting.sipCalls;
  return (
    <section className="sip-calls" aria-labelledby={`sip-${reservationId}`} data-testid="sip-calls">
      <h4 id={`sip-${reservationId}`}>{t('sip.title')}</h4>
      {meeting.sipUri && (
        <p className="sip-address">
          {t('sip.address')} : <code data-testid="sip-uri">{meeting.sipUri}</code>{' '}
          <button type="button" className="secondary" onClick={() => void copy(meeting.sipUri!)}>
            {t('sip.copy')}
          </button>
          {copied && (
            <span role="status" className="hint" data-testid="sip-copied">
              {' '}
              {t('sip.copied')}
            </span>
          )}
        </p>
      )}
      {calls.length === 0 ? (
        <p className="hint">{meeting.status === 'SCHEDULED' ? t('sip.notYet') : t('sip.none')}</p>
      ) : (
        <ul className="sip-call-list">
          {calls.map((c) => (
            <li key={c.id} data-testid="sip-call" data-status={c.status}>
              <strong>{c.name}</strong> <code>{c.uri}</code>
              <span className={`sip-status sip-${c.status.toLowerCase()}`} data-testid="sip-call-status">
                {' — '}
                {t(`sip.status.${c.status}` as CalendarMessageKey)}
                {c.cause && c.status !== 'CONNECTED' ? ` (${causeName(lang, c.cause)}${c.sipStatus ? `, SIP ${c.sipStatus}` : ''})` : ''}
                {c.attempts > 0 ? ` · ${t('sip.attempts', { count: c.attempts })}` : ''}
              </span>
              <span className="actions">
                {meeting.status === 'OPEN' && CAN_CALL_AGAIN.has(c.status) && (
                  <button type="button" className="secondary" disabled={working === c.id} onClick={() => void act(c, 'again')}>
                    {working === c.id ? t('sip.working') : t('sip.callAgain')}
                  </button>
                )}
                {CAN_HANG_UP.has(c.status) && (
                  <button type="button" className="danger" disabled={working === c.id} onClick={() => void act(c, 'hangUp')}>
                    {working === c.id ? t('sip.working') : t('sip.hangUp')}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="error" data-testid="sip-error">
          {error}
        </p>
      )}
    </section>
  );
}

function messageOf(error: unknown, lang: string): string {
  if (error instanceof GraphQLRequestError) return error.errors.map((e) => (lang === 'fr' ? (e.extensions?.messageFr ?? e.message) : e.message)).join(' ; ');
  return error instanceof Error ? error.message : String(error);
}
