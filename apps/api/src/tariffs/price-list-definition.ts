import type { PriceListVersion } from '@maillage/core';

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
