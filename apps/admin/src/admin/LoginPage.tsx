import { useEffect, useRef, useState, type FormEvent } from 'react';
import { GraphQLRequestError } from '../api';
import { Link, navigate, useLocation } from '../router';
import { useAuth } from './auth';
import { TextField } from './forms';
import { useAdminI18n } from './messages';

/** Where to go after signing in: the page that asked (`?suite=/admin/...`), never another site. */
export function nextPage(url: URL): string {
  const next = url.searchParams.get('suite') ?? '';
  return next.startsWith('/admin') && !next.startsWith('/admin/connexion') && !next.startsWith('//') ? next : '/admin';
}

/** `/admin/connexion`: e-mail and password; the session's token goes to sessionStorage (this tab only). */
export function LoginPage() {
  const { t } = useAdminI18n();
  const { state, signIn } = useAuth();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string; general?: string }>({});
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    document.title = `${t('login.title')} — Maillage`;
  }, [t]);

  useEffect(() => {
    if (errors.general) alert.current?.focus();
  }, [errors.general]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = { email: email.trim() ? undefined : t('login.required'), password: password ? undefined : t('login.required') };
    if (missing.email || missing.password) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await signIn(email.trim(), password);
      navigate(nextPage(location), { replace: true });
    } catch (error) {
      const unauthenticated = error instanceof GraphQLRequestError && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
      setErrors({ general: unauthenticated ? t('login.failed') : t('admin.error', { message: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-login" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {state.status === 'signed-in' && (
        <p className="notice">
          {t('login.already', { name: state.user.displayName })} <Link href="/admin">{t('login.continue')}</Link>
        </p>
      )}
      {errors.general && (
        <p role="alert" className="error" tabIndex={-1} ref={alert} data-testid="login-error">
          {errors.general}
        </p>
      )}
      <form onSubmit={submit} noValidate className="stack">
        <TextField label={t('login.email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={errors.email} required name="email" />
        <TextField label={t('login.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errors.password} required name="password" />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('login.submitting') : t('login.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
