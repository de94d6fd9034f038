import { useEffect, useRef, useState } from 'react';
import { request } from '../api';
import { formErrorsOf } from '../admin/form-errors';
import type { ConfirmBookingMutation } from '../generated/graphql';
import { useManageI18n } from './messages';
import { CONFIRM_BOOKING } from './operations';
import { period } from './when';

type Confirmed = ConfirmBookingMutation['confirmBooking'];

/** `/confirmer/<token>`: the link of the e-mail of an anonymous booking. Confirms once, then says what happened. */
export function ConfirmBookingPage({ token }: { token: string }) {
  const { t, lang } = useManageI18n();
  const [done, setDone] = useState<Confirmed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const asked = useRef(false);

  useEffect(() => {
    document.title = `${t('confirm.title')} — Maillage`;
    // One request, even under React's double effects in development: the link is single-use.
    if (asked.current) return;
    asked.current = true;
    request(CONFIRM_BOOKING, { token })
      .then((data) => setDone(data.confirmBooking))
      .catch((e: unknown) => setError(formErrorsOf(e, lang).general ?? String(e)))
      .finally(() => requestAnimationFrame(() => heading.current?.focus()));
  }, [token, lang, t]);

  const requested = done?.some((r) => r.status === 'REQUESTED');
  return (
    <section aria-labelledby="confirm-title" className="manage" data-testid="confirm-page">
      <h1 id="confirm-title" ref={heading} tabIndex={-1}>
        {done ? (requested ? t('confirm.requested') : t('confirm.done')) : error ? t('confirm.failed') : t('confirm.title')}
      </h1>
      {!done && !error && <p role="status">{t('confirm.working')}</p>}
      {error && (
        <p role="alert" className="error" data-testid="confirm-error">
          {error}
        </p>
      )}
      {done && (
        <>
          <p role="status" data-testid="confirm-status">
            {requested ? t('confirm.requestedText') : t('confirm.doneText')}
          </p>
          <ul className="plain">
            {done.map((r) => (
              <li key={r.id} data-testid="confirmed-reservation">
                <strong>{r.reference}</strong> — {r.title} — {period(r.start, r.end, lang)}
              </li>
            ))}
          </ul>
          <p className="hint">{t('confirm.manageHint')}</p>
        </>
      )}
    </section>
  );
}
