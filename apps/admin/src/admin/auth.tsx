import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { AUTH_TOKEN_KEY, forgetSession, request } from '../api';
import type { AdminMeQuery, AdminOrganisationsQuery, Role } from '../generated/graphql';
import { navigate, useLocation } from '../router';
import { ADMIN_ME, ADMIN_ORGANISATIONS, LOGIN } from './operations';

export type AdminUser = NonNullable<AdminMeQuery['me']>;
export type OrganisationSummary = AdminOrganisationsQuery['organisations'][number];

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | {
      status: 'signed-in';
      user: AdminUser;
      /** The user's organisation (null for a network admin attached to none). */
      organisation: OrganisationSummary | null;
      /** Network admins: every organisation of the network; others: theirs only. */
      organisations: OrganisationSummary[];
    };

export interface Auth {
  state: AuthState;
  /** Signs in: stores the session's token in sessionStorage (this tab only). Throws GraphQLRequestError. */
  signIn(email: string, password: string): Promise<void>;
  signOut(): void;
}

const RANK: Record<Role, number> = { GUEST: 0, BOOKER: 1, POINT_OPERATOR: 2, ORGANISATION_ADMIN: 3, NETWORK_ADMIN: 4 };
export const hasRole = (user: AdminUser, minimum: Role): boolean => RANK[user.role] >= RANK[minimum];
export const isNetworkAdmin = (user: AdminUser): boolean => user.role === 'NETWORK_ADMIN';

const AuthContext = createContext<Auth | null>(null);

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(AUTH_TOKEN_KEY);
  } catch {
    return null;
  }
}

async function loadSession(): Promise<AuthState> {
  if (!storedToken()) return { status: 'signed-out' };
  const { me } = await request(ADMIN_ME, {});
  if (!me) return { status: 'signed-out' };
  const { organisations: all } = await request(ADMIN_ORGANISATIONS, {});
  const organisation = all.find((o) => o.id === me.organisationId) ?? null;
  const organisations = isNetworkAdmin(me) ? all : organisation ? [organisation] : [];
  return { status: 'signed-in', user: me, organisation, organisations };
}

/** The signed-in session of the admin console: who, which role, which organisation(s). */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() => (storedToken() ? { status: 'loading' } : { status: 'signed-out' }));

  const refresh = useCallback(async () => {
    try {
      setState(await loadSession());
    } catch {
      // The token is no longer valid (request() already forgot it), or the API is unreachable.
      setState({ status: 'signed-out' });
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onSignedOut = () => setState({ status: 'signed-out' });
    window.addEventListener('maillage:signed-out', onSignedOut);
    return () => window.removeEventListener('maillage:signed-out', onSignedOut);
  }, [refresh]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      forgetSession();
      const { login } = await request(LOGIN, { email, password });
      sessionStorage.setItem(AUTH_TOKEN_KEY, login.token);
      setState({ status: 'loading' });
      await refresh();
    },
    [refresh],
  );

  const signOut = useCallback(() => {
    forgetSession();
    navigate('/admin/connexion');
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in state, for pages that only render inside <RequireAuth>. */
export function useSignedIn(): Extract<AuthState, { status: 'signed-in' }> {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useSignedIn outside RequireAuth');
  return state;
}

/**
 * Renders its children for a signed-in user with at least `minimum` (default POINT_OPERATOR);
 * otherwise sends the visitor to /admin/connexion?suite=<this page>, or says the role is too low.
 */
export function RequireAuth({ children, minimum = 'POINT_OPERATOR', loading, forbidden }: { children: ReactNode; minimum?: Role; loading: ReactNode; forbidden: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  const signedOut = state.status === 'signed-out';
  useEffect(() => {
    if (signedOut) navigate(`/admin/connexion?suite=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }, [signedOut, location.pathname, location.search]);
  if (state.status !== 'signed-in') return <>{loading}</>;
  if (!hasRole(state.user, minimum)) return <>{forbidden}</>;
  return <>{children}</>;
}
