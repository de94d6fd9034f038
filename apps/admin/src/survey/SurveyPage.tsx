import { type FormEvent, useEffect, useState } from 'react';
import { GraphQLRequestError, request } from '../api';
import { TextField } from '../admin/forms';
import type { SurveyQuery, TravelMode } from '../generated/graphql';
import { useDashboardI18n } from '../dashboard/messages';
import { SUBMIT_SURVEY, SURVEY } from '../dashboard/operations';

const MODES: TravelMode[] = ['CAR', 'TER', 'TGV', 'COACH', 'PLANE', 'FERRY'];

function YesNo({ legend, value, onChange, name, error }: { legend: string; value: boolean | null; onChange(v: boolean): void; name: string; error?: string }) {
  const { t } = useDashboardI18n();
  return (
    <fieldset className="choice" aria-invalid={error ? true : undefined} aria-describedby={error ? `${name}-error` : undefined}>
      <legend>{legend}</legend>
      {[true, false].map((v) => (
        <label key={String(v)}>
          <input type="radio" name={name} checked={value === v} onChange={() => onChange(v)} /> {v ? t('survey.yes') : t('survey.no')}
        </label>
      ))}
      {error && (
        <span id={`${name}-error`} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** `/enquete/<token>`: the satisfaction survey of one meeting, for its organiser or a guest (the link answers once). */
export function SurveyPage({ token }: { token: string }) {
  const { t, lang } = useDashboardI18n();
  const [survey, setSurvey] = useState<SurveyQuery['survey'] | null>(null);
  const [state, setState] = useState<'loading' | 'form' | 'sending' | 'thanks' | 'already' | 'invalid'>('loading');
  const [worked, setWorked] = useState<boolean | null>(null);
  const [replaced, setReplaced] = useState<boolean | null>(null);
  const [trip, setTrip] = useState({ fromPostcode: '', people: '1', mode: 'CAR' as TravelMode });
  const [peopleInRoom, setPeopleInRoom] = useState('');
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('survey.title')} — Maillage`;
    request(SURVEY, { token })
      .then(({ survey: s }) => {
        setSurvey(s);
        setState(s.answered ? 'already' : 'form');
      })
      .catch(() => setState('invalid'));
  }, [token, t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (worked === null) problems.worked = t('survey.required');
    if (replaced === null) problems.replaced = t('survey.required');
    if (satisfaction === null) problems.satisfaction = t('survey.required');
    if (replaced && !/^\d{5}$/.test(trip.fromPostcode)) problems.fromPostcode = t('survey.required');
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setState('sending');
    setFailure(null);
    try {
      await request(SUBMIT_SURVEY, {
        token,
        input: {
          worked: worked!,
          replacedTrip: replaced!,
          trips: replaced ? [{ fromPostcode: trip.fromPostcode, people: Math.max(1, Number(trip.people) || 1), mode: trip.mode }] : [],
          satisfaction: satisfaction!,
          ...(peopleInRoom && survey?.respondent === 'organiser' ? { peopleInRoom: Number(peopleInRoom) } : {}),
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        },
      });
      setState('thanks');
    } catch (e) {
      if (e instanceof GraphQLRequestError && e.errors.some((x) => x.extensions?.code === 'CONFLICT')) return setState('already');
      const field = e instanceof GraphQLRequestError ? e.errors[0]?.extensions?.field : undefined;
      const message = e instanceof GraphQLRequestError ? (e.errors[0]?.extensions?.messageFr ?? e.message) : String(e);
      if (field?.includes('fromPostcode')) setErrors({ fromPostcode: message });
      else setFailure(message);
      setState('form');
    }
  };

  if (state === 'loading') return <p role="status">{t('survey.loading')}</p>;
  if (state === 'invalid') return <p role="alert" className="error">{t('survey.invalid')}</p>;
  return (
    <div className="survey">
      <h1>{t('survey.title')}</h1>
      {survey && <p>{t('survey.about', { title: survey.title, date: new Date(survey.start).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB'), point: survey.pointName, reference: survey.reference })}</p>}
      {state === 'thanks' || state === 'already' ? (
        <p role="status" className="banner" data-testid="survey-done">
          {state === 'thanks' ? t('survey.thanks') : t('survey.already')}
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <YesNo name="worked" legend={t('survey.worked')} value={worked} onChange={setWorked} error={errors.worked} />
          <YesNo name="replaced" legend={t('survey.replaced')} value={replaced} onChange={setReplaced} error={errors.replaced} />
          {replaced && (
            <div className="trip">
              <TextField label={t('survey.tripFrom')} value={trip.fromPostcode} inputMode="numeric" onChange={(fromPostcode) => setTrip({ ...trip, fromPostcode })} error={errors.fromPostcode} />
              <TextField label={t('survey.tripPeople')} type="number" min="1" max="100" value={trip.people} onChange={(people) => setTrip({ ...trip, people })} />
              <div className="field">
                <label htmlFor="survey-mode">{t('survey.tripMode')}</label>
                <select id="survey-mode" value={trip.mode} onChange={(e) => setTrip({ ...trip, mode: e.target.value as TravelMode })}>
                  {MODES.map((m) => (
                    <option key={m} value={m}>
                      {t(`survey.mode.${m}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
          {survey?.respondent === 'organiser' && <TextField label={t('survey.peopleInRoom')} type="number" min="0" max="1000" value={peopleInRoom} onChange={setPeopleInRoom} />}
          <fieldset className="choice" aria-describedby={errors.satisfaction ? 'satisfaction-error' : undefined}>
            <legend>{t('survey.satisfaction')}</legend>
            {[1, 2, 3, 4, 5].map((s) => (
              <label key={s}>
                <input type="radio" name="satisfaction" checked={satisfaction === s} onChange={() => setSatisfaction(s)} /> {t('survey.star', { n: s })}
              </label>
            ))}
            {errors.satisfaction && (
              <span id="satisfaction-error" className="field-error">
                {errors.satisfaction}
              </span>
            )}
          </fieldset>
          <TextField label={t('survey.comment')} multiline value={comment} onChange={setComment} />
          {failure && (
            <p role="alert" className="error">
              {failure}
            </p>
          )}
          <button type="submit" className="primary" disabled={state === 'sending'}>
            {state === 'sending' ? t('survey.sending') : t('survey.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
