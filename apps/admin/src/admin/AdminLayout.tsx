import type { ReactNode } from 'react';
import type { Role } from '../generated/graphql';
import { Link, useLocation } from '../router';
import { AuthProvider, hasRole, RequireAuth, useAuth } from './auth';
import { useConsoleI18n } from '../console/messages';

/** The console's screens of issue 14 in the navigation (organisation admins and above). */
const consoleNav = (t: ReturnType<typeof useConsoleI18n>['t']) => [
  { href: '/admin/organisations', label: t('nav.organisations') },
  { href: '/admin/utilisateurs', label: t('nav.users') },
  { href: '/admin/cles', label: t('nav.apiKeys') },
];
import { useAdminI18n } from './messages';

/**
 * The frame of every signed-in console page: the console's navigation, who is signed in (name, role,
 * organisation — "the whole network" for a network admin) and the sign-out button. Pages of other parts
 * (e.g. the reservations calendar) wrap themselves in it: `<AdminLayout><MyPage /></AdminLayout>`.
 */
export function AdminLayout({ children, minimum = 'POINT_OPERATOR' }: { children: ReactNode; minimum?: Role }) {
  return (
    <AuthProvider>
      <AdminFrame minimum={minimum}>{children}</AdminFrame>
    </AuthProvider>
  );
}

function AdminFrame({ children, minimum }: { children: ReactNode; minimum: Role }) {
  const { t } = useAdminI18n();
  const { t: tc } = useConsoleI18n();
  const { state, signOut } = useAuth();
  const { pathname } = useLocation();
  const current = (href: string) => (href === '/admin' ? pathname === '/admin' || pathname.startsWith('/admin/points') : pathname.startsWith(href));
  return (
    <div className="admin">
      <div className="admin-bar">
        <nav aria-label={t('admin.nav')} className="admin-nav">
          <span className="admin-title">{t('admin.console')}</span>
          <ul>
            {[
              { href: '/admin', label: t('admin.points') },
              { href: '/admin/reservations', label: t('admin.reservations') },
              { href: '/admin/evaluation', label: t('admin.evaluation') },
              ...(state.status === 'signed-in' && hasRole(state.user, 'ORGANISATION_ADMIN') ? consoleNav(tc) : []),
            ].map((item) => (
              <li key={item.href}>
                <Link href={item.href} className={current(item.href) ? 'current' : undefined} ariaCurrent={current(item.href) ? 'page' : undefined}>
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {state.status === 'signed-in' && (
          <div className="admin-user" data-testid="signed-in-user">
            <span>
              {t('admin.signedInAs', { name: state.user.displayName })} · <span data-testid="signed-in-role">{t(`role.${state.user.role}`)}</span> ·{' '}
              <span data-testid="signed-in-organisation">{state.user.role === 'NETWORK_ADMIN' ? t('admin.allOrganisations') : (state.organisation?.name ?? '')}</span>
            </span>
            <button type="button" className="secondary" onClick={signOut}>
              {t('admin.signOut')}
            </button>
          </div>
        )}
      </div>
      <RequireAuth minimum={minimum} loading={<p role="status">{t('admin.loading')}</p>} forbidden={<p role="alert" className="error">{t('admin.forbidden')}</p>}>
        {children}
      </RequireAuth>
    </div>
  );
}
