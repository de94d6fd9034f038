import { useEffect, useRef, useState } from 'react';
import { request } from '../api';
import type { BookReservationMutation } from '../generated/graphql';
import { clockAt, dayHeading, localDate } from './booking-time';
import type { BookingPoint } from './BookingFlow';
import { useBookingI18n } from './messages';
import { BOOKING_STATUS, FROZEN_QUOTE } from './operations';
import { QuoteTable, type QuoteView } from './QuoteTable';

export interface Booked {
  reservation: BookReservationMutation['book']['reservation'];
  /** Shown once by the API: lets the organiser manage the booking and download its invitation. */
  accessToken: string;
  /** The quote shown when booking: the estimate of a request awaiting approval. */
  estimate: QuoteView | null;
  /** Where the confirmation link was sent (an anonymous booking is HELD until it is followed). */
  organiserEmail: string;
}

/** The organiser's invitation as an iCalendar file (the API's route, with the booking's access token). */
export const icsHref = (reference: string, accessToken: string) => `/ical/reservations/${encodeURIComponent(reference)}.ics?token=${encodeURIComponent(accessToken)}`;

/** While HELD, how often the page asks whether the organiser followed the e-mail's link (in another tab). */
const HELD_POLL_MS = 2000;

export function Confirmation({ point, booked, onAgain }: { point: BookingPoint; booked: Booked; onAgain(): void }) {
  const { t, lang } = useBookingI18n();
  const { accessToken } = booked;
  const [reservation, setReservation] = useState(booked.reservation);
  const confirmed = reservation.status === 'CONFIRMED';
  const held = reservation.status === 'HELD';
  const manageHref = `/reservation/${encodeURIComponent(reservation.reference)}?jeton=${encodeURIComponent(accessToken)}`;
  const [frozen, setFrozen] = useState<QuoteView | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const tz = point.timeZone;

  useEffect(() => heading.current?.focus(), []);
  // Confirmed from the e-mail (another tab): this page says so, with the price kept.
  useEffect(() => {
    if (!held) return;
    const timer = setInterval(() => {
      request(BOOKING_STATUS, { reference: reservation.reference, token: accessToken })
        .then(({ reservationByReference: now }) => {
          if (now.status !== 'HELD') {
            setReservation((r) => ({ ...r, status: now.status }));
            requestAnimationFrame(() => heading.current?.focus());
          }
        })
        .catch(() => undefined);
    }, HELD_POLL_MS);
    return () => clearInterval(timer);
  }, [held, reservation.reference, accessToken]);
  useEffect(() => {
    if (!confirmed) return;
    const controller = new AbortController();
    request(FROZEN_QUOTE, { id: reservation.id, token: accessToken }, controller.signal)
      .then((data) => setFrozen(data.reservationQuote?.quote ?? null))
      .catch(() => undefined); // the estimate stays shown
    return () => controller.abort();
  }, [confirmed, reservation.id, accessToken]);

  const quote = frozen ?? booked.estimate;
  const status = reservation.status === 'CONFIRMED' || reservation.status === 'REQUESTED' || reservation.status === 'HELD' ? t(`done.status.${reservation.status}`) : reservation.status;
  const where = reservation.rooms.map((r) => `${r.roomName}, ${r.pointName}`).join(' ; ');
  return (
    <section className="confirmation" aria-labelledby="book-done" data-testid="confirmation">
      <h3 id="book-done" ref={heading} tabIndex={-1}>
        {held ? t('done.held') : confirmed ? t('done.confirmed') : t('done.requested')}
      </h3>
      {held && (
        <div className="notice" data-testid="check-mailbox">
          <p>{t('done.heldText', { email: booked.organiserEmail, until: reservation.holdExpiresAt ? clockAt(reservation.holdExpiresAt, tz, lang) : '' })}</p>
          <p>{t('done.heldSpam')}</p>
        </div>
      )}
      {!confirmed && !held && <p className="notice">{t('done.requestedText')}</p>}
      <dl className="facts">
        <dt>{t('done.reference')}</dt>
        <dd data-testid="reference">{reservation.reference}</dd>
        <dt>{t('done.status')}</dt>
        <dd data-testid="status">{status}</dd>
        <dt>{t('done.when')}</dt>
        <dd data-testid="when">
          {dayHeading(localDate(Date.parse(reservation.start), tz), lang)}, {clockAt(reservation.start, tz, lang)} – {clockAt(reservation.end, tz, lang)}
        </dd>
        <dt>{t('done.where')}</dt>
        <dd>{where}</dd>
      </dl>
      {quote && <QuoteTable quote={quote} caption={confirmed && frozen ? t('done.priceFrozen') : t('done.priceEstimate')} />}
      <p>
        <a className="button-link" href={icsHref(reservation.reference, accessToken)} download={`${reservation.reference}.ics`} data-testid="ics">
          {t('done.ics')}
        </a>
        <br />
        <span className="hint">{t('done.icsHint')}</span>
      </p>
      <p>
        <a href={manageHref} data-testid="manage-link">
          {t('done.manage')}
        </a>
      </p>
      <div className="token">
        <p>
          <strong>{t('done.token')}</strong> : <code data-testid="access-token">{accessToken}</code>
        </p>
        <p className="hint">{t('done.tokenHint')}</p>
      </div>
      <p>
        <button type="button" className="secondary" onClick={onAgain}>
          {t('done.again')}
        </button>
      </p>
    </section>
  );
}
