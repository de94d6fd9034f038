/**
 * CSV that spreadsheets open cleanly. RFC 4180: CRLF line ends; every text field between double
 * quotes, with inner quotes doubled (so a `;`, a `,`, a quote or a line break inside stays in its
 * cell). French format: `;` separator and decimal comma, with a UTF-8 byte-order mark so Excel reads
 * the accents right; English: `,` and a decimal point. Numbers are never quoted and have no
 * thousands separator, so both spreadsheets read them as numbers. A text starting with = + - @ is
 * prefixed with an apostrophe so it is not run as a formula (CSV injection).
 */
export type CsvFormat = 'fr' | 'en';

export type Cell = { text: string } | { cents: number } | { int: number } | { decimal: number; digits: number } | null;

export const text = (value: string | null | undefined): Cell => (value === null || value === undefined ? null : { text: value });
export const money = (cents: number): Cell => ({ cents });
export const int = (n: number): Cell => ({ int: n });
/** A decimal number with a fixed number of digits (km, kg, hours). */
export const decimal = (n: number, digits: number): Cell => ({ decimal: n, digits });

export const BOM = '\uFEFF';

function quoteText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function formatCents(cents: number, format: CsvFormat): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}${format === 'fr' ? ',' : '.'}${String(abs % 100).padStart(2, '0')}`;
}

export function toCsv(rows: readonly (readonly Cell[])[], format: CsvFormat): string {
  const sep = format === 'fr' ? ';' : ',';
  const cell = (c: Cell): string => {
    if (c === null) return '';
    if ('text' in c) return quoteText(c.text);
    if ('cents' in c) return formatCents(c.cents, format);
    if ('decimal' in c) return format === 'fr' ? c.decimal.toFixed(c.digits).replace('.', ',') : c.decimal.toFixed(c.digits);
    return String(c.int);
  };
  const body = rows.map((r) => r.map(cell).join(sep)).join('\r\n') + '\r\n';
  return format === 'fr' ? BOM + body : body;
}
