import { CheckboxField, SelectField, TextField } from '../forms';
import { useAdminI18n } from '../messages';
import type { SchemaField } from './schema-form';

/** One input per property of an adapter's configuration schema (secret ones as password inputs). */
export function SchemaFields({ fields, values, onChange, error }: { fields: SchemaField[]; values: Record<string, string | boolean>; onChange(name: string, value: string | boolean): void; error(field: SchemaField): string | undefined }) {
  const { t } = useAdminI18n();
  return (
    <div className="form-grid">
      {fields.map((f) =>
        f.type === 'boolean' ? (
          <CheckboxField key={f.name} label={f.title} checked={values[f.name] === true} onChange={(v) => onChange(f.name, v)} error={error(f)} />
        ) : f.type === 'enum' ? (
          <SelectField
            key={f.name}
            label={`${f.title}${f.required ? ' *' : ''}`}
            hint={f.description}
            value={String(values[f.name] ?? '')}
            onChange={(v) => onChange(f.name, v)}
            options={[{ value: '', label: '—' }, ...(f.options ?? []).map((o) => ({ value: o, label: o }))]}
            error={error(f)}
          />
        ) : (
          <TextField
            key={f.name}
            label={`${f.title}${f.required ? ' *' : ''}`}
            hint={[f.description, f.secret ? t('adapters.secretHint') : null, f.minimum !== undefined || f.maximum !== undefined ? t('adapters.range', { min: f.minimum ?? '…', max: f.maximum ?? '…' }) : null].filter(Boolean).join(' ') || undefined}
            type={f.secret ? 'password' : 'text'}
            autoComplete={f.secret ? 'new-password' : 'off'}
            inputMode={f.type === 'integer' ? 'numeric' : f.type === 'number' ? 'decimal' : undefined}
            value={String(values[f.name] ?? '')}
            onChange={(v) => onChange(f.name, v)}
            error={error(f)}
          />
        ),
      )}
    </div>
  );
}
