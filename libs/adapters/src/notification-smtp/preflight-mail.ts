import { DomainError, type MeetingPreflightPayload } from '@maillage/core';
import { frenchPeriod } from './notification-smtp.adapter';

const OUTCOME_FR: Record<MeetingPreflightPayload['outcome'], string> = { ok: 'OK', warning: 'à vérifier', failed: 'en échec' };
const CAUSE_FR: Record<string, string> = {
  offline: 'le système de salle ne répond pas (éteint ou hors réseau)',
  'auth-failed': 'le système de salle refuse l’identifiant ou le mot de passe',
  timeout: 'le système de salle ne répond pas à temps',
  'call-failed': 'l’appel de test n’a pas abouti',
  'media-one-way': 'pendant l’appel de test, le son ou l’image ne passait que dans un sens',
  'no-media': 'l’appel de test a abouti, mais ni le son ni l’image ne passaient',
  'test-meeting-unavailable': 'la réunion de test n’a pas pu s’ouvrir',
  'diagnostics-warning': 'l’autodiagnostic signale un avertissement',
  'diagnostics-error': 'l’autodiagnostic signale une erreur',
  'camera-off': 'la caméra est débranchée ou coupée',
  'microphone-muted': 'les micros sont coupés',
  'peripheral-disconnected': 'un périphérique est déconnecté',
  'no-driver': 'aucun pilote n’est configuré',
};

/** Refuses a payload the e-mail cannot be written from. */
export function checkPreflightPayload(p: Partial<MeetingPreflightPayload>): asserts p is MeetingPreflightPayload {
  const problems = [
    typeof p.reservationId !== 'string' && 'reservationId',
    typeof p.organiser?.email !== 'string' && 'organiser.email',
    !Array.isArray(p.results) && 'results',
    !['ok', 'warning', 'failed'].includes(p.outcome as string) && 'outcome',
    (typeof p.start !== 'string' || typeof p.end !== 'string') && 'start/end',
  ].filter((x): x is string => typeof x === 'string');
  if (problems.length) throw new DomainError('BAD_USER_INPUT', `notification-smtp: malformed meeting.preflight payload (${problems.join(', ')})`, { details: { fields: problems } });
}

/** The host's e-mail after a pre-call test: the outcome, then one line per room system. */
export function preflightMail(p: MeetingPreflightPayload, zone: string): { subject: string; text: string } {
  const when = p.round === 'first' ? 'à 30 minutes' : 'à 15 minutes';
  const subject = p.outcome === 'ok' ? `Salles prêtes : ${p.title} (${p.reference})` : `Test des salles ${OUTCOME_FR[p.outcome]} : ${p.title} (${p.reference})`;
  const lines = [
    `Bonjour ${p.organiser.name || ''},`.replace(' ,', ','),
    '',
    `Nous avons testé les systèmes de visioconférence de votre réunion « ${p.title} » (référence ${p.reference}) ${when} du début.`,
    `Date : ${frenchPeriod(p.start, p.end, zone)}`,
    '',
    `Résultat : ${OUTCOME_FR[p.outcome]}`,
    ...p.results.map((r) => `- ${r.roomName} — ${r.pointName} (${r.endpointName}) : ${OUTCOME_FR[r.outcome]}${r.outcome === 'ok' ? '' : ` — ${CAUSE_FR[r.cause ?? ''] ?? r.cause ?? ''}`}`),
    '',
    p.outcome === 'failed'
      ? 'Un incident a été ouvert : l’équipe du point est prévenue. Un nouveau test aura lieu 15 minutes avant le début ; vous pouvez aussi rejoindre la réunion depuis un navigateur.'
      : p.outcome === 'warning'
        ? 'La réunion peut avoir lieu ; vérifiez sur place ce qui est signalé.'
        : 'Tout est prêt.',
    '',
    'Maillage — réseau de points de visioconférence',
    '(Message automatique, merci de ne pas y répondre.)',
  ];
  return { subject, text: lines.join('\n') };
}
