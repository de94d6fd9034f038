import { lazy, Suspense, useEffect, useState } from 'react';
import { GraphQLRequestError, request } from '../api';
import { formatClock, formatDate, formatInstant, formatPrice } from '../format';
import type { PointPageQuery } from '../generated/graphql';
import type { MessageKey } from '../i18n';
import { useI18n } from '../i18n-context';
import { POINT_PAGE } from '../operations';
import { Link } from '../router';

// The booking flow (issue 7): its own chunk, loaded with the point page, never with the directory.
const BookingFlow = lazy(() => import('../booking/BookingFlow').then((m) => ({ default: m.BookingFlow })));

type Point = PointPageQuery['point'];
type Version = NonNullable<PointPageQuery['tariffs']['current']>;
interface Rate {
  category: string;
  territory: 'IN' | 'OUT';
  amountCents: number;
}
const CATEGORIES = ['COMPANY', 'ASSOCIATION', 'PUBLIC_SERVICE', 'INDIVIDUAL', 'INTERNAL'] as const;

/** The rates of a version's definition (JSON as the tariff engine reads it); anything unexpected is skipped. */
function ratesOf(version: Version): Rate[] {
  const rates = (version.definition as { rates?: unknown } | null)?.rates;
  if (!Array.isArray(rates)) return [];
  return rates.filter((r): r is Rate => typeof r === 'object' && r !== null && typeof r.category === 'string' && (r.territory === 'IN' || r.territory === 'OUT') && typeof r.amountCents === 'number');
}

export function PointPage({ id }: { id: string }) {
  const { t } = useI18n();
  const [data, setData] = useState<PointPageQuery | null>(null);
  // Kept as a kind, not as words: a change of language translates it without loading the page again.
  const [error, setError] = useState<{ notFound: true } | { message: string } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    setData(null);
    setError(null);
    request(POINT_PAGE, { id }, controller.signal)
      .then(setData)
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        const notFound = e instanceof GraphQLRequestError && e.errors.some((x) => x.extensions?.code === 'NOT_FOUND' || x.extensions?.code === 'BAD_USER_INPUT');
        setError(notFound ? { notFound: true } : { message: e instanceof Error ? e.message : String(e) });
      });
    return () => controller.abort();
    // Not on a language change: the page (and a booking in progress in it) stays, only its words change.
  }, [id]);
  useEffect(() => {
    document.title = data ? `${data.point.name} — Maillage` : 'Maillage';
  }, [data]);

  return (
    <article className="point-page">
      <p>
        <Link href="/">← {t('point.back')}</Link>
      </p>
      {error && (
        <p role="alert" className="error">
          {'notFound' in error ? t('point.notFound') : error.message}
        </p>
      )}
      {!data && !error && <p>{t('directory.loading')}</p>}
      {data && <PointDetails point={data.point} tariff={data.tariffs.current} />}
    </article>
  );
}

function PointDetails({ point, tariff }: { point: Point; tariff: Version | null }) {
  const { t, lang } = useI18n();
  const byDay = (weekday: number) => point.openingSchedule.weekly.filter((r) => r.weekday === weekday).sort((a, b) => a.opens.localeCompare(b.opens));
  const state = point.isOpenAt;
  const today = new Date().toISOString().slice(0, 10);
  const exceptions = point.openingSchedule.exceptions.filter((e) => e.date >= today).slice(0, 10);
  return (
    <>
      <h1>{point.name}</h1>
      <p className={`open-state ${state.open ? 'open' : 'closed'}`} data-testid="open-state">
        {state.open ? (state.onRequest ? t('point.openNowOnRequest') : t('point.openNow')) : t('point.closedNow')}
      </p>
      <p>
        <a href="#reserver" className="button-link">
          {t('point.bookJump')}
        </a>
      </p>
      <dl className="facts">
        <dt>{t('point.address')}</dt>
        <dd data-testid="address">
          {point.address}, {point.postcode} {point.town}
        </dd>
        {point.phone && (
          <>
            <dt>{t('point.phone')}</dt>
            <dd>
              <a href={`tel:${point.phone.replace(/\s/g, '')}`}>{point.phone}</a>
            </dd>
          </>
        )}
        <dt>{t('point.host')}</dt>
        <dd>{point.organisation.name}</dd>
        <dt>{t('point.accessPolicy')}</dt>
        <dd>{t(`policy.${point.accessPolicy}`)}</dd>
      </dl>

      <section aria-labelledby="hours-heading">
        <h2 id="hours-heading">{t('point.hours')}</h2>
        <table className="hours" data-testid="hours">
          <thead>
            <tr>
              <th scope="col">{t('point.day')}</th>
              <th scope="col">{t('point.openingHours')}</th>
            </tr>
          </thead>
          <tbody>
            {[1, 2, 3, 4, 5, 6, 7].map((weekday) => {
              const rules = byDay(weekday);
              return (
                <tr key={weekday}>
                  <th scope="row">{t(`weekday.${weekday}` as MessageKey)}</th>
                  <td>
                    {rules.length === 0
                      ? t('point.closed')
                      : rules.map((r) => `${formatClock(r.opens, lang)} – ${formatClock(r.closes, lang)}${r.onRequest ? ` (${t('point.onRequest')})` : ''}`).join(', ')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {point.openingSchedule.closedOnPublicHolidays && <p>{t('point.holidaysClosed')}</p>}
        {exceptions.length > 0 && (
          <>
            <h3>{t('point.exceptions')}</h3>
            <ul>
              {exceptions.map((e) => (
                <li key={e.date}>
                  {formatDate(e.date, lang)} :{' '}
                  {e.kind === 'closed' || !e.ranges?.length ? t('point.closed') : e.ranges.map((r) => `${formatClock(r.opens, lang)} – ${formatClock(r.closes, lang)}`).join(', ')}
                  {e.reason ? ` (${e.reason})` : ''}
                </li>
              ))}
            </ul>
          </>
        )}
        <h3>{t('point.nextOpenings')}</h3>
        <ul data-testid="next-openings">
          {point.nextOpenings.map((o) => (
            <li key={o.start}>
              {formatInstant(o.start, point.timeZone, lang)} – {formatInstant(o.end, point.timeZone, lang)}
              {o.onRequest ? ` (${t('point.onRequest')})` : ''}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="access-heading">
        <h2 id="access-heading">{t('point.accessibility')}</h2>
        <ul className="checks">
          <li>{point.accessibleReducedMobility ? `♿ ${t('point.accessible')}` : t('point.notAccessible')}</li>
          <li>
            {t('point.independentEntrance')} : {point.independentEntrance ? t('yes') : t('no')}
          </li>
          <li>
            {t('point.reception')} : {point.receptionOnSite ? t('yes') : t('no')}
          </li>
          <li>
            {t('point.technician')} : {point.technicianOnSite ? t('yes') : t('no')}
          </li>
        </ul>
      </section>

      <section aria-labelledby="rooms-heading">
        <h2 id="rooms-heading">{t('point.rooms')}</h2>
        {point.rooms.map((room) => (
          <div key={room.id} className="room" data-testid="room">
            <h3>{room.name}</h3>
            <p>
              {t('point.capacity', { count: room.capacity })}, {room.dedicated ? t('point.dedicated') : t('point.shared')}
            </p>
            {room.equipment.length ? (
              <ul aria-label={t('point.equipment')} data-testid="equipment">
                {room.equipment.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : (
              <p>{t('point.noEquipment')}</p>
            )}
          </div>
        ))}
      </section>

      <section aria-labelledby="tariff-heading">
        <h2 id="tariff-heading">{t('point.tariff')}</h2>
        {tariff ? <TariffTable version={tariff} /> : <p>{t('point.noTariff')}</p>}
      </section>

      {point.rulesOfUse && (
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">{t('point.rules')}</h2>
          <p className="rules">{point.rulesOfUse}</p>
        </section>
      )}

      <section aria-labelledby="booking-heading" id="reserver" className="booking-section">
        <h2 id="booking-heading">{t('point.book')}</h2>
        <Suspense fallback={<p role="status">{t('directory.loading')}</p>}>
          <BookingFlow pointId={point.id} />
        </Suspense>
      </section>
    </>
  );
}

function TariffTable({ version }: { version: Version }) {
  const { t, lang } = useI18n();
  const rates = ratesOf(version);
  const unit = t(`unit.${version.unitKind}` as MessageKey, { hours: version.unitHours ?? '' });
  const cell = (category: string, territory: 'IN' | 'OUT') => {
    const rate = rates.find((r) => r.category === category && r.territory === territory);
    return rate ? formatPrice(rate.amountCents, lang) : t('point.notAccepted');
  };
  const vat = version.vatRateBp / 100;
  return (
    <>
      <p>
        {t('point.tariffValid', { version: version.version, from: formatDate(version.validFrom, lang) })} — {version.pricesInclude === 'INCL_VAT' ? t('point.pricesIncl', { vat }) : t('point.pricesExcl', { vat })}, {unit}
      </p>
      <table className="tariff" data-testid="tariff">
        <thead>
          <tr>
            <th scope="col">{t('point.category')}</th>
            <th scope="col">{t('point.inTerritory')}</th>
            <th scope="col">{t('point.outTerritory')}</th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.filter((c) => rates.some((r) => r.category === c)).map((category) => (
            <tr key={category}>
              <th scope="row">{t(`category.${category}`)}</th>
              <td>{cell(category, 'IN')}</td>
              <td>{cell(category, 'OUT')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
