import { useEffect } from 'react';
import { useSignedIn } from '../admin/auth';
import { Link, navigate, useLocation } from '../router';
import { EvaluationBody, useEvaluation, yearFilter } from './DashboardPage';
import { useDashboardI18n } from './messages';

/**
 * `/admin/evaluation/rapport?annee=YYYY[&organisation=<id>]`: the printable yearly report of an EPCI, or of
 * the Region (the whole network) for the network admin. The print stylesheet drops the console's frame and
 * keeps the figures, the charts and their tables on A4 pages.
 */
export function ReportPage() {
  const { t, lang } = useDashboardI18n();
  const { user, organisations } = useSignedIn();
  const location = useLocation();
  const year = /^\d{4}$/.test(location.searchParams.get('annee') ?? '') ? location.searchParams.get('annee')! : String(new Date().getFullYear());
  const organisationId = user.role === 'NETWORK_ADMIN' ? (location.searchParams.get('organisation') ?? '') : (user.organisationId ?? '');
  const evaluation = useEvaluation(yearFilter(year, organisationId));
  const scope = organisationId ? (organisations.find((o) => o.id === organisationId)?.name ?? '') : t('report.region');
  const title = t('report.title', { year, scope });
  useEffect(() => {
    document.title = `${title} — Maillage`;
  }, [title]);
  const setYear = (next: string) => navigate(`/admin/evaluation/rapport?annee=${next}${organisationId && user.role === 'NETWORK_ADMIN' ? `&organisation=${organisationId}` : ''}`, { replace: true });
  const years = Array.from({ length: 6 }, (_, i) => String(new Date().getFullYear() - i));
  return (
    <article className="report">
      <div className="report-actions no-print">
        <Link href="/admin/evaluation">{t('report.back')}</Link>
        <label>
          {t('report.year')}{' '}
          <select value={year} onChange={(e) => setYear(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
      <h1 data-testid="report-title">{title}</h1>
      <p className="hint">{t('report.generated', { date: new Date().toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB') })}</p>
      <EvaluationBody {...evaluation} />
    </article>
  );
}
