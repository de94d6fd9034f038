// Forms generated from an adapter's configuration schema (JSON Schema, flat object): one input per
// property, typed by the schema; properties marked `secret: true` are write-only (password inputs, sent
// in `secrets`, never shown back).

export type SchemaFieldType = 'string' | 'integer' | 'number' | 'boolean' | 'enum';

export interface SchemaField {
  name: string;
  type: SchemaFieldType;
  title: string;
  description?: string;
  required: boolean;
  secret: boolean;
  format?: string;
  options?: string[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

interface Property {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  secret?: boolean;
}

/** The fields of a configSchema; properties of a type the form cannot edit (objects, arrays) are left out. */
export function fieldsOf(schema: unknown): SchemaField[] {
  const s = (schema && typeof schema === 'object' ? schema : {}) as { properties?: Record<string, Property>; required?: string[] };
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).flatMap(([name, p]): SchemaField[] => {
    const declared = Array.isArray(p.type) ? p.type.find((x) => x !== 'null') : p.type;
    const type: SchemaFieldType | null = Array.isArray(p.enum) ? 'enum' : declared === 'string' || declared === 'integer' || declared === 'number' || declared === 'boolean' ? declared : null;
    if (!type) return [];
    return [
      {
        name,
        type,
        title: p.title ?? name,
        ...(p.description ? { description: p.description } : {}),
        required: required.has(name),
        secret: p.secret === true,
        ...(p.format ? { format: p.format } : {}),
        ...(type === 'enum' ? { options: (p.enum ?? []).map(String) } : {}),
        ...(p.minimum !== undefined ? { minimum: p.minimum } : {}),
        ...(p.maximum !== undefined ? { maximum: p.maximum } : {}),
        ...(p.default !== undefined ? { default: p.default } : {}),
      },
    ];
  });
}

/** The form's starting values: a binding's config (secrets stay empty: write-only), else the schema's defaults. */
export function initialValues(fields: SchemaField[], config?: Record<string, unknown>): Record<string, string | boolean> {
  return Object.fromEntries(
    fields.map((f) => {
      const value = f.secret ? undefined : (config?.[f.name] ?? f.default);
      if (f.type === 'boolean') return [f.name, value === true];
      return [f.name, value === undefined || value === null ? '' : String(value)];
    }),
  );
}

/**
 * The mutation's `config` and `secrets` from the form. Empty inputs are left out (the API says which
 * required ones are missing, next to the field); numbers that do not parse are reported by name.
 */
export function configOf(fields: SchemaField[], values: Record<string, string | boolean>): { config: Record<string, unknown>; secrets: Record<string, string>; invalid: string[] } {
  const config: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  const invalid: string[] = [];
  for (const f of fields) {
    const value = values[f.name];
    if (f.type === 'boolean') {
      config[f.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') continue;
    if (f.secret) secrets[f.name] = text;
    else if (f.type === 'integer' || f.type === 'number') {
      const n = Number(text.replace(',', '.'));
      if (Number.isNaN(n) || (f.type === 'integer' && !Number.isInteger(n))) invalid.push(f.name);
      else config[f.name] = n;
    } else config[f.name] = text;
  }
  return { config, secrets, invalid };
}
