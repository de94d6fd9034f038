import { useId, type ReactNode } from 'react';

import type { FormErrors } from './form-errors';

export { formErrorsOf, NO_ERRORS, pathKey, type FormErrors } from './form-errors';

/** Ids tying an input to its hint and its error (aria-describedby), and the error's aria-invalid. */
export function useFieldIds() {
  const id = useId();
  return { input: `${id}-input`, hint: `${id}-hint`, error: `${id}-error` };
}

export function describedBy(ids: { hint: string; error: string }, hint: boolean, error: boolean): string | undefined {
  const list = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" data-testid="field-error">
      {message}
    </p>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'time' | 'month' | 'tel';
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  step?: string;
  min?: string;
  max?: string;
  className?: string;
  name?: string;
  /** A <textarea> (several lines) instead of an <input>. */
  multiline?: boolean;
}

/** A labelled input with its hint and its error next to it (aria-invalid + aria-describedby). */
export function TextField({ label, value, onChange, error, hint, type = 'text', required, autoComplete, inputMode, step, min, max, className, name, multiline }: TextFieldProps) {
  const ids = useFieldIds();
  const aria = { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy(ids, Boolean(hint), Boolean(error)) };
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={ids.input}>{label}</label>
      {hint && (
        <span id={ids.hint} className="hint">
          {hint}
        </span>
      )}
      {multiline ? (
        <textarea id={ids.input} name={name} value={value} required={required} {...aria} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          id={ids.input}
          name={name}
          type={type}
          value={value}
          required={required}
          autoComplete={autoComplete}
          inputMode={inputMode}
          step={step}
          min={min}
          max={max}
          {...aria}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      <FieldError id={ids.error} message={error} />
    </div>
  );
}

export function CheckboxField({ label, checked, onChange, error }: { label: string; checked: boolean; onChange(value: boolean): void; error?: string }) {
  const ids = useFieldIds();
  return (
    <div className="field checkbox">
      <input id={ids.input} type="checkbox" checked={checked} aria-invalid={error ? true : undefined} aria-describedby={error ? ids.error : undefined} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={ids.input}>{label}</label>
      <FieldError id={ids.error} message={error} />
    </div>
  );
}

export function SelectField<T extends string>({ label, value, options, onChange, error, hint }: { label: string; value: T; options: { value: NoInfer<T>; label: string }[]; onChange(value: NoInfer<T>): void; error?: string; hint?: string }) {
  const ids = useFieldIds();
  return (
    <div className="field">
      <label htmlFor={ids.input}>{label}</label>
      {hint && (
        <span id={ids.hint} className="hint">
          {hint}
        </span>
      )}
      <select id={ids.input} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(ids, Boolean(hint), Boolean(error))} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={ids.error} message={error} />
    </div>
  );
}

/** The outcome of a form's last submit: an alert for errors, a status for success. */
export function FormStatus({ errors, saved, summary }: { errors: FormErrors; saved: string | null; summary: (count: number) => string }) {
  const count = Object.keys(errors.fields).length;
  return (
    <>
      {(errors.general || count > 0) && (
        <p role="alert" className="error" data-testid="form-error">
          {[count > 0 ? summary(count) : null, errors.general].filter(Boolean).join(' ')}
        </p>
      )}
      <p role="status" className="saved" data-testid="saved">
        {saved ?? ''}
      </p>
    </>
  );
}

/** A box that scrolls sideways on a phone; focusable (keyboard users can scroll it) and named for screen readers. */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
