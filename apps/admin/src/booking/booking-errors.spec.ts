import { GraphQLRequestError } from '../api';
import { bookingErrorsOf, type BookingField } from './booking-errors';

const wording = (field: BookingField) => `flow wording for ${field}`;
const TAKEN = 'slot taken';

describe('the API’s typed errors placed next to the booking flow’s fields', () => {
  it('a bad e-mail from the validation pipe ("Valeur invalide") gets the flow’s own French wording, next to the e-mail', () => {
    const error = new GraphQLRequestError([{ message: 'email must be an email', extensions: { code: 'BAD_USER_INPUT', field: ['input', 'organiser', 'email'], messageFr: 'Valeur invalide' } }]);
    expect(bookingErrorsOf(error, 'fr', wording, TAKEN)).toEqual({ fields: { email: 'flow wording for email' }, general: null, slotTaken: false });
  });

  it('a precise French message of the API is kept in French, its English message in English', () => {
    const error = new GraphQLRequestError([
      {
        message: 'Price list has no rate for INDIVIDUAL/OUT',
        extensions: { code: 'BAD_USER_INPUT', field: ['input', 'requesterCategory'], messageFr: 'Ce point n’est pas ouvert à cette catégorie de demandeur (Particulier, hors territoire)' },
      },
    ]);
    expect(bookingErrorsOf(error, 'fr', wording, TAKEN).fields).toEqual({ category: 'Ce point n’est pas ouvert à cette catégorie de demandeur (Particulier, hors territoire)' });
    expect(bookingErrorsOf(error, 'en', wording, TAKEN).fields).toEqual({ category: 'Price list has no rate for INDIVIDUAL/OUT' });
  });

  it('the participants of the first room, the period’s end and the start map to their fields', () => {
    const error = new GraphQLRequestError([
      { message: 'm1', extensions: { code: 'BAD_USER_INPUT', field: ['input', 'rooms', '0', 'expectedParticipants'], messageFr: 'Valeur invalide' } },
      { message: 'm2', extensions: { code: 'BAD_USER_INPUT', field: ['input', 'to'], messageFr: 'La fin de la période doit suivre son début' } },
      { message: 'm3', extensions: { code: 'BAD_USER_INPUT', field: ['input', 'start'], messageFr: 'Le point est fermé à ce moment' } },
    ]);
    expect(bookingErrorsOf(error, 'fr', wording, TAKEN).fields).toEqual({
      participants: 'flow wording for participants',
      to: 'La fin de la période doit suivre son début',
      slot: 'Le point est fermé à ce moment',
    });
  });

  it('a CONFLICT (the slot was just taken) is flagged so that the flow offers fresh slots', () => {
    const error = new GraphQLRequestError([{ message: 'Room is already held', extensions: { code: 'CONFLICT', messageFr: 'La salle Salle 1 est déjà occupée (… 2026-12-08T09:00:00.000Z …)' } }]);
    expect(bookingErrorsOf(error, 'fr', wording, TAKEN)).toEqual({ fields: { slot: TAKEN }, general: null, slotTaken: true });
  });

  it('an error naming no field of the flow, or a network failure, is general', () => {
    const unknown = new GraphQLRequestError([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(bookingErrorsOf(unknown, 'fr', wording, TAKEN)).toEqual({ fields: {}, general: 'Internal server error', slotTaken: false });
    expect(bookingErrorsOf(new TypeError('Failed to fetch'), 'fr', wording, TAKEN)).toEqual({ fields: {}, general: 'Failed to fetch', slotTaken: false });
  });
});
