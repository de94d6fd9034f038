import { useId, type ReactNode } from 'react';

/** Ids tying an input to its hint and its error; aria-describedby lists those shown. */
function useIds(hint: boolean, error: boolean) {
  const id = useId();
  const ids = { input: `${id}-input`, hint: `${id}-hint`, error: `${id}-error` };
  const describedBy = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(' ') || undefined;
  return { ...ids, describedBy };
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <span id={id} className="hint">
      {children}
    </span>
  );
}

function ErrorText({ id, message, field }: { id: string; message: string; field: string }) {
  return (
    <span id={id} className="field-error" data-testid={`error-${field}`}>
      {message}
    </span>
  );
}

interface InputProps {
  field: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  type?: 'text' | 'email' | 'tel' | 'date' | 'number';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel';
  min?: string;
  max?: string;
  required?: boolean;
  className?: string;
}

/** A labelled input with its hint and, next to it, its error (aria-invalid + aria-describedby). */
export function InputField({ field, label, value, onChange, error, hint, type = 'text', autoComplete, inputMode, min, max, required, className }: InputProps) {
  const ids = useIds(Boolean(hint), Boolean(error));
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={ids.input}>{label}</label>
      <input
        id={ids.input}
        name={field}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        min={min}
        max={max}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && <Hint id={ids.hint}>{hint}</Hint>}
      {error && <ErrorText id={ids.error} message={error} field={field} />}
    </div>
  );
}

interface SelectProps<T extends string> {
  field: string;
  label: string;
  value: T | '';
  options: readonly { value: T; label: string }[];
  onChange(value: T): void;
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  className?: string;
}

export function SelectField<T extends string>({ field, label, value, options, onChange, placeholder, error, hint, required, className }: SelectProps<T>) {
  const ids = useIds(Boolean(hint), Boolean(error));
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={ids.input}>{label}</label>
      <select
        id={ids.input}
        name={field}
        value={value}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && <Hint id={ids.hint}>{hint}</Hint>}
      {error && <ErrorText id={ids.error} message={error} field={field} />}
    </div>
  );
}
