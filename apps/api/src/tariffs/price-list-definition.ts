import type { PriceListVersion } from '@maillage/core';
import type { PriceListVersionInput } from './dtos/tariff.inputs';

/** A price-list version as stored in price_list_version.definition: the engine's version minus ids and validity (columns). */
export type PriceListDefinition = Omit<PriceListVersion, 'id' | 'version' | 'validFrom' | 'validTo'>;

export interface VersionColumns {
  priceListId: string;
  version: number;
  validFrom: string;
  validTo: string | null;
}

/** Rebuilds the engine's PriceListVersion from a row. */
export function toEngineVersion(row: VersionColumns & { definition: PriceListDefinition }): PriceListVersion {
  return {
    ...row.definition,
    id: row.priceListId,
    version: row.version,
    validFrom: row.validFrom,
    ...(row.validTo !== null ? { validTo: row.validTo } : {}),
  };
}

/** The stored part of an engine version. */
export function definitionOf(v: PriceListVersion): PriceListDefinition {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id, version, validFrom, validTo, ...definition } = v;
  return definition;
}

/** Drops null and undefined members, so that GraphQL's explicit nulls read as "absent" for the engine. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** The engine's version from the GraphQL input (types are loose on purpose: the engine validates). */
export function versionFromInput(priceListId: string, version: number, input: PriceListVersionInput): PriceListVersion {
  return compact({
    id: priceListId,
    version,
    validFrom: input.validFrom,
    validTo: input.validTo ?? undefined,
    currency: 'EUR',
    vatRateBp: input.vatRateBp,
    pricesInclude: input.pricesInclude,
    unit: compact({ kind: input.unit?.kind, hours: input.unit?.hours ?? undefined }),
    dayCapCents: input.dayCapCents ?? undefined,
    rates: (input.rates ?? []).map((r) => compact({ category: r.category, territory: r.territory, amountCents: r.amountCents, dayCapCents: r.dayCapCents ?? undefined })),
    surcharges: (input.surcharges ?? []).map((s) => compact({ when: s.when, percent: s.percent ?? undefined, fixedCents: s.fixedCents ?? undefined })),
    allowances: (input.allowances ?? []).map((a) =>
      compact({ id: a.id, label: a.label, categories: a.categories, requesterGroup: a.requesterGroup ?? undefined, minutesPerMonth: a.minutesPerMonth }),
    ),
    promotions: (input.promotions ?? []).map((p) => compact({ kind: p.kind, months: p.months ?? undefined, categories: p.categories ?? undefined })),
    minimumChargeCents: input.minimumChargeCents ?? undefined,
    rounding: 'HALF_UP',
  }) as unknown as PriceListVersion;
}
