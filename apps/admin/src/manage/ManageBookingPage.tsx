import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { request } from '../api';
import { useSubmit } from '../use-submit';
import { FormStatus, SelectField, TextField } from '../admin/forms';
import { zonedInstant, localDate } from '../booking/booking-time';
import type { ManageReservationQuery, MeetingRole, ParticipantKind } from '../generated/graphql';
import { useManageI18n } from './messages';
import { MANAGE_CANCEL, MANAGE_CHANGE, MANAGE_INVITE, MANAGE_JOIN_LINK, MANAGE_RESERVATION } from './operations';
import { clock, PARIS, period, wallTime } from './when';

type Reservation = NonNullable<ManageReservationQuery['reservationByReference']>;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * `/reservation/<reference>?jeton=<access token>` — the organiser's page, without an account, reached
 * from the booking's confirmation and from every e-mail: the booking, then (once confirmed) a new time,
 * join links, remote participants, and cancelling.
 */
export function ManageBookingPage({ reference, token }: { reference: string; token: string }) {
  const { t, lang } = useManageI18n();
  const [r, setR] = useState<Reservation | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setR((await request(MANAGE_RESERVATION, { reference, token })).reservationByReference);
    } catch {
      setLoadError(t('manage.notFound'));
    }
  }, [reference, token, t]);

  useEffect(() => {
    document.title = `${t('manage.title')} ${reference} — Maillage`;
    void load();
  }, [load, reference, t]);

  if (loadError) return <p role="alert" className="error">{loadError}</p>;
  if (!r) return <p role="status">{t('manage.loading')}</p>;
  const active = r.status === 'CONFIRMED' || r.status === 'REQUESTED';
  return (
    <section aria-labelledby="manage-title" className="manage" data-testid="manage-page">
      <h1 id="manage-title">{t('manage.title')}</h1>
      <dl className="facts">
        <dt>{t('manage.reference')}</dt>
        <dd data-testid="manage-reference">{r.reference}</dd>
        <dt>{t('manage.status')}</dt>
        <dd data-testid="manage-status">{t(`manage.status.${r.status}`)}</dd>
        <dt>{t('manage.when')}</dt>
        <dd data-testid="manage-when">{period(r.start, r.end, lang)}</dd>
        <dt>{t('manage.where')}</dt>
        <dd>{r.rooms.map((room) => `${room.roomName}, ${room.pointName}`).join(' ; ')}</dd>
      </dl>
      {r.status === 'HELD' && r.holdExpiresAt && <p className="notice">{t('manage.heldNotice', { until: clock(r.holdExpiresAt, lang) })}</p>}
      {active && (
        <>
          <ChangeTime reservation={r} token={token} onDone={load} />
          <JoinLinks reservation={r} token={token} />
          <Participants reservation={r} token={token} onDone={load} />
        </>
      )}
      {(active || r.status === 'HELD') && <Cancel reservation={r} token={token} onDone={load} />}
    </section>
  );
}

function ChangeTime({ reservation, token, onDone }: { reservation: Reservation; token: string; onDone(): Promise<void> }) {
  const { t } = useManageI18n();
  const [date, setDate] = useState(localDate(Date.parse(reservation.start), PARIS));
  const [from, setFrom] = useState(wallTime(reservation.start));
  const [to, setTo] = useState(wallTime(reservation.end));
  const { errors, saved, busy, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const start = new Date(zonedInstant(date, minutesOf(from), PARIS)).toISOString();
      const end = new Date(zonedInstant(date, minutesOf(to), PARIS)).toISOString();
      await request(MANAGE_CHANGE, { id: reservation.id, start, end, token });
      await onDone();
      return t('manage.changed');
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="manage-change" noValidate className="manage-form">
      <h2 id="manage-change">{t('manage.change')}</h2>
      <TextField label={t('manage.date')} type="date" value={date} onChange={setDate} error={errors.fields.start} />
      <TextField label={t('manage.startTime')} type="time" value={from} onChange={setFrom} />
      <TextField label={t('manage.endTime')} type="time" value={to} onChange={setTo} error={errors.fields.end} />
      <button type="submit" className="primary" disabled={busy}>
        {t('manage.changeSubmit')}
      </button>
      <FormStatus errors={errors} saved={saved} summary={() => t('manage.error', { message: '' })} />
    </form>
  );
}

function JoinLinks({ reservation, token }: { reservation: Reservation; token: string }) {
  const { t, lang } = useManageI18n();
  const [name, setName] = useState('');
  const [role, setRole] = useState<MeetingRole>('HOST');
  const [link, setLink] = useState<{ url: string; validFrom: string; validUntil: string } | null>(null);
  const { errors, saved, busy, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { createJoinLink } = await request(MANAGE_JOIN_LINK, { id: reservation.id, name: name.trim() || (role === 'HOST' ? 'Organisateur' : 'Invité'), role, token });
      setLink(createJoinLink);
      return '';
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="manage-links" noValidate className="manage-form">
      <h2 id="manage-links">{t('manage.links')}</h2>
      <TextField label={t('manage.linkName')} value={name} onChange={setName} error={errors.fields.name} />
      <SelectField<MeetingRole> label={t('manage.linkRole')} value={role} onChange={setRole} options={(['HOST', 'GUEST'] as const).map((v) => ({ value: v, label: t(`manage.role.${v}`) }))} />
      <button type="submit" className="primary" disabled={busy}>
        {t('manage.linkSubmit')}
      </button>
      {link && (
        <p data-testid="join-link">
          {t('manage.linkReady', { period: period(link.validFrom, link.validUntil, lang) })}{' '}
          <a href={link.url}>{link.url}</a>
        </p>
      )}
      <FormStatus errors={errors} saved={saved || null} summary={() => ''} />
    </form>
  );
}

function Participants({ reservation, token, onDone }: { reservation: Reservation; token: string; onDone(): Promise<void> }) {
  const { t } = useManageI18n();
  const [kind, setKind] = useState<ParticipantKind>('WEB_GUEST');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [sipUri, setSipUri] = useState('');
  const [phone, setPhone] = useState('');
  const { errors, saved, busy, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const participant = { kind, name: name.trim() || undefined, email: kind === 'WEB_GUEST' ? email.trim() : undefined, sipUri: kind === 'SIP' ? sipUri.trim() : undefined, phone: kind === 'PHONE' ? phone.trim() : undefined };
      await request(MANAGE_INVITE, { id: reservation.id, participant, token });
      await onDone();
      setName('');
      setEmail('');
      setSipUri('');
      setPhone('');
      return t('manage.invited');
    });
  };
  const field = (key: string) => errors.fields[`participant.${key}`];
  return (
    <section aria-labelledby="manage-participants">
      <h2 id="manage-participants">{t('manage.participants')}</h2>
      {reservation.participants.length ? (
        <ul className="plain" data-testid="participants">
          {reservation.participants.map((p) => (
            <li key={p.id}>
              {t(`manage.kind.${p.kind}`)} — {[p.name, p.email, p.sipUri, p.phone].filter(Boolean).join(', ')}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('manage.noParticipants')}</p>
      )}
      <form onSubmit={submit} aria-labelledby="manage-invite" noValidate className="manage-form">
        <h3 id="manage-invite">{t('manage.invite')}</h3>
        <SelectField<ParticipantKind> label={t('manage.inviteKind')} value={kind} onChange={setKind} options={(['WEB_GUEST', 'SIP', 'PHONE'] as const).map((v) => ({ value: v, label: t(`manage.kind.${v}`) }))} />
        <TextField label={t('manage.inviteName')} value={name} onChange={setName} error={field('name')} />
        {kind === 'WEB_GUEST' && <TextField label={t('manage.inviteEmail')} type="email" value={email} onChange={setEmail} error={field('email')} />}
        {kind === 'SIP' && <TextField label={t('manage.inviteSip')} value={sipUri} onChange={setSipUri} error={field('sipUri')} />}
        {kind === 'PHONE' && <TextField label={t('manage.invitePhone')} type="tel" value={phone} onChange={setPhone} error={field('phone')} />}
        <button type="submit" className="primary" disabled={busy}>
          {t('manage.inviteSubmit')}
        </button>
        <FormStatus errors={errors} saved={saved} summary={() => t('manage.error', { message: '' })} />
      </form>
    </section>
  );
}

function Cancel({ reservation, token, onDone }: { reservation: Reservation; token: string; onDone(): Promise<void> }) {
  const { t } = useManageI18n();
  const [reason, setReason] = useState('');
  const { errors, saved, busy, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await request(MANAGE_CANCEL, { id: reservation.id, reason, token });
      await onDone();
      return t('manage.cancelled');
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="manage-cancel" noValidate className="manage-form">
      <h2 id="manage-cancel">{t('manage.cancel')}</h2>
      <TextField label={t('manage.cancelReason')} value={reason} onChange={setReason} error={errors.fields.reason} multiline />
      <button type="submit" className="danger" disabled={busy}>
        {t('manage.cancelSubmit')}
      </button>
      <FormStatus errors={errors} saved={saved} summary={() => t('manage.error', { message: '' })} />
    </form>
  );
}
