/**
 * Price lists built from the study's figures (seeds/000, l. 3722–3726 and 3475–3485), for the specs.
 * Prices are public prices including VAT at 20 % unless said otherwise.
 */
import { DateTime } from 'luxon';
import { PriceListVersion, QuoteRequest } from '../types';

export const PARIS = 'Europe/Paris';

/** Epoch ms of a local wall time in Brittany, e.g. at('2016-03-15T10:00'). */
export const at = (localIso: string): number => DateTime.fromISO(localIso, { zone: PARIS }).toMillis();

/**
 * "Un tarif territoire et un tarif hors-territoire : 30 € pour les deux heures à 45 € hors
 * territoire, ou de 70 € à 105 € pour la journée. Deux heures c'est le temps minimum."
 * Two-hour slots, with the day rate as a cap; cheaper for local associations; same price day and
 * night; the EPCI's own staff use it free. The study gives no figure for associations ("moins cher
 * pour les associations locales"): half price inside the territory here.
 */
export const territoryPriceList: PriceListVersion = {
  id: 'pl-cc-territoire',
  version: 1,
  validFrom: '2015-01-01',
  currency: 'EUR',
  vatRateBp: 2000,
  pricesInclude: 'INCL_VAT',
  unit: { kind: 'SLOT', hours: 2 },
  rates: [
    { category: 'COMPANY', territory: 'IN', amountCents: 3000, dayCapCents: 7000 },
    { category: 'COMPANY', territory: 'OUT', amountCents: 4500, dayCapCents: 10500 },
    { category: 'PUBLIC_SERVICE', territory: 'IN', amountCents: 3000, dayCapCents: 7000 },
    { category: 'PUBLIC_SERVICE', territory: 'OUT', amountCents: 4500, dayCapCents: 10500 },
    { category: 'ASSOCIATION', territory: 'IN', amountCents: 1500, dayCapCents: 3500 },
    { category: 'ASSOCIATION', territory: 'OUT', amountCents: 4500, dayCapCents: 10500 },
    { category: 'INDIVIDUAL', territory: 'IN', amountCents: 3000, dayCapCents: 7000 },
    { category: 'INTERNAL', territory: 'IN', amountCents: 0 },
  ],
  surcharges: [],
  allowances: [],
  promotions: [],
  rounding: 'HALF_UP',
};

/** The same site's day rate as a unit of its own: 70 € inside, 105 € outside. */
export const dayPriceList: PriceListVersion = {
  ...territoryPriceList,
  id: 'pl-cc-journee',
  unit: { kind: 'DAY' },
  rates: [
    { category: 'COMPANY', territory: 'IN', amountCents: 7000 },
    { category: 'COMPANY', territory: 'OUT', amountCents: 10500 },
  ],
};

/**
 * A business incubator: tenants have "une heure par mois de visioconférence" in their package;
 * beyond it, 15 € excl. VAT an hour.
 */
export const incubatorPriceList: PriceListVersion = {
  id: 'pl-pepiniere',
  version: 1,
  validFrom: '2015-01-01',
  currency: 'EUR',
  vatRateBp: 2000,
  pricesInclude: 'EXCL_VAT',
  unit: { kind: 'HOUR' },
  rates: [
    { category: 'COMPANY', territory: 'IN', amountCents: 1500 },
    { category: 'COMPANY', territory: 'OUT', amountCents: 2000 },
  ],
  surcharges: [],
  allowances: [{ id: 'pepiniere-1h', label: 'Forfait pépinière', categories: ['COMPANY'], requesterGroup: 'pepiniere', minutesPerMonth: 60 }],
  promotions: [],
  rounding: 'HALF_UP',
};

/** "Le tarif est attractif, voire gratuit": everyone welcome, nothing to pay. */
export const freePriceList: PriceListVersion = {
  ...territoryPriceList,
  id: 'pl-gratuit',
  rates: (['COMPANY', 'ASSOCIATION', 'PUBLIC_SERVICE', 'INDIVIDUAL', 'INTERNAL'] as const).flatMap((category) =>
    (['IN', 'OUT'] as const).map((territory) => ({ category, territory, amountCents: 0 })),
  ),
};

/** A weekday morning booking by a local company, 10:00–12:00 on Tuesday 15 March 2016. */
export const request = (overrides: Partial<QuoteRequest> = {}): QuoteRequest => ({
  start: at('2016-03-15T10:00'),
  end: at('2016-03-15T12:00'),
  timeZone: PARIS,
  category: 'COMPANY',
  territory: 'IN',
  offHoursMinutes: 0,
  allowanceBalance: {},
  priorUsesByRequester: 3,
  ...overrides,
});
