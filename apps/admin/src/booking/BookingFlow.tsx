import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { request } from '../api';
import type { BookingPointQuery } from '../generated/graphql';
import { addDays, bookableDates, clockAt, dayHeading, defaultDuration, durationChoices, formatDuration, slotsByDay, zonedInstant, type Slot } from './booking-time';
import { type BookingErrors, type BookingField, bookingErrorsOf, NO_BOOKING_ERRORS } from './booking-errors';
import { Confirmation, type Booked } from './Confirmation';
import { InputField, SelectField } from './fields';
import { useBookingI18n } from './messages';
import { BOOKING_AVAILABILITY, BOOKING_POINT } from './operations';
import { type Details, EMPTY_DETAILS, RequestForm } from './RequestForm';
import './booking.css';

export type BookingPoint = BookingPointQuery['point'];

/** The availability query answers at most this many slots; the flow says when the list is cut. */
const SLOT_LIMIT = 200;

interface Search {
  roomId: string;
  duration: number;
  from: string;
  to: string;
  includeOnRequest: boolean;
}

/**
 * The public booking flow of a point page: duration and dates → free slots (`availability`) → a slot →
 * the price (`quote`, every line explained) and the requester's details → `book` → confirmation with the
 * reference, the status and the .ics. A lazy chunk: the directory never loads it.
 */
export function BookingFlow({ pointId }: { pointId: string }) {
  const { t } = useBookingI18n();
  const [point, setPoint] = useState<BookingPoint | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [booked, setBooked] = useState<Booked | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setPoint(null);
    setBooked(null);
    request(BOOKING_POINT, { id: pointId }, controller.signal)
      .then((data) => setPoint(data.point))
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setLoadError(e instanceof Error ? e.message : String(e));
      });
    return () => controller.abort();
  }, [pointId]);

  if (loadError) {
    return (
      <p role="alert" className="error">
        {t('book.serviceError', { message: loadError })}
      </p>
    );
  }
  if (!point) return <p role="status">{t('book.searching')}</p>;
  if (booked) return <Confirmation point={point} booked={booked} onAgain={() => setBooked(null)} />;
  return <SlotSearch key={point.id} point={point} onBooked={setBooked} />;
}

function SlotSearch({ point, onBooked }: { point: BookingPoint; onBooked(booked: Booked): void }) {
  const { t, tp, lang } = useBookingI18n();
  const policy = point.bookingPolicy;
  const tz = point.timeZone;
  const durations = useMemo(() => durationChoices(policy), [policy]);
  const dates = useMemo(() => bookableDates(Date.now(), policy, tz), [policy, tz]);
  const [form, setForm] = useState<Search>(() => ({
    roomId: point.rooms[0]?.id ?? '',
    duration: defaultDuration(durations),
    from: dates.first,
    to: addDays(dates.first, 6) < dates.last ? addDays(dates.first, 6) : dates.last,
    includeOnRequest: false,
  }));
  const [searched, setSearched] = useState<Search | null>(null);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [errors, setErrors] = useState<BookingErrors>(NO_BOOKING_ERRORS);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [slotNotice, setSlotNotice] = useState<string | null>(null);
  // Kept when the slot changes or is taken meanwhile: the requester types them once.
  const [details, setDetails] = useState<Details>(EMPTY_DETAILS);
  const slotsHeading = useRef<HTMLHeadingElement>(null);
  const wording = (field: BookingField) => t(`book.invalid.${field}`);

  const runSearch = async (search: Search) => {
    setSearching(true);
    setErrors(NO_BOOKING_ERRORS);
    setChosen(null);
    try {
      const data = await request(BOOKING_AVAILABILITY, {
        input: {
          roomIds: [search.roomId],
          durationMinutes: search.duration,
          from: new Date(zonedInstant(search.from, 0, tz)).toISOString(),
          to: new Date(zonedInstant(addDays(search.to, 1), 0, tz)).toISOString(),
          includeOnRequest: search.includeOnRequest,
          limit: SLOT_LIMIT,
        },
      });
      setSlots(data.availability.slots);
      setSearched(search);
      requestAnimationFrame(() => slotsHeading.current?.focus());
    } catch (e) {
      setErrors(bookingErrorsOf(e, lang, wording, t('book.slotTaken')));
      setSlots(null);
      setSearched(null);
    } finally {
      setSearching(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSlotNotice(null);
    void runSearch(form);
  };

  /** The slot was taken meanwhile: fresh slots, and the reason above them. */
  const onSlotTaken = (message: string) => {
    if (!searched) return;
    void runSearch(searched).then(() => setSlotNotice(message));
  };

  const room = point.rooms.find((r) => r.id === searched?.roomId) ?? point.rooms[0];
  const days = slots ? slotsByDay(slots, tz) : [];
  const needsApproval = (category: string) => (policy.approvalCategories as readonly string[]).includes(category);

  if (point.rooms.length === 0) return <p>{tp('point.noEquipment')}</p>;

  return (
    <div className="booking" data-testid="booking">
      <p>{t('book.intro')}</p>
      <form className="booking-search" onSubmit={submit} noValidate aria-labelledby="book-when">
        <h3 id="book-when">{t('book.when')}</h3>
        <div className="filters">
          {point.rooms.length > 1 && (
            <SelectField
              field="room"
              label={t('book.room')}
              value={form.roomId}
              options={point.rooms.map((r) => ({ value: r.id, label: t('book.roomOption', { name: r.name, count: r.capacity }) }))}
              onChange={(roomId) => setForm({ ...form, roomId })}
              error={errors.fields.room}
            />
          )}
          <SelectField
            field="duration"
            label={t('book.duration')}
            value={String(form.duration)}
            options={durations.map((m) => ({ value: String(m), label: formatDuration(m, lang) }))}
            onChange={(v) => setForm({ ...form, duration: Number(v) })}
            error={errors.fields.duration}
            className="narrow"
          />
          <InputField field="from" type="date" label={t('book.from')} value={form.from} min={dates.first} max={dates.last} onChange={(from) => setForm({ ...form, from })} error={errors.fields.from} className="date" />
          <InputField field="to" type="date" label={t('book.to')} value={form.to} min={dates.first} max={dates.last} onChange={(to) => setForm({ ...form, to })} error={errors.fields.to} className="date" />
          <p className="hint dates-hint">{t('book.datesHint', { first: dayHeading(dates.first, lang), last: dayHeading(dates.last, lang) })}</p>
          <div className="field checkbox">
            <input id="book-on-request" type="checkbox" checked={form.includeOnRequest} onChange={(e) => setForm({ ...form, includeOnRequest: e.target.checked })} />
            <label htmlFor="book-on-request">{t('book.includeOnRequest')}</label>
          </div>
          <div className="actions">
            <button type="submit" className="primary" disabled={searching}>
              {searching ? t('book.searching') : t('book.search')}
            </button>
          </div>
        </div>
        {errors.general && (
          <p role="alert" className="error">
            {errors.general}
          </p>
        )}
      </form>

      {slots && searched && (
        <section className="slots" aria-labelledby="book-slots">
          <h3 id="book-slots" ref={slotsHeading} tabIndex={-1}>
            {t('book.slots')}
          </h3>
          <p role="status" data-testid="slots-summary">
            {slots.length ? t('book.slotsFound', { count: slots.length, duration: formatDuration(searched.duration, lang) }) : t('book.noSlots')}
          </p>
          {slotNotice && (
            <p role="alert" className="error" data-testid="slot-taken">
              {slotNotice}
            </p>
          )}
          {slots.length >= SLOT_LIMIT && <p className="hint">{t('book.slotsTruncated', { count: SLOT_LIMIT })}</p>}
          <div className="slot-days">
            {days.map((day) => (
              <fieldset key={day.date} className="slot-day" data-testid="slot-day">
                <legend>{dayHeading(day.date, lang)}</legend>
                <div className="slot-chips">
                  {day.slots.map((slot) => {
                    const label = t('book.slotLabel', { start: clockAt(slot.start, tz, lang), end: clockAt(slot.end, tz, lang) });
                    const checked = chosen?.start === slot.start;
                    return (
                      <label key={slot.start} className={`slot-chip${slot.onRequest ? ' on-request' : ''}${checked ? ' checked' : ''}`} data-testid="slot">
                        <input
                          type="radio"
                          name="slot"
                          value={slot.start}
                          checked={checked}
                          onChange={() => {
                            setChosen(slot);
                            setSlotNotice(null);
                          }}
                        />
                        <span>{label}</span>
                        {slot.onRequest && (
                          <>
                            {' '}
                            <span className="tag">{t('book.onRequest')}</span>
                          </>
                        )}
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            ))}
          </div>
        </section>
      )}

      {chosen && searched && room && (
        <RequestForm
          point={point}
          room={room}
          slot={chosen}
          details={details}
          onDetails={setDetails}
          needsApproval={needsApproval}
          onBooked={onBooked}
          onSlotTaken={onSlotTaken}
        />
      )}
    </div>
  );
}
