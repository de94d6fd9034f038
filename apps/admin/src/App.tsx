import { lazy, Suspense, useEffect, useRef } from 'react';
import { LANGS } from './i18n';
import { useI18n } from './i18n-context';
import { DirectoryPage } from './pages/DirectoryPage';
import { PointPage } from './pages/PointPage';
import { Link, useLocation } from './router';

// The join page brings mediasoup-client: loaded only when a join link is opened, not with the directory.
const JoinPage = lazy(() => import('./pages/JoinPage').then((m) => ({ default: m.JoinPage })));
// The admin console (/admin/**, sign-in at /admin/connexion): its own chunk, never loaded by the public pages.
const AdminApp = lazy(() => import('./admin/AdminApp').then((m) => ({ default: m.AdminApp })));
// The satisfaction survey after a meeting (issue 12): /enquete/<signed token>, its own chunk.
const SurveyPage = lazy(() => import('./survey/SurveyPage').then((m) => ({ default: m.SurveyPage })));
// The organiser's pages without an account, the booking widget and the API documentation (issue 14): lazy chunks.
const ConfirmBookingPage = lazy(() => import('./manage/ConfirmBookingPage').then((m) => ({ default: m.ConfirmBookingPage })));
const ManageBookingPage = lazy(() => import('./manage/ManageBookingPage').then((m) => ({ default: m.ManageBookingPage })));
const WidgetPage = lazy(() => import('./manage/WidgetPage').then((m) => ({ default: m.WidgetPage })));
const GraphQLDocsPage = lazy(() => import('./manage/GraphQLDocsPage').then((m) => ({ default: m.GraphQLDocsPage })));

/** The pages of issue 14 by path, or null: /confirmer/<token>, /reservation/<reference>?jeton=…, /docs/graphql. */
function organiserPage(location: URL) {
  const confirm = /^\/confirmer\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  if (confirm) return <ConfirmBookingPage token={decodeURIComponent(confirm)} />;
  const manage = /^\/reservation\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  if (manage) return <ManageBookingPage reference={decodeURIComponent(manage)} token={location.searchParams.get('jeton') ?? ''} />;
  if (/^\/docs\/graphql\/?$/.test(location.pathname)) return <GraphQLDocsPage />;
  return null;
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const location = useLocation();
  const pointId = /^\/points\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  // A guest's join link (issue 6): /rejoindre/<signed token>.
  const joinToken = /^\/rejoindre\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  const admin = /^\/admin(\/|$)/.test(location.pathname);
  const surveyToken = /^\/enquete\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  const widget = /^\/widget\/([^/]+)\/?$/.exec(location.pathname)?.[1];
  const organiser = organiserPage(location);
  const main = useRef<HTMLElement>(null);
  // Moving to another page puts the focus on its content (screen readers announce the new page).
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  // The widget is framed by an EPCI's site: the booking flow alone, no site header.
  if (widget) {
    return (
      <Suspense fallback={<p role="status">{t('directory.loading')}</p>}>
        <WidgetPage organisationId={decodeURIComponent(widget)} apiKey={location.searchParams.get('cle')} />
      </Suspense>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="brand">
          <Link href="/" className="brand-link">
            {t('app.title')}
          </Link>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('lang.label')} className="lang-switch">
          {LANGS.map((code) => (
            <button key={code} type="button" lang={code} aria-pressed={lang === code} onClick={() => setLang(code)}>
              {t(`lang.${code}`)}
            </button>
          ))}
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {organiser ? (
          <Suspense fallback={<p role="status">{t('directory.loading')}</p>}>{organiser}</Suspense>
        ) : admin ? (
          <Suspense fallback={<p role="status">{t('directory.loading')}</p>}>
            <AdminApp />
          </Suspense>
        ) : surveyToken ? (
          <Suspense fallback={<p role="status">{t('directory.loading')}</p>}>
            <SurveyPage key={surveyToken} token={decodeURIComponent(surveyToken)} />
          </Suspense>
        ) : joinToken ? (
          <Suspense fallback={<p role="status">{t('join.loading')}</p>}>
            <JoinPage key={joinToken} token={decodeURIComponent(joinToken)} />
          </Suspense>
        ) : pointId ? <PointPage id={decodeURIComponent(pointId)} /> : <DirectoryPage />}
      </main>
    </>
  );
}
