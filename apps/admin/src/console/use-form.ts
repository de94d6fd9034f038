import { useState } from 'react';
import { type FormErrors, formErrorsOf, NO_ERRORS } from '../admin/form-errors';
import { useConsoleI18n } from './messages';

/** A console form's submit: typed API errors by field, a status once saved. */
export function useForm() {
  const { lang } = useConsoleI18n();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setErrors(NO_ERRORS);
    setSaved(null);
    try {
      setSaved(await work());
    } catch (e) {
      setErrors(formErrorsOf(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return { errors, saved, busy, run };
}

/** The organisation a page works on: the user's own, or — network admins — the one chosen. */
export const ORGANISATION_KINDS = ['NETWORK_OPERATOR', 'EPCI', 'COMMUNE', 'ASSOCIATION', 'COMPANY'] as const;
