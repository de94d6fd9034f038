import { useEffect, useMemo, useState } from 'react';
import { request } from '../api';
import { TextField } from '../admin/forms';
import type { GraphQlDocsQuery } from '../generated/graphql';
import { useManageI18n } from './messages';
import { GRAPHQL_DOCS } from './operations';

type SchemaType = GraphQlDocsQuery['__schema']['types'][number];
interface TypeRef {
  kind: string;
  name?: string | null;
  ofType?: TypeRef | null;
}

/** `[Reservation!]!` from an introspection type reference. */
export function typeName(ref: TypeRef | null | undefined): string {
  if (!ref) return '';
  if (ref.kind === 'NON_NULL') return `${typeName(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${typeName(ref.ofType)}]`;
  return ref.name ?? '';
}

const anchor = (name: string) => `type-${name}`;

/**
 * `/docs/graphql`: the API's reference for integrators, generated from the live schema (introspection):
 * every query, mutation and subscription, every type with its fields, arguments and descriptions.
 */
export function GraphQLDocsPage() {
  const { t } = useManageI18n();
  const [schema, setSchema] = useState<GraphQlDocsQuery['__schema'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    document.title = `${t('docs.title')} — Maillage`;
    request(GRAPHQL_DOCS, {})
      .then((d) => setSchema(d.__schema))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [t]);
  const types = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = (schema?.types ?? []).filter((ty) => ty.name && !ty.name.startsWith('__'));
    const roots = [schema?.queryType?.name, schema?.mutationType?.name, schema?.subscriptionType?.name];
    const ordered = [...all.filter((ty) => roots.includes(ty.name)), ...all.filter((ty) => !roots.includes(ty.name)).sort((a, b) => a.name!.localeCompare(b.name!))];
    return q ? ordered.filter((ty) => ty.name!.toLowerCase().includes(q) || (ty.fields ?? []).some((f) => f.name.toLowerCase().includes(q))) : ordered;
  }, [schema, filter]);
  return (
    <section aria-labelledby="docs-title" className="docs">
      <h1 id="docs-title">{t('docs.title')}</h1>
      <p>{t('docs.intro')}</p>
      <p>{t('docs.limits', { depth: 12, cost: 20000, aliases: 30 })}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {!schema && !error && <p role="status">{t('docs.loading')}</p>}
      {schema && (
        <>
          <TextField label={t('docs.filter')} value={filter} onChange={setFilter} />
          <p role="status" data-testid="docs-count">
            {t('docs.count', { count: types.length })}
          </p>
          {types.map((ty) => (
            <TypeDoc key={ty.name} type={ty} />
          ))}
        </>
      )}
    </section>
  );
}

function TypeDoc({ type }: { type: SchemaType }) {
  const { t } = useManageI18n();
  const fields: { name: string; description?: string | null; type: TypeRef; args?: { name: string; type: TypeRef }[] }[] = type.fields ?? type.inputFields ?? [];
  return (
    <article className="docs-type" id={anchor(type.name!)} aria-labelledby={`${anchor(type.name!)}-h`} data-testid="docs-type">
      <h2 id={`${anchor(type.name!)}-h`}>
        <code>{type.name}</code> <span className="hint">{type.kind.toLowerCase().replace('_', ' ')}</span>
      </h2>
      {type.description && <p>{type.description}</p>}
      {fields.length > 0 && (
        <dl className="docs-fields">
          {fields.map((f) => (
            <div key={f.name}>
              <dt>
                <code>
                  {f.name}
                  {f.args?.length ? `(${f.args.map((a) => `${a.name}: ${typeName(a.type)}`).join(', ')})` : ''}: {typeName(f.type)}
                </code>
              </dt>
              <dd>{f.description ?? ''}</dd>
            </div>
          ))}
        </dl>
      )}
      {type.enumValues && type.enumValues.length > 0 && (
        <p>
          {t('docs.values')} : {type.enumValues.map((v) => v.name).join(', ')}
        </p>
      )}
    </article>
  );
}
