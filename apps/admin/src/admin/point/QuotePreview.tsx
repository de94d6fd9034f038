import { useEffect, useMemo, useState } from 'react';
import { GraphQLRequestError, request } from '../../api';
import { formatPrice } from '../../format';
import type { PreviewQuoteQuery, RequesterCategory } from '../../generated/graphql';
import { SelectField, TextField } from '../forms';
import { useAdminI18n } from '../messages';
import { PREVIEW_QUOTE } from '../operations';
import { nextWeekday, todayIn, zonedIso } from '../time';
import type { AdminPoint } from './PointEditorPage';
import { CATEGORIES, versionInputOf, type TariffDraft } from './tariff-draft';

type Quote = PreviewQuoteQuery['quote'];
type Outcome = { kind: 'idle' } | { kind: 'loading' } | { kind: 'quote'; quote: Quote } | { kind: 'error'; message: string };

const DEBOUNCE_MS = 350;

/**
 * The live quote preview: a sample booking (day, start, duration, category, postcode) priced by the
 * `quote` query with the draft being edited, and with the version published today, asked again
 * whenever the draft, the sample or the published versions change.
 */
export function QuotePreview({ point, draft, publishedVersions }: { point: AdminPoint; draft: TariffDraft; publishedVersions: number }) {
  const published = publishedVersions > 0;
  const { t, tp, lang } = useAdminI18n();
  const [date, setDate] = useState(() => nextWeekday(todayIn(point.timeZone), 2));
  const [time, setTime] = useState('10:00');
  const [hours, setHours] = useState('2');
  const [category, setCategory] = useState<RequesterCategory>('COMPANY');
  const [postcode, setPostcode] = useState(point.postcode);
  const [withDraft, setWithDraft] = useState<Outcome>({ kind: 'idle' });
  const [current, setCurrent] = useState<Outcome>({ kind: 'idle' });
  const room = point.rooms[0];
  const version = useMemo(() => versionInputOf(draft), [draft]);

  useEffect(() => {
    const start = zonedIso(date, time, point.timeZone);
    const minutes = Math.round(Number(hours.replace(',', '.')) * 60);
    if (!room || !start || !(minutes > 0)) {
      setWithDraft({ kind: 'error', message: t('preview.incomplete') });
      setCurrent({ kind: 'idle' });
      return;
    }
    const end = new Date(Date.parse(start) + minutes * 60_000).toISOString();
    const input = { roomIds: [room.id], start, end, requesterCategory: category, requesterPostcode: /^\d{5}$/.test(postcode) ? postcode : null };
    const controller = new AbortController();
    const describe = (e: unknown) => {
      if (e instanceof GraphQLRequestError) return e.errors.map((x) => (lang === 'fr' ? (x.extensions?.messageFr ?? x.message) : x.message) + (x.extensions?.field ? ` (${x.extensions.field.join('.')})` : '')).join(' ; ');
      return e instanceof Error ? e.message : String(e);
    };
    const timer = setTimeout(() => {
      if (version.invalid.length) setWithDraft({ kind: 'error', message: t('tariff.notANumber') });
      else {
        setWithDraft({ kind: 'loading' });
        request(PREVIEW_QUOTE, { input, draft: version.input }, controller.signal)
          .then((data) => setWithDraft({ kind: 'quote', quote: data.quote }))
          .catch((e: unknown) => !controller.signal.aborted && setWithDraft({ kind: 'error', message: describe(e) }));
      }
      if (published) {
        setCurrent({ kind: 'loading' });
        request(PREVIEW_QUOTE, { input, draft: null }, controller.signal)
          .then((data) => setCurrent({ kind: 'quote', quote: data.quote }))
          .catch((e: unknown) => !controller.signal.aborted && setCurrent({ kind: 'error', message: describe(e) }));
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [date, time, hours, category, postcode, version, published, publishedVersions, room, point.timeZone, t, lang]);

  const total = (q: Quote) => formatPrice(q.pricesInclude === 'EXCL_VAT' ? q.totalExclVatCents : q.totalInclVatCents, lang);
  return (
    <aside className="quote-preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('preview.title')}</h3>
      <p className="hint">{t('preview.hint')}</p>
      <div className="form-grid">
        <TextField className="narrow" label={t('preview.date')} type="date" value={date} onChange={setDate} />
        <TextField className="narrow" label={t('preview.start')} hint={t('hours.timeHint')} inputMode="numeric" value={time} onChange={setTime} />
        <TextField className="narrow" label={t('preview.hours')} inputMode="decimal" value={hours} onChange={setHours} />
        <SelectField label={t('tariff.category')} value={category} onChange={setCategory} options={CATEGORIES.map((c) => ({ value: c, label: tp(`category.${c}`) }))} />
        <TextField className="narrow" label={t('preview.postcode')} inputMode="numeric" value={postcode} onChange={setPostcode} />
      </div>
      <div aria-live="polite" data-testid="quote-preview">
        <h4>{t('preview.draft')}</h4>
        {withDraft.kind === 'loading' && <p>{t('admin.loading')}</p>}
        {withDraft.kind === 'error' && <p className="error">{withDraft.message}</p>}
        {withDraft.kind === 'quote' && (
          <>
            <table className="admin-table" data-testid="preview-lines">
              <tbody>
                {withDraft.quote.lines.map((l, i) => (
                  <tr key={i}>
                    <th scope="row">{l.label}</th>
                    <td>{formatPrice(l.amountCents, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="total" data-testid="preview-total">
              {t('preview.total', { total: total(withDraft.quote), basis: withDraft.quote.pricesInclude === 'EXCL_VAT' ? t('tariff.exclVatShort') : t('tariff.inclVatShort') })}
            </p>
            <p className="hint">
              {t('preview.detail', {
                territory: withDraft.quote.territory === 'IN' ? t('tariff.in') : t('tariff.out'),
                units: withDraft.quote.units,
                offHours: withDraft.quote.offHoursMinutes,
                vat: formatPrice(withDraft.quote.vatCents, lang),
              })}
            </p>
          </>
        )}
        {published && (
          <p data-testid="preview-current">
            {current.kind === 'quote'
              ? t('preview.current', { total: total(current.quote), version: current.quote.version })
              : current.kind === 'error'
                ? t('preview.currentNone', { message: current.message })
                : ''}
          </p>
        )}
      </div>
    </aside>
  );
}
