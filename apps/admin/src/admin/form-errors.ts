import { GraphQLRequestError } from '../api';
import type { Lang } from '../i18n';

/** A form's errors: by field path ('schedule.weekly.2.closes'), and the ones that name no known field. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null };

/** The path of a field as a key: ['input', 'rates', 0, 'amountCents'] → 'input.rates.0.amountCents'. */
export const pathKey = (path: readonly (string | number)[]): string => path.join('.');

/**
 * The typed GraphQL errors of a failed request, by field. French uses the API's `messageFr`, English
 * its `message`. An error whose field the form does not show (`known` says which it shows) goes to
 * `general`, with the field's path so that nothing is lost.
 */
export function formErrorsOf(error: unknown, lang: Lang, known: (key: string) => boolean = () => true): FormErrors {
  if (!(error instanceof GraphQLRequestError)) return { fields: {}, general: error instanceof Error ? error.message : String(error) };
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const e of error.errors) {
    const text = lang === 'fr' ? (e.extensions?.messageFr ?? e.message) : e.message;
    const field = e.extensions?.field;
    if (field?.length && known(pathKey(field)) && !fields[pathKey(field)]) fields[pathKey(field)] = text;
    else general.push(field?.length ? `${text} (${pathKey(field)})` : text);
  }
  return { fields, general: general.length ? general.join(' ; ') : null };
}
