import { lazy, Suspense, useEffect, type JSX } from 'react';
import { useLocation } from '../router';
import { AdminLayout } from './AdminLayout';
import { AuthProvider } from './auth';
import { LoginPage } from './LoginPage';
import { useAdminI18n } from './messages';
import { PointEditorPage } from './point/PointEditorPage';
import { PointsPage } from './PointsPage';

// The operators' week calendar (helper "booking", src/calendar/): its own chunk inside the console.
const ApiKeysPage = lazy(() => import('../console/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const UsersPage = lazy(() => import('../console/UsersPage').then((m) => ({ default: m.UsersPage })));
const OrganisationsPage = lazy(() => import('../console/OrganisationsPage').then((m) => ({ default: m.OrganisationsPage })));
/** The console's screens of issue 14, for organisation admins and above. */
const CONSOLE_PAGES: Record<string, () => JSX.Element> = {
  '/admin/cles': () => <ApiKeysPage />,
  '/admin/utilisateurs': () => <UsersPage />,
  '/admin/organisations': () => <OrganisationsPage />,
};

const ReservationsCalendarPage = lazy(() => import('../calendar/ReservationsCalendarPage').then((m) => ({ default: m.ReservationsCalendarPage })));
// The evaluation dashboard and the printable yearly report (issue 12, src/dashboard/): their own chunk (charts).
const DashboardPage = lazy(() => import('../dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ReportPage = lazy(() => import('../dashboard/ReportPage').then((m) => ({ default: m.ReportPage })));

/** The admin console's routes (/admin/**), loaded lazily by App.tsx: the public pages never load this code. */
export function AdminApp() {
  const { pathname } = useLocation();
  const { t } = useAdminI18n();
  const path = pathname.replace(/\/+$/, '') || '/';
  const point = /^\/admin\/points\/([^/]+)(?:\/([a-z-]+))?$/.exec(path);
  useEffect(() => {
    if (path === '/admin') document.title = `${t('admin.points')} — ${t('admin.console')} — Maillage`;
  }, [path, t]);
  if (path === '/admin/connexion') {
    return (
      <AuthProvider>
        <LoginPage />
      </AuthProvider>
    );
  }
  const consolePage = CONSOLE_PAGES[path];
  if (consolePage) {
    return (
      <AdminLayout minimum="ORGANISATION_ADMIN">
        <Suspense fallback={<p role="status">{t('admin.loading')}</p>}>{consolePage()}</Suspense>
      </AdminLayout>
    );
  }
  return (
    <AdminLayout>
      {path === '/admin' ? (
        <PointsPage />
      ) : path === '/admin/reservations' ? (
        <Suspense fallback={<p role="status">{t('admin.loading')}</p>}>
          <ReservationsCalendarPage />
        </Suspense>
      ) : path === '/admin/evaluation' || path === '/admin/evaluation/rapport' ? (
        <Suspense fallback={<p role="status">{t('admin.loading')}</p>}>{path === '/admin/evaluation' ? <DashboardPage /> : <ReportPage />}</Suspense>
      ) : point ? (
        <PointEditorPage id={decodeURIComponent(point[1]!)} section={point[2] ?? ''} />
      ) : (
        <p role="alert">{t('admin.notFound')}</p>
      )}
    </AdminLayout>
  );
}
