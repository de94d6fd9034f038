import type { EntityManager } from 'typeorm';
import { type RequesterCategory, type TariffRate, validatePriceList } from '@maillage/core';
import { definitionOf } from './price-list-definition';
import type { PriceListDefinition } from './price-list-definition';

/**
 * Price lists of the field study (seeds/000), for a handful of seeded points. Prices include VAT at
 * 20 % unless said otherwise.
 *  - Territory tariff: "30 € pour les deux heures à 45 € hors territoire, ou de 70 € à 105 € pour la
 *    journée. Deux heures c'est le temps minimum" — 2-hour slots, the day rate as a cap; cheaper for
 *    local associations (the study gives no figure: half price inside the territory); same price day
 *    and night (no surcharge); the EPCI's own staff free.
 *  - Day tariff: 70 € a day inside, 105 € outside.
 *  - Incubator: one hour of videoconference a month included for companies, then 15 € excl. VAT an
 *    hour. Bookings do not record requester groups yet, so the allowance is open to every company
 *    booking the incubator's point (not to tenants only).
 *  - Free: "le tarif est attractif, voire gratuit".
 */
const CATEGORIES: readonly RequesterCategory[] = ['COMPANY', 'ASSOCIATION', 'PUBLIC_SERVICE', 'INDIVIDUAL', 'INTERNAL'];

const base = { currency: 'EUR', vatRateBp: 2000, pricesInclude: 'INCL_VAT', surcharges: [], allowances: [], promotions: [], rounding: 'HALF_UP' } as const;

export const TERRITORY_TARIFF: PriceListDefinition = {
  ...base,
  unit: { kind: 'SLOT', hours: 2 },
  rates: [
    { category: 'COMPANY', territory: 'IN', amountCents: 3000, dayCapCents: 7000 },
    { category: 'COMPANY', territory: 'OUT', amountCents: 4500, dayCapCents: 10500 },
    { category: 'PUBLIC_SERVICE', territory: 'IN', amountCents: 3000, dayCapCents: 7000 },
    { category: 'PUBLIC_SERVICE', territory: 'OUT', amountCents: 4500, dayCapCents: 10500 },
    { category: 'ASSOCIATION', territory: 'IN', amountCents: 1500, dayCapCents: 3500 },
    { category: 'ASSOCIATION', territory: 'OUT', amountCents: 4500, dayCapCents: 10500 },
    { category: 'INDIVIDUAL', territory: 'IN', amountCents: 3000, dayCapCents: 7000 },
    { category: 'INDIVIDUAL', territory: 'OUT', amountCents: 4500, dayCapCents: 10500 },
    { category: 'INTERNAL', territory: 'IN', amountCents: 0 },
  ],
};

export const DAY_TARIFF: PriceListDefinition = {
  ...base,
  unit: { kind: 'DAY' },
  rates: CATEGORIES.filter((c) => c !== 'INTERNAL').flatMap((category): TariffRate[] => [
    { category, territory: 'IN', amountCents: 7000 },
    { category, territory: 'OUT', amountCents: 10500 },
  ]).concat([{ category: 'INTERNAL', territory: 'IN', amountCents: 0 }]),
};

export const INCUBATOR_TARIFF: PriceListDefinition = {
  ...base,
  pricesInclude: 'EXCL_VAT',
  unit: { kind: 'HOUR' },
  rates: [
    { category: 'COMPANY', territory: 'IN', amountCents: 1500 },
    { category: 'COMPANY', territory: 'OUT', amountCents: 2000 },
    { category: 'ASSOCIATION', territory: 'IN', amountCents: 1500 },
    { category: 'PUBLIC_SERVICE', territory: 'IN', amountCents: 1500 },
    { category: 'INTERNAL', territory: 'IN', amountCents: 0 },
  ],
  allowances: [{ id: 'pepiniere-1h', label: 'Forfait pépinière', categories: ['COMPANY'], minutesPerMonth: 60 }],
};

export const FREE_TARIFF: PriceListDefinition = {
  ...base,
  unit: { kind: 'SLOT', hours: 2 },
  rates: CATEGORIES.flatMap((category): TariffRate[] => [
    { category, territory: 'IN', amountCents: 0 },
    { category, territory: 'OUT', amountCents: 0 },
  ]),
};

export const STUDY_PRICE_LISTS: readonly { pointSlug: string; name: string; definition: PriceListDefinition }[] = [
  { pointSlug: 'lannion-tregor-communaute-siege', name: 'Tarif territoire (2 h, plafond journée)', definition: TERRITORY_TARIFF },
  { pointSlug: 'lamballe-communaute-siege', name: 'Tarif à la journée', definition: DAY_TARIFF },
  { pointSlug: 'lannion-tregor-communaute-pole-phoenix', name: 'Pépinière : 1 h par mois incluse', definition: INCUBATOR_TARIFF },
  { pointSlug: 'cc-haut-tregor-hotel-entreprises', name: 'Hôtel d’entreprises : 1 h par mois incluse', definition: INCUBATOR_TARIFF },
  { pointSlug: 'mairie-ouessant-salle-du-conseil', name: 'Gratuit', definition: FREE_TARIFF },
];

export const STUDY_VALID_FROM = '2015-01-01';

/**
 * Gives the study's price lists to those points that have none yet (idempotent: a point with a price
 * list, seeded or set by its administrators, is left alone). Returns the number created.
 */
export async function seedStudyPriceLists(em: EntityManager): Promise<number> {
  let created = 0;
  for (const s of STUDY_PRICE_LISTS) {
    validatePriceList({ ...s.definition, id: s.pointSlug, version: 1, validFrom: STUDY_VALID_FROM }, ['seed', s.pointSlug]);
    const rows: { id: string }[] = await em.query(
      `INSERT INTO price_list (point_id, organisation_id, name)
       SELECT p.id, p.organisation_id, $2 FROM point p
        WHERE p.slug = $1 AND NOT EXISTS (SELECT 1 FROM price_list l WHERE l.point_id = p.id)
       ON CONFLICT DO NOTHING RETURNING id`,
      [s.pointSlug, s.name],
    );
    if (!rows[0]) continue;
    await em.query(`INSERT INTO price_list_version (price_list_id, version, valid_from, definition, created_by) VALUES ($1, 1, $2, $3, 'system:seed')`, [
      rows[0].id,
      STUDY_VALID_FROM,
      JSON.stringify(definitionOf({ ...s.definition, id: rows[0].id, version: 1, validFrom: STUDY_VALID_FROM })),
    ]);
    created++;
  }
  return created;
}
