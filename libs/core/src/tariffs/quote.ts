/**
 * The tariff engine: turns a booking and a price-list version into a quote whose lines explain
 * every cent.
 *
 * Order of the lines (each computed on the running amount in the price list's basis):
 *  1. BASE       units × unit price. Units: ceil(duration / unit length) for SLOT, HOUR and HALF_DAY;
 *                local calendar days touched for DAY.
 *  2. CAP        when a day-rate cap applies (the rate's own cap, else the version's): brings the base
 *                down to cap × local calendar days touched by the booking. The cap limits the time
 *                price only.
 *  3. MINIMUM    when the time price (base after cap) is > 0 and below `minimumChargeCents`: tops it up.
 *                "Time price" below = BASE + CAP + MINIMUM.
 *  4. SURCHARGE  on top of the time price, so a capped day in the evening still pays its surcharge:
 *                OFF_HOURS percent × time price × offHoursMinutes / duration; WEEKEND percent × time
 *                price; fixed amounts once per booking. Percent and fixed parts are separate lines.
 *  5. PROMOTION  the first applicable promotion (version order) makes the booking free: one line
 *                cancels everything above. Allowances are then NOT consumed.
 *  6. ALLOWANCE  otherwise, eligible allowances are consumed in the version's order, each covering
 *                min(its remaining minutes this month, minutes not yet covered). An allowance credits
 *                the same share of the time price (never the surcharges):
 *                cumulative credit = round(time price × cumulative covered minutes / duration), so a
 *                fully covered booking credits exactly the time price. Nothing is consumed when the
 *                time price is 0 (a free rate).
 *
 * VAT and rounding (rule 'HALF_UP', half away from zero, to the cent; only totals are rounded):
 *  - prices EXCL_VAT: total excl. = sum of lines; VAT = round(total excl. × rate / 10000); incl. = excl. + VAT.
 *  - prices INCL_VAT: total incl. = sum of lines; excl. = round(total incl. × 10000 / (10000 + rate));
 *    VAT = incl. − excl.
 *  Each line's other-basis amount is the difference of the rounded running totals, so the lines add
 *  up to the totals exactly in both bases.
 */
import { DomainError, invalidInput } from '../errors/domain-error';
import { isValidZone, isoWeekday, localDateOf, localDatesTouched, monthLabelFr, monthOf } from './calendar';
import { exclFromIncl, formatEuros, formatMinutes, mulDivHalfUp, percentToBp, vatOnExcl } from './money';
import { selectVersion, unitMinutes, validatePriceList, validateVersionHistory } from './price-list';
import {
  AllowanceUse,
  PriceListVersion,
  Promotion,
  Quote,
  QuoteLine,
  QuoteLineKind,
  QuoteRequest,
  REQUESTER_CATEGORIES,
  RequesterCategory,
  TERRITORIES,
  TariffUnit,
  Territory,
} from './types';

/** Longest booking the engine will price (31 days). */
export const MAX_BOOKING_MINUTES = 31 * 24 * 60;

/** `details.reason` of the BAD_USER_INPUT thrown when the price list has no rate for the requester. */
export const CATEGORY_NOT_ALLOWED = 'CATEGORY_NOT_ALLOWED';

const CATEGORY_FR: Record<RequesterCategory, string> = {
  COMPANY: 'entreprise',
  ASSOCIATION: 'association',
  PUBLIC_SERVICE: 'service public',
  INDIVIDUAL: 'particulier',
  INTERNAL: 'usage interne',
};
const TERRITORY_FR: Record<Territory, string> = { IN: 'sur le territoire', OUT: 'hors territoire' };

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function unitsLabel(unit: TariffUnit, n: number): string {
  switch (unit.kind) {
    case 'SLOT':
      return `${plural(n, 'créneau', 'créneaux')} de ${formatMinutes(Math.round(unit.hours * 60))}`;
    case 'HOUR':
      return plural(n, 'heure', 'heures');
    case 'HALF_DAY':
      return plural(n, 'demi-journée', 'demi-journées') + (unit.hours !== undefined && unit.hours !== 4 ? ` de ${formatMinutes(Math.round(unit.hours * 60))}` : '');
    case 'DAY':
      return plural(n, 'journée', 'journées');
  }
}

const isWholeNonNegative = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function validateRequest(r: QuoteRequest): void {
  const p = (...rest: (string | number)[]) => ['request', ...rest];
  if (!Number.isSafeInteger(r.start) || r.start % 60_000 !== 0) throw invalidInput(p('start'), 'start must be epoch ms on a whole minute', { messageFr: 'Début de réservation invalide' });
  if (!Number.isSafeInteger(r.end) || r.end % 60_000 !== 0) throw invalidInput(p('end'), 'end must be epoch ms on a whole minute', { messageFr: 'Fin de réservation invalide' });
  if (r.end <= r.start) throw invalidInput(p('end'), 'end must be after start', { messageFr: 'La fin de la réservation doit suivre son début' });
  const minutes = (r.end - r.start) / 60_000;
  if (minutes > MAX_BOOKING_MINUTES) {
    throw invalidInput(p('end'), `A booking lasts at most ${MAX_BOOKING_MINUTES} minutes`, { messageFr: 'Réservation trop longue (31 jours au plus)', details: { minutes } });
  }
  if (!isValidZone(r.timeZone)) throw invalidInput(p('timeZone'), `Unknown time zone ${String(r.timeZone)}`, { messageFr: 'Fuseau horaire inconnu' });
  if (!(REQUESTER_CATEGORIES as readonly string[]).includes(r.category)) {
    throw invalidInput(p('category'), `Unknown requester category ${String(r.category)}`, { messageFr: 'Catégorie de demandeur inconnue', details: { category: String(r.category) } });
  }
  if (!(TERRITORIES as readonly string[]).includes(r.territory)) throw invalidInput(p('territory'), `Unknown territory ${String(r.territory)}`, { messageFr: 'Territoire inconnu (IN ou OUT)' });
  if (!isWholeNonNegative(r.offHoursMinutes) || r.offHoursMinutes > minutes) {
    throw invalidInput(p('offHoursMinutes'), 'offHoursMinutes must be a whole number between 0 and the duration', {
      messageFr: 'Minutes hors horaires invalides',
      details: { offHoursMinutes: r.offHoursMinutes, durationMinutes: minutes },
    });
  }
  if (!isWholeNonNegative(r.priorUsesByRequester)) throw invalidInput(p('priorUsesByRequester'), 'priorUsesByRequester must be a non-negative integer', { messageFr: "Nombre d'utilisations antérieures invalide" });
  for (const [id, used] of Object.entries(r.allowanceBalance ?? {})) {
    if (!isWholeNonNegative(used)) throw invalidInput(p('allowanceBalance', id), 'Used minutes must be a non-negative integer', { messageFr: 'Solde de forfait invalide' });
  }
}

const promotionApplies = (promo: Promotion, r: QuoteRequest, startMonth: string): boolean => {
  if (promo.categories !== undefined && !promo.categories.includes(r.category)) return false;
  return promo.kind === 'FIRST_USE_FREE' ? r.priorUsesByRequester === 0 : promo.months.includes(startMonth);
};

const promotionLabel = (promo: Promotion, startMonth: string): string =>
  promo.kind === 'FIRST_USE_FREE' ? 'Première utilisation offerte' : `Séance offerte en ${monthLabelFr(startMonth)}`;

interface DraftLine {
  kind: QuoteLineKind;
  label: string;
  quantity: number;
  unitCents: number;
  allowanceId?: string;
  minutes?: number;
}

/** Prices a booking with one price-list version (which is validated first). */
export function quote(version: PriceListVersion, request: QuoteRequest): Quote {
  validatePriceList(version, ['priceList']);
  validateRequest(request);

  const rate = version.rates.find((x) => x.category === request.category && x.territory === request.territory);
  if (rate === undefined) {
    throw invalidInput(['request', 'category'], `Price list ${version.id} v${version.version} has no rate for ${request.category}/${request.territory}`, {
      messageFr: `Ce point n’est pas ouvert à cette catégorie de demandeur (${CATEGORY_FR[request.category]}, ${TERRITORY_FR[request.territory]})`,
      details: { reason: CATEGORY_NOT_ALLOWED, category: request.category, territory: request.territory, priceListId: version.id, version: version.version },
    });
  }

  const durationMinutes = (request.end - request.start) / 60_000;
  const days = localDatesTouched(request.start, request.end, request.timeZone);
  const unitLen = unitMinutes(version.unit);
  const units = unitLen === undefined ? days.length : Math.ceil(durationMinutes / unitLen);
  const startMonth = monthOf(localDateOf(request.start, request.timeZone));

  const lines: DraftLine[] = [];
  const running = (): number => lines.reduce((s, l) => s + l.quantity * l.unitCents, 0);
  const add = (kind: QuoteLineKind, label: string, amount: number, extra: Partial<DraftLine> = {}) => lines.push({ kind, label, quantity: 1, unitCents: amount, ...extra });

  // 1. BASE
  const base = units * rate.amountCents;
  lines.push({
    kind: 'BASE',
    label: `${unitsLabel(version.unit, units)}, ${CATEGORY_FR[request.category]}, ${TERRITORY_FR[request.territory]}${rate.amountCents === 0 ? ' (gratuit)' : ''}`,
    quantity: units,
    unitCents: rate.amountCents,
  });

  // 2. CAP
  let timePrice = base;
  const cap = rate.dayCapCents ?? version.dayCapCents;
  if (cap !== undefined && base > cap * days.length) {
    timePrice = cap * days.length;
    add('CAP', `Plafond journalier : ${formatEuros(cap)} × ${plural(days.length, 'jour', 'jours')}`, timePrice - base);
  }

  // 3. MINIMUM
  const minimum = version.minimumChargeCents;
  if (minimum !== undefined && timePrice > 0 && timePrice < minimum) {
    add('MINIMUM', `Minimum de facturation : ${formatEuros(minimum)}`, minimum - timePrice);
    timePrice = minimum;
  }

  // 4. SURCHARGES
  const weekend = request.isWeekend ?? days.some((d) => isoWeekday(d) >= 6);
  for (const s of version.surcharges) {
    const applies = s.when === 'OFF_HOURS' ? request.offHoursMinutes > 0 : weekend;
    if (!applies) continue;
    const what = s.when === 'OFF_HOURS' ? 'hors horaires d’ouverture' : 'week-end';
    if (s.percent !== undefined && s.percent > 0) {
      const bp = percentToBp(s.percent);
      const pct = `${String(s.percent).replace('.', ',')} %`;
      if (s.when === 'OFF_HOURS') {
        const amount = mulDivHalfUp(timePrice, bp * request.offHoursMinutes, 10_000 * durationMinutes);
        add('SURCHARGE', `Majoration ${what} : ${pct} sur ${formatMinutes(request.offHoursMinutes)} de ${formatMinutes(durationMinutes)}`, amount);
      } else {
        add('SURCHARGE', `Majoration ${what} : ${pct}`, mulDivHalfUp(timePrice, bp, 10_000));
      }
    }
    if (s.fixedCents !== undefined && s.fixedCents > 0) add('SURCHARGE', `Forfait ${what}`, s.fixedCents);
  }

  // 5. PROMOTION, else 6. ALLOWANCES
  const allowanceUse: AllowanceUse[] = [];
  const promo = version.promotions.find((p) => promotionApplies(p, request, startMonth));
  if (promo !== undefined) {
    add('PROMOTION', promotionLabel(promo, startMonth), -running());
  } else if (timePrice > 0) {
    let covered = 0;
    let credited = 0;
    for (const a of version.allowances) {
      if (covered >= durationMinutes) break;
      if (!a.categories.includes(request.category)) continue;
      if (a.requesterGroup !== undefined && !(request.requesterGroups ?? []).includes(a.requesterGroup)) continue;
      const remaining = Math.max(0, a.minutesPerMonth - ((request.allowanceBalance ?? {})[a.id] ?? 0));
      const take = Math.min(remaining, durationMinutes - covered);
      if (take <= 0) continue;
      covered += take;
      const cumulativeCredit = mulDivHalfUp(timePrice, covered, durationMinutes);
      const credit = cumulativeCredit - credited;
      credited = cumulativeCredit;
      allowanceUse.push({ allowanceId: a.id, label: a.label, minutes: take, remainingMinutes: remaining - take });
      add('ALLOWANCE', `${a.label} : forfait utilisé pour ${formatMinutes(take)} sur ${formatMinutes(durationMinutes)} (reste ${formatMinutes(remaining - take)} ce mois-ci)`, -credit, {
        allowanceId: a.id,
        minutes: take,
      });
    }
  }

  // VAT split (see the header comment).
  const vatRateBp = version.vatRateBp;
  const otherBasis = (cumulative: number): number =>
    version.pricesInclude === 'EXCL_VAT' ? cumulative + vatOnExcl(cumulative, vatRateBp) : exclFromIncl(cumulative, vatRateBp);
  let cumulative = 0;
  let previousOther = 0;
  const out: QuoteLine[] = lines.map((l) => {
    const amountCents = l.quantity * l.unitCents;
    cumulative += amountCents;
    const other = otherBasis(cumulative);
    const otherAmount = other - previousOther;
    previousOther = other;
    const line: QuoteLine = {
      kind: l.kind,
      label: l.label,
      quantity: l.quantity,
      unitCents: l.unitCents,
      amountCents,
      amountExclVatCents: version.pricesInclude === 'EXCL_VAT' ? amountCents : otherAmount,
      amountInclVatCents: version.pricesInclude === 'EXCL_VAT' ? otherAmount : amountCents,
      ...(l.allowanceId !== undefined ? { allowanceId: l.allowanceId, minutes: l.minutes } : {}),
    };
    return line;
  });
  const total = cumulative;
  const totalExclVatCents = version.pricesInclude === 'EXCL_VAT' ? total : exclFromIncl(total, vatRateBp);
  const totalInclVatCents = version.pricesInclude === 'EXCL_VAT' ? total + vatOnExcl(total, vatRateBp) : total;

  return {
    priceListId: version.id,
    version: version.version,
    currency: 'EUR',
    vatRateBp,
    pricesInclude: version.pricesInclude,
    durationMinutes,
    units,
    localDays: days.length,
    lines: out,
    totalExclVatCents,
    vatCents: totalInclVatCents - totalExclVatCents,
    totalInclVatCents,
    allowanceUse,
  };
}

/**
 * Prices a booking with the version in force on the local date of its start.
 * NOT_FOUND when no version is; the history is validated first.
 */
export function quoteWithHistory(versions: readonly PriceListVersion[], request: QuoteRequest): Quote {
  if (!isValidZone(request.timeZone)) throw invalidInput(['request', 'timeZone'], `Unknown time zone ${String(request.timeZone)}`, { messageFr: 'Fuseau horaire inconnu' });
  validateVersionHistory(versions, ['priceListVersions']);
  const date = localDateOf(request.start, request.timeZone);
  const version = selectVersion(versions, date);
  if (version === null) {
    throw new DomainError('NOT_FOUND', `No price-list version in force on ${date}`, { details: { what: 'PriceListVersion', localDate: date }, messageFr: 'Aucun tarif en vigueur à cette date' });
  }
  return quote(version, request);
}
