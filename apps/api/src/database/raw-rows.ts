import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Hand-written SQL for hot paths, with entities built straight from its rows instead of TypeORM's
 * query builder and hydration. The column list comes from the entity's metadata, so a column added
 * to an entity is read here too. Values are what `pg` parses (Date for timestamptz, objects for
 * jsonb, arrays for text[]), which is what TypeORM hands over for these column types as well.
 */
export interface RowMapper<T> {
  /** `alias.col AS "prefix.col", …` for a SELECT list. */
  select: string;
  /** An entity (its class's prototype, no constructor run) from a row selected with `select`. */
  map(row: Record<string, unknown>): T;
}

const cache = new WeakMap<object, Map<string, RowMapper<unknown>>>();

/** The mapper of `entity`'s columns as selected from table alias `alias`, prefixed `prefix.` in the row (default: no prefix). */
export function rowMapper<T extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<T>, alias: string, prefix = ''): RowMapper<T> {
  const metadata = em.connection.getMetadata(entity);
  const key = `${alias}|${prefix}`;
  let byKey = cache.get(metadata);
  if (!byKey) cache.set(metadata, (byKey = new Map()));
  const found = byKey.get(key);
  if (found) return found as RowMapper<T>;
  const columns = metadata.columns.map((c) => ({ property: c.propertyName, name: prefix ? `${prefix}.${c.databaseName}` : c.databaseName, column: c.databaseName }));
  const prototype = (metadata.target as { prototype: object }).prototype;
  const mapper: RowMapper<T> = {
    select: columns.map((c) => `${alias}."${c.column}" AS "${c.name}"`).join(', '),
    map(row) {
      const entity = Object.create(prototype) as Record<string, unknown>;
      for (const c of columns) entity[c.property] = row[c.name];
      return entity as T;
    },
  };
  byKey.set(key, mapper);
  return mapper;
}
