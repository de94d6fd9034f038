import { useState } from 'react';
import { type FormErrors, formErrorsOf, NO_ERRORS } from './admin/form-errors';
import { useI18n } from './i18n-context';

/** A form's submit: `run(work)` shows the typed API errors by field, or `work`'s status text once it worked. */
export function useSubmit() {
  const { lang } = useI18n();
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
