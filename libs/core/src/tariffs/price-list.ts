/** Validation of price-list versions and of a version history; selection of the version in force. */
import { DomainError, invalidInput } from '../errors/domain-error';
import { isIsoDate, isIsoMonth } from './calendar';
import { PriceListVersion, REQUESTER_CATEGORIES, RequesterCategory, TERRITORIES, Territory } from './types';

type Path = ReadonlyArray<string | number>;

/** Largest amount accepted in a price list (1 000 000 €), so that every product stays a safe integer. */
export const MAX_PRICE_CENTS = 100_000_000;

const isCents = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 && n <= MAX_PRICE_CENTS;
const isCategory = (c: unknown): c is RequesterCategory => typeof c === 'string' && (REQUESTER_CATEGORIES as readonly string[]).includes(c);
const isTerritory = (t: unknown): t is Territory => typeof t === 'string' && (TERRITORIES as readonly string[]).includes(t);
const isList = (x: unknown): x is readonly unknown[] => Array.isArray(x);
const isNonEmpty = (s: unknown): s is string => typeof s === 'string' && s.trim().length > 0;

const bad = (path: Path, message: string, messageFr: string, details: Record<string, unknown> = {}): DomainError =>
  invalidInput(path, message, { messageFr, details });

function requireCents(value: unknown, path: Path, what: string): void {
  if (value === undefined) return;
  if (!isCents(value)) {
    throw bad(path, `${what} must be an integer number of cents between 0 and ${MAX_PRICE_CENTS}`, `${what} : montant invalide (centimes entiers, positifs ou nuls)`, {
      value: typeof value === 'number' ? value : String(value),
    });
  }
}

/** Unit length in minutes for SLOT / HOUR / HALF_DAY; undefined for DAY. */
export function unitMinutes(unit: PriceListVersion['unit']): number | undefined {
  switch (unit.kind) {
    case 'SLOT':
      return Math.round(unit.hours * 60);
    case 'HOUR':
      return 60;
    case 'HALF_DAY':
      return Math.round((unit.hours ?? 4) * 60);
    case 'DAY':
      return undefined;
  }
}

function validateUnit(unit: PriceListVersion['unit'], path: Path): void {
  const kind: unknown = unit?.kind;
  if (kind !== 'SLOT' && kind !== 'HOUR' && kind !== 'HALF_DAY' && kind !== 'DAY') {
    throw bad([...path, 'kind'], `Unknown unit kind ${String(kind)}`, 'Unité de tarification inconnue');
  }
  if (unit.kind === 'SLOT' || (unit.kind === 'HALF_DAY' && unit.hours !== undefined)) {
    const hours: unknown = unit.hours;
    const ok = typeof hours === 'number' && Number.isFinite(hours) && hours > 0 && hours <= 24 && Number.isInteger(Math.round(hours * 60 * 1e6) / 1e6);
    if (!ok) {
      throw bad([...path, 'hours'], 'Unit length must be a whole number of minutes between 1 min and 24 h', "Durée de l'unité invalide (minutes entières, au plus 24 h)", {
        hours: String(hours),
      });
    }
  }
}

/**
 * Checks one version. Throws `DomainError` BAD_USER_INPUT with the path of the first offending field
 * (prefixed by `path`). Returns the version unchanged for chaining.
 */
export function validatePriceList(v: PriceListVersion, path: Path = []): PriceListVersion {
  if (!isNonEmpty(v.id)) throw bad([...path, 'id'], 'Price list id is required', 'Identifiant de grille tarifaire requis');
  if (typeof v.version !== 'number' || !Number.isSafeInteger(v.version) || v.version < 1) {
    throw bad([...path, 'version'], 'Version must be a positive integer', 'Numéro de version invalide');
  }
  if (!isIsoDate(v.validFrom)) throw bad([...path, 'validFrom'], 'validFrom must be a YYYY-MM-DD date', 'Date de début de validité invalide');
  if (v.validTo !== undefined) {
    if (!isIsoDate(v.validTo)) throw bad([...path, 'validTo'], 'validTo must be a YYYY-MM-DD date', 'Date de fin de validité invalide');
    if (v.validTo <= v.validFrom) {
      throw bad([...path, 'validTo'], 'validTo (exclusive) must be after validFrom', 'La fin de validité doit suivre le début', {
        validFrom: v.validFrom,
        validTo: v.validTo,
      });
    }
  }
  if (v.currency !== 'EUR') throw bad([...path, 'currency'], 'Only EUR is supported', 'Seul l’euro est accepté');
  if (typeof v.vatRateBp !== 'number' || !Number.isInteger(v.vatRateBp) || v.vatRateBp < 0 || v.vatRateBp > 10_000) {
    throw bad([...path, 'vatRateBp'], 'VAT rate must be an integer between 0 and 10000 basis points', 'Taux de TVA invalide (entre 0 et 100 %)', {
      vatRateBp: v.vatRateBp,
    });
  }
  if (v.pricesInclude !== 'EXCL_VAT' && v.pricesInclude !== 'INCL_VAT') {
    throw bad([...path, 'pricesInclude'], 'pricesInclude must be EXCL_VAT or INCL_VAT', 'Base des prix invalide (HT ou TTC)');
  }
  validateUnit(v.unit, [...path, 'unit']);
  requireCents(v.dayCapCents, [...path, 'dayCapCents'], 'Plafond journalier');
  requireCents(v.minimumChargeCents, [...path, 'minimumChargeCents'], 'Minimum de facturation');
  if (v.rounding !== 'HALF_UP') throw bad([...path, 'rounding'], 'Only HALF_UP rounding is supported', 'Règle d’arrondi inconnue');

  if (!isList(v.rates)) throw bad([...path, 'rates'], 'rates must be a list', 'Liste de tarifs requise');
  const seen = new Set<string>();
  v.rates.forEach((r, i) => {
    const p = [...path, 'rates', i];
    if (!isCategory(r.category)) {
      throw bad([...p, 'category'], `Unknown requester category ${String(r.category)}`, 'Catégorie de demandeur inconnue', {
        category: String(r.category),
        allowed: [...REQUESTER_CATEGORIES],
      });
    }
    if (!isTerritory(r.territory)) throw bad([...p, 'territory'], `Unknown territory ${String(r.territory)}`, 'Territoire inconnu (IN ou OUT)');
    requireCents(r.amountCents, [...p, 'amountCents'], 'Prix');
    if (r.amountCents === undefined) throw bad([...p, 'amountCents'], 'amountCents is required', 'Prix requis');
    requireCents(r.dayCapCents, [...p, 'dayCapCents'], 'Plafond journalier');
    const key = `${r.category}/${r.territory}`;
    if (seen.has(key)) throw bad(p, `Duplicate rate for ${key}`, 'Tarif en double pour cette catégorie et ce territoire', { category: r.category, territory: r.territory });
    seen.add(key);
    const cap = r.dayCapCents ?? v.dayCapCents;
    if (cap !== undefined && v.minimumChargeCents !== undefined && v.minimumChargeCents > cap) {
      throw bad([...path, 'minimumChargeCents'], 'The minimum charge exceeds a day-rate cap', 'Le minimum de facturation dépasse le plafond journalier', {
        minimumChargeCents: v.minimumChargeCents,
        dayCapCents: cap,
      });
    }
  });

  if (!isList(v.surcharges)) throw bad([...path, 'surcharges'], 'surcharges must be a list', 'Liste de majorations requise');
  const whens = new Set<string>();
  v.surcharges.forEach((s, i) => {
    const p = [...path, 'surcharges', i];
    if (s.when !== 'OFF_HOURS' && s.when !== 'WEEKEND') throw bad([...p, 'when'], `Unknown surcharge condition ${String(s.when)}`, 'Condition de majoration inconnue');
    if (whens.has(s.when)) throw bad([...p, 'when'], `Duplicate surcharge for ${s.when}`, 'Majoration en double');
    whens.add(s.when);
    if (s.percent === undefined && s.fixedCents === undefined) throw bad(p, 'A surcharge needs percent or fixedCents', 'Majoration sans montant ni pourcentage');
    if (s.percent !== undefined) {
      const ok = typeof s.percent === 'number' && Number.isFinite(s.percent) && s.percent >= 0 && s.percent <= 1000 && Math.abs(s.percent * 100 - Math.round(s.percent * 100)) < 1e-9;
      if (!ok) throw bad([...p, 'percent'], 'percent must be between 0 and 1000 with at most two decimals', 'Pourcentage de majoration invalide', { percent: String(s.percent) });
    }
    requireCents(s.fixedCents, [...p, 'fixedCents'], 'Majoration');
  });

  if (!isList(v.allowances)) throw bad([...path, 'allowances'], 'allowances must be a list', 'Liste de forfaits requise');
  const ids = new Set<string>();
  v.allowances.forEach((a, i) => {
    const p = [...path, 'allowances', i];
    if (!isNonEmpty(a.id)) throw bad([...p, 'id'], 'Allowance id is required', 'Identifiant de forfait requis');
    if (ids.has(a.id)) throw bad([...p, 'id'], `Duplicate allowance id ${a.id}`, 'Identifiant de forfait en double');
    ids.add(a.id);
    if (!isNonEmpty(a.label)) throw bad([...p, 'label'], 'Allowance label is required', 'Libellé de forfait requis');
    if (!isList(a.categories) || a.categories.length === 0) throw bad([...p, 'categories'], 'An allowance needs at least one category', 'Forfait sans catégorie de bénéficiaires');
    a.categories.forEach((c, j) => {
      if (!isCategory(c)) throw bad([...p, 'categories', j], `Unknown requester category ${String(c)}`, 'Catégorie de demandeur inconnue', { category: String(c) });
    });
    if (a.requesterGroup !== undefined && !isNonEmpty(a.requesterGroup)) throw bad([...p, 'requesterGroup'], 'requesterGroup must not be empty', 'Groupe de bénéficiaires vide');
    if (typeof a.minutesPerMonth !== 'number' || !Number.isSafeInteger(a.minutesPerMonth) || a.minutesPerMonth <= 0) {
      throw bad([...p, 'minutesPerMonth'], 'minutesPerMonth must be a positive integer', 'Nombre de minutes par mois invalide');
    }
  });

  if (!isList(v.promotions)) throw bad([...path, 'promotions'], 'promotions must be a list', 'Liste de promotions requise');
  v.promotions.forEach((promo, i) => {
    const p = [...path, 'promotions', i];
    if (promo.kind !== 'FIRST_USE_FREE' && promo.kind !== 'FREE_MONTHS') throw bad([...p, 'kind'], `Unknown promotion ${String((promo as { kind: unknown }).kind)}`, 'Promotion inconnue');
    promo.categories?.forEach((c, j) => {
      if (!isCategory(c)) throw bad([...p, 'categories', j], `Unknown requester category ${String(c)}`, 'Catégorie de demandeur inconnue', { category: String(c) });
    });
    if (promo.kind === 'FREE_MONTHS') {
      if (!isList(promo.months) || promo.months.length === 0) throw bad([...p, 'months'], 'FREE_MONTHS needs at least one month', 'Aucun mois gratuit indiqué');
      promo.months.forEach((m, j) => {
        if (!isIsoMonth(m)) throw bad([...p, 'months', j], `Month must be YYYY-MM, got ${String(m)}`, 'Mois invalide (AAAA-MM)');
      });
    }
  });
  return v;
}

/** [validFrom, validTo) of two versions intersect (an absent validTo is +∞). */
const overlaps = (a: PriceListVersion, b: PriceListVersion): boolean =>
  (a.validTo === undefined || b.validFrom < a.validTo) && (b.validTo === undefined || a.validFrom < b.validTo);

/**
 * Checks every version, then the history: one price-list id, distinct version numbers, and no two
 * versions valid on the same day (BAD_USER_INPUT on the later one's `validFrom`). Gaps are allowed:
 * no tariff applies then.
 */
export function validateVersionHistory(versions: readonly PriceListVersion[], path: Path = []): readonly PriceListVersion[] {
  versions.forEach((v, i) => validatePriceList(v, [...path, i]));
  for (let i = 0; i < versions.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = versions[j];
      const b = versions[i];
      if (a.id !== b.id) throw bad([...path, i, 'id'], 'All versions must belong to the same price list', 'Versions de grilles différentes', { expected: a.id, got: b.id });
      if (a.version === b.version) throw bad([...path, i, 'version'], `Duplicate version ${b.version}`, 'Numéro de version en double', { version: b.version });
      if (overlaps(a, b)) {
        throw bad([...path, i, 'validFrom'], `Version ${b.version} overlaps version ${a.version}`, `Les périodes de validité des versions ${a.version} et ${b.version} se chevauchent`, {
          version: b.version,
          overlapsVersion: a.version,
        });
      }
    }
  }
  return versions;
}

/** The version in force on a local date 'YYYY-MM-DD', or null when none is. */
export function selectVersion(versions: readonly PriceListVersion[], localDate: string): PriceListVersion | null {
  if (!isIsoDate(localDate)) throw bad(['localDate'], 'localDate must be a YYYY-MM-DD date', 'Date invalide');
  const matching = versions.filter((v) => v.validFrom <= localDate && (v.validTo === undefined || localDate < v.validTo));
  if (matching.length > 1) {
    throw new DomainError('CONFLICT', `Several price-list versions are valid on ${localDate}`, {
      details: { localDate, versions: matching.map((v) => v.version) },
      messageFr: 'Plusieurs versions de la grille tarifaire s’appliquent à cette date',
    });
  }
  return matching[0] ?? null;
}
