import { formatPrice } from '../format';
import type { BookingQuoteQuery } from '../generated/graphql';
import { formatDuration } from './booking-time';
import { type BookingMessageKey, useBookingI18n } from './messages';

export type QuoteView = BookingQuoteQuery['quote'];

const KINDS = ['BASE', 'CAP', 'MINIMUM', 'SURCHARGE', 'ALLOWANCE', 'PROMOTION'] as const;

/**
 * Every euro of a quote explained: one row per line (its kind, the API's explanation, quantity × unit),
 * then the totals excl. VAT, VAT and incl. VAT. Amounts are in the price list's basis (TTC or HT).
 */
export function QuoteTable({ quote, caption }: { quote: QuoteView; caption?: string }) {
  const { t, lang } = useBookingI18n();
  const basis = quote.pricesInclude === 'EXCL_VAT' ? 'HT' : 'TTC';
  const basisEn = quote.pricesInclude === 'EXCL_VAT' ? 'excl. VAT' : 'incl. VAT';
  const territory = t(quote.territory === 'IN' ? 'book.territory.IN' : 'book.territory.OUT');
  const kind = (k: string) => ((KINDS as readonly string[]).includes(k) ? t(`book.kind.${k}` as BookingMessageKey) : k);
  return (
    <div className="quote" data-testid="quote">
      <table className="quote-table">
        <caption>{caption ?? t('book.quoteCaption', { version: quote.version, territory })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('book.quoteLine')}</th>
            <th scope="col">{t('book.quoteDetail')}</th>
            <th scope="col" className="amount">
              {t('book.quoteAmount')} {lang === 'fr' ? basis : basisEn}
            </th>
          </tr>
        </thead>
        <tbody>
          {quote.lines.map((line, i) => (
            <tr key={i} data-testid="quote-line">
              <th scope="row">{kind(line.kind)}</th>
              <td>
                {line.label}
                {line.quantity > 1 && (
                  <span className="quote-qty">
                    {' '}
                    ({line.quantity} × {formatPrice(line.unitCents, lang)})
                  </span>
                )}
              </td>
              <td className="amount">{formatPrice(line.amountCents, lang)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              {t('book.totalExcl')}
            </th>
            <td className="amount" data-testid="total-excl">
              {formatPrice(quote.totalExclVatCents, lang)}
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {t('book.vat', { rate: (quote.vatRateBp / 100).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB') })}
            </th>
            <td className="amount">{formatPrice(quote.vatCents, lang)}</td>
          </tr>
          <tr className="total">
            <th scope="row" colSpan={2}>
              {t('book.totalIncl')}
            </th>
            <td className="amount" data-testid="total-incl">
              {quote.totalInclVatCents === 0 ? t('book.free') : formatPrice(quote.totalInclVatCents, lang)}
            </td>
          </tr>
        </tfoot>
      </table>
      {quote.offHoursMinutes > 0 && <p className="hint">{t('book.offHours', { minutes: formatDuration(quote.offHoursMinutes, lang) })}</p>}
      {quote.allowanceUse.map((a) => (
        <p key={a.allowanceId} className="hint">
          {t('book.allowance', { label: a.label, minutes: formatDuration(a.minutes, lang), remaining: formatDuration(a.remainingMinutes, lang) })}
        </p>
      ))}
    </div>
  );
}
