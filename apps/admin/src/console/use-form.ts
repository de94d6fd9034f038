import { useEffect, useState } from 'react';
import { request } from '../api';
import { isNetworkAdmin, useSignedIn } from '../admin/auth';
import { CONSOLE_ORGANISATIONS } from './operations';

/** A console form's submit (typed API errors by field, a status once saved). */
export { useSubmit as useForm } from '../use-submit';

/** The organisation a page works on: the user's own, or — network admins — the one chosen. */
export const ORGANISATION_KINDS = ['NETWORK_OPERATOR', 'EPCI', 'COMMUNE', 'ASSOCIATION', 'COMPANY'] as const;

/**
 * The organisations a console page may work on, fresh from the API (one created on the organisations
 * page a moment ago is there): every one for a network admin, the user's own otherwise.
 */
export function useOrganisationChoices(): { id: string; name: string }[] {
  const { user, organisations } = useSignedIn();
  const [all, setAll] = useState<{ id: string; name: string }[] | null>(null);
  const network = isNetworkAdmin(user);
  useEffect(() => {
    if (network) void request(CONSOLE_ORGANISATIONS, {}).then((d) => setAll(d.organisations));
  }, [network]);
  return network ? (all ?? organisations) : organisations;
}
