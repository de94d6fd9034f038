import { useEffect, useRef, useState, type FormEvent } from 'react';
import { GraphQLRequestError, request } from '../api';
import type { Purpose, RequesterCategory } from '../generated/graphql';
import { clockAt, dayHeading, localDate, type Slot } from './booking-time';
import { type BookingErrors, type BookingField, bookingErrorsOf, NO_BOOKING_ERRORS } from './booking-errors';
import type { BookingPoint } from './BookingFlow';
import type { Booked } from './Confirmation';
import { InputField, SelectField } from './fields';
import { type BookingMessageKey, useBookingI18n } from './messages';
import { BOOK_RESERVATION, BOOKING_QUOTE } from './operations';
import { QuoteTable, type QuoteView } from './QuoteTable';

export const CATEGORIES: readonly RequesterCategory[] = ['COMPANY', 'ASSOCIATION', 'PUBLIC_SERVICE', 'INDIVIDUAL', 'INTERNAL'];
const PURPOSES: readonly Purpose[] = ['COORDINATION', 'ADMINISTRATION', 'TECHNICAL_FOLLOW_UP', 'TRAINING', 'CLIENT_RELATIONS', 'RECRUITMENT', 'HEALTH', 'EDUCATION', 'CULTURE', 'OTHER'];
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Details {
  category: RequesterCategory | '';
  postcode: string;
  name: string;
  email: string;
  phone: string;
  title: string;
  purpose: Purpose | '';
  participants: string;
}

export const EMPTY_DETAILS: Details = { category: '', postcode: '', name: '', email: '', phone: '', title: '', purpose: '', participants: '' };

type QuoteState = { status: 'idle' } | { status: 'loading'; previous: QuoteView | null } | { status: 'ok'; quote: QuoteView } | { status: 'error'; errors: BookingErrors };

interface Props {
  point: BookingPoint;
  room: BookingPoint['rooms'][number];
  slot: Slot;
  details: Details;
  onDetails(details: Details): void;
  needsApproval(category: string): boolean;
  onBooked(booked: Booked): void;
  onSlotTaken(message: string): void;
}

/** The price of the chosen slot for the requester (live), the requester's details, and the booking. */
export function RequestForm({ point, room, slot, details, onDetails, needsApproval, onBooked, onSlotTaken }: Props) {
  const { t, tp, lang } = useBookingI18n();
  const tz = point.timeZone;
  const [quote, setQuote] = useState<QuoteState>({ status: 'idle' });
  const [errors, setErrors] = useState<BookingErrors>(NO_BOOKING_ERRORS);
  const [submitting, setSubmitting] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const wording = (field: BookingField) => t(`book.invalid.${field}`);
  const set = (patch: Partial<Details>) => onDetails({ ...details, ...patch });

  // The quote follows the slot, the category, the postcode (empty or 5 characters) and a complete e-mail (allowances).
  const postcode = details.postcode.trim();
  const quotePostcode = postcode.length === 0 || postcode.length >= 5 ? postcode : null;
  const quoteEmail = LOOKS_LIKE_EMAIL.test(details.email.trim()) ? details.email.trim() : null;
  useEffect(() => {
    if (!details.category || quotePostcode === null) {
      if (!details.category) setQuote({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setQuote((q) => ({ status: 'loading', previous: q.status === 'ok' ? q.quote : q.status === 'loading' ? q.previous : null }));
    const timer = setTimeout(() => {
      request(
        BOOKING_QUOTE,
        {
          input: {
            roomIds: [room.id],
            start: slot.start,
            end: slot.end,
            requesterCategory: details.category as RequesterCategory,
            requesterPostcode: quotePostcode || null,
            requesterEmail: quoteEmail,
          },
        },
        controller.signal,
      )
        .then((data) => setQuote({ status: 'ok', quote: data.quote }))
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setQuote({ status: 'error', errors: bookingErrorsOf(e, lang, wording, t('book.slotTaken')) });
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `wording` and `t` change with `lang`, which is listed.
  }, [room.id, slot.start, slot.end, details.category, quotePostcode, quoteEmail, lang]);

  useEffect(() => {
    if (Object.keys(errors.fields).length) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const quoteErrors = quote.status === 'error' ? quote.errors : NO_BOOKING_ERRORS;
  const fieldError = (field: BookingField) => errors.fields[field] ?? quoteErrors.fields[field];
  const approval = slot.onRequest || (details.category !== '' && needsApproval(details.category));
  const shownQuote = quote.status === 'ok' ? quote.quote : quote.status === 'loading' ? quote.previous : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: Partial<Record<BookingField, string>> = {};
    const required = t('book.required');
    if (!details.category) missing.category = required;
    if (!details.name.trim()) missing.name = required;
    if (!details.email.trim()) missing.email = required;
    if (!details.title.trim()) missing.title = required;
    if (!details.purpose) missing.purpose = required;
    if (details.participants.trim() && !/^\d+$/.test(details.participants.trim())) missing.participants = t('book.invalid.participants');
    if (Object.keys(missing).length) {
      setErrors({ fields: missing, general: null, slotTaken: false });
      return;
    }
    setSubmitting(true);
    setErrors(NO_BOOKING_ERRORS);
    try {
      const participants = details.participants.trim() ? Number(details.participants.trim()) : null;
      const { book } = await request(BOOK_RESERVATION, {
        input: {
          title: details.title.trim(),
          rooms: [{ roomId: room.id, expectedParticipants: participants }],
          start: slot.start,
          end: slot.end,
          organiser: { name: details.name.trim(), email: details.email.trim(), phone: details.phone.trim() || null },
          requesterCategory: details.category as RequesterCategory,
          requesterPostcode: postcode || null,
          purpose: details.purpose as Purpose,
          participants: [],
        },
      });
      onBooked({ reservation: book.reservation, accessToken: book.accessToken, estimate: shownQuote, organiserEmail: details.email.trim() });
    } catch (e) {
      const found = bookingErrorsOf(e, lang, wording, t('book.slotTaken'));
      if (found.slotTaken) onSlotTaken(t('book.slotTaken'));
      else setErrors(found.general || Object.keys(found.fields).length ? found : { ...found, general: e instanceof GraphQLRequestError ? e.message : String(e) });
    } finally {
      setSubmitting(false);
    }
  };

  const errorCount = Object.keys(errors.fields).length;
  return (
    <form ref={form} className="booking-request" onSubmit={submit} noValidate>
      <p className="chosen" data-testid="chosen-slot">
        {t('book.chosen', { day: dayHeading(localDate(Date.parse(slot.start), tz), lang), start: clockAt(slot.start, tz, lang), end: clockAt(slot.end, tz, lang) })}
      </p>
      {errors.fields.slot && (
        <p className="field-error" data-testid="error-slot">
          {errors.fields.slot}
        </p>
      )}
      {slot.onRequest && <p className="notice">{t('book.chosenOnRequest')}</p>}

      <section aria-labelledby="book-tariff">
        <h3 id="book-tariff">{t('book.tariff')}</h3>
        <div className="filters">
          <SelectField
            field="category"
            label={t('book.category')}
            value={details.category}
            placeholder={t('book.categoryChoose')}
            options={CATEGORIES.map((c) => ({ value: c, label: tp(`category.${c}`) }))}
            onChange={(category) => set({ category })}
            error={fieldError('category')}
            hint={details.category && needsApproval(details.category) ? t('book.categoryNeedsApproval') : undefined}
            required
          />
          <InputField
            field="postcode"
            label={t('book.postcode')}
            value={details.postcode}
            onChange={(v) => set({ postcode: v })}
            hint={t('book.postcodeHint')}
            error={fieldError('postcode')}
            autoComplete="postal-code"
            inputMode="numeric"
            className="narrow"
          />
        </div>
        <div aria-live="polite" className="quote-area">
          {!details.category && <p className="hint">{t('book.quoteWaiting')}</p>}
          {quote.status === 'loading' && !shownQuote && <p>{t('book.quoteLoading')}</p>}
          {shownQuote && <QuoteTable quote={shownQuote} />}
          {quoteErrors.general && <p className="error">{quoteErrors.general}</p>}
        </div>
      </section>

      <section aria-labelledby="book-details">
        <h3 id="book-details">{t('book.details')}</h3>
        <div className="filters details">
          <InputField field="name" label={t('book.name')} value={details.name} onChange={(v) => set({ name: v })} error={fieldError('name')} autoComplete="name" required />
          <InputField field="email" type="email" label={t('book.email')} value={details.email} onChange={(v) => set({ email: v })} hint={t('book.emailHint')} error={fieldError('email')} autoComplete="email" inputMode="email" required />
          <InputField field="phone" type="tel" label={t('book.phone')} value={details.phone} onChange={(v) => set({ phone: v })} error={fieldError('phone')} autoComplete="tel" inputMode="tel" />
          <InputField field="title" label={t('book.title')} value={details.title} onChange={(v) => set({ title: v })} hint={t('book.titleHint')} error={fieldError('title')} required />
          <SelectField
            field="purpose"
            label={t('book.purpose')}
            value={details.purpose}
            placeholder={t('book.purposeChoose')}
            options={PURPOSES.map((p) => ({ value: p, label: t(`purpose.${p}` as BookingMessageKey) }))}
            onChange={(purpose) => set({ purpose })}
            error={fieldError('purpose')}
            required
          />
          <InputField
            field="participants"
            type="number"
            label={t('book.participants')}
            value={details.participants}
            onChange={(v) => set({ participants: v })}
            hint={tp('point.capacity', { count: room.capacity })}
            error={fieldError('participants')}
            inputMode="numeric"
            min="1"
            max={String(room.capacity)}
            className="narrow"
          />
        </div>
      </section>

      {(errorCount > 0 || errors.general) && (
        <p role="alert" className="error" data-testid="booking-error">
          {[errorCount > 0 ? t('book.errorsSummary') : null, errors.general].filter(Boolean).join(' ')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={submitting}>
          {submitting ? t('book.submitting') : approval ? t('book.submitRequest') : t('book.submit')}
        </button>
      </div>
    </form>
  );
}
