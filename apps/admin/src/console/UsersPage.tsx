import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { request } from '../api';
import { hasRole, isNetworkAdmin, useSignedIn } from '../admin/auth';
import { FormStatus, ScrollBox, SelectField, TextField } from '../admin/forms';
import { useAdminI18n } from '../admin/messages';
import type { ConsoleUsersQuery, Role } from '../generated/graphql';
import { useConsoleI18n } from './messages';
import { CONSOLE_CREATE_USER, CONSOLE_UPDATE_USER, CONSOLE_USERS } from './operations';
import { useForm, useOrganisationChoices } from './use-form';

type User = ConsoleUsersQuery['users'][number];
const ROLES = ['BOOKER', 'POINT_OPERATOR', 'ORGANISATION_ADMIN', 'NETWORK_ADMIN'] as const;

/** `/admin/utilisateurs`: the users of an organisation (network admins: any), their roles, and new users. */
export function UsersPage() {
  const { t } = useConsoleI18n();
  const { t: ta } = useAdminI18n();
  const { user } = useSignedIn();
  const organisations = useOrganisationChoices();
  const [organisationId, setOrganisationId] = useState(user.organisationId ?? organisations[0]?.id ?? '');
  const [users, setUsers] = useState<User[] | null>(null);
  const grantable = ROLES.filter((r) => hasRole(user, r) && (r !== 'NETWORK_ADMIN' || isNetworkAdmin(user)));
  const roleOptions = grantable.map((r) => ({ value: r, label: ta(`role.${r}`) }));
  const load = useCallback(async () => setUsers((await request(CONSOLE_USERS, { organisationId })).users), [organisationId]);
  useEffect(() => {
    document.title = `${t('users.title')} — Maillage`;
    setUsers(null);
    void load();
  }, [load, t]);
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">{t('users.title')}</h1>
      {isNetworkAdmin(user) && <SelectField label={t('common.organisation')} value={organisationId} onChange={setOrganisationId} options={organisations.map((o) => ({ value: o.id, label: o.name }))} />}
      {!users && <p role="status">{t('common.loading')}</p>}
      {users && (
        <>
          <p role="status" data-testid="users-count">
            {t('users.count', { count: users.length })}
          </p>
          <ScrollBox label={t('users.title')}>
            <table className="admin-table" data-testid="users">
              <thead>
                <tr>
                  <th scope="col">{t('users.displayName')}</th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.role')}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.displayName}</th>
                    <td>{u.email}</td>
                    <td>{hasRole(user, u.role) ? <RoleSelect user={u} options={roleOptions} onChange={load} /> : ta(`role.${u.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
      <NewUser organisationId={organisationId} options={roleOptions} onCreated={load} />
    </section>
  );
}

function RoleSelect({ user, options, onChange }: { user: User; options: { value: Role; label: string }[]; onChange(): Promise<void> }) {
  const { t } = useConsoleI18n();
  const form = useForm();
  const change = (role: Role) =>
    void form.run(async () => {
      await request(CONSOLE_UPDATE_USER, { id: user.id, input: { role } });
      await onChange();
      return t('common.saved');
    });
  return (
    <>
      <SelectField<Role> label={t('users.roleOf', { name: user.displayName })} value={user.role} onChange={change} options={options} />
      <FormStatus errors={form.errors} saved={form.saved} summary={(count) => t('common.errors', { count })} />
    </>
  );
}

function NewUser({ organisationId, options, onCreated }: { organisationId: string; options: { value: Role; label: string }[]; onCreated(): Promise<void> }) {
  const { t } = useConsoleI18n();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('POINT_OPERATOR');
  const form = useForm();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await request(CONSOLE_CREATE_USER, { input: { email: email.trim(), displayName: displayName.trim(), password, role, organisationId } });
      setEmail('');
      setDisplayName('');
      setPassword('');
      await onCreated();
      return t('common.saved');
    });
  };
  return (
    <form className="admin-card" onSubmit={submit} aria-labelledby="new-user" noValidate>
      <h2 id="new-user">{t('users.new')}</h2>
      <TextField label={t('users.email')} type="email" value={email} onChange={setEmail} error={form.errors.fields['input.email']} autoComplete="off" />
      <TextField label={t('users.displayName')} value={displayName} onChange={setDisplayName} error={form.errors.fields['input.displayName']} />
      <TextField label={t('users.password')} type="password" value={password} onChange={setPassword} error={form.errors.fields['input.password']} autoComplete="new-password" />
      <SelectField<Role> label={t('users.role')} value={role} onChange={setRole} options={options} error={form.errors.fields['input.role']} />
      <button type="submit" className="primary" disabled={form.busy}>
        {t('common.create')}
      </button>
      <FormStatus errors={form.errors} saved={form.saved} summary={(count) => t('common.errors', { count })} />
    </form>
  );
}
