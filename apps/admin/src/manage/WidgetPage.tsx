import { lazy, Suspense, useEffect, useState } from 'react';
import { request } from '../api';
import { SelectField } from '../admin/forms';
import type { WidgetPointsQuery } from '../generated/graphql';
import { useManageI18n } from './messages';
import { WIDGET_POINTS } from './operations';

const BookingFlow = lazy(() => import('../booking/BookingFlow').then((m) => ({ default: m.BookingFlow })));

/**
 * `/widget/<organisationId>?cle=<API key>`: the booking flow of an organisation's points, alone on the
 * page, for an EPCI to frame on its own site (`<iframe src=…>`). The API lets only the key's allowed
 * origins frame it (frame-ancestors); the key is not sent with the bookings, which stay a visitor's:
 * confirmed by their organiser's e-mail.
 */
export function WidgetPage({ organisationId, apiKey }: { organisationId: string; apiKey: string | null }) {
  const { t } = useManageI18n();
  const [data, setData] = useState<WidgetPointsQuery | null>(null);
  const [pointId, setPointId] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!apiKey) return;
    request(WIDGET_POINTS, { organisationId })
      .then((d) => {
        setData(d);
        setPointId(d.points.edges[0]?.node.point.id ?? '');
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [organisationId, apiKey]);
  if (!apiKey) return <p role="alert" className="error">{t('widget.noKey')}</p>;
  if (error) return <p role="alert" className="error">{error}</p>;
  if (!data) return <p role="status">…</p>;
  const points = data.points.edges.map((e) => e.node.point);
  return (
    <main className="widget" data-testid="widget">
      <h1>{t('widget.title', { name: data.organisation.name })}</h1>
      {points.length > 1 && <SelectField label={t('widget.choose')} value={pointId} onChange={setPointId} options={points.map((p) => ({ value: p.id, label: `${p.name} (${p.town})` }))} />}
      {pointId && (
        <Suspense fallback={<p role="status">…</p>}>
          <BookingFlow key={pointId} pointId={pointId} />
        </Suspense>
      )}
      <p className="hint">{t('widget.poweredBy')}</p>
    </main>
  );
}
