import { GraphQLRequestError } from '../api';
import type { Lang } from '../i18n';

/** The booking flow's fields an API error can point at. `slot`: the chosen start and end. */
export type BookingField = 'room' | 'duration' | 'from' | 'to' | 'category' | 'postcode' | 'name' | 'email' | 'phone' | 'title' | 'purpose' | 'participants' | 'slot';

/** The API's field paths (extensions.field, joined by '.') → the flow's fields. */
const FIELD_BY_PATH: Record<string, BookingField> = {
  'input.roomIds': 'room',
  'input.roomIds.0': 'room',
  'input.rooms': 'room',
  'input.rooms.0': 'room',
  'input.rooms.0.roomId': 'room',
  'input.durationMinutes': 'duration',
  'input.from': 'from',
  'input.to': 'to',
  'input.requesterCategory': 'category',
  'input.requesterPostcode': 'postcode',
  'input.requesterEmail': 'email',
  'input.organiser': 'name',
  'input.organiser.name': 'name',
  'input.organiser.email': 'email',
  'input.organiser.phone': 'phone',
  'input.title': 'title',
  'input.purpose': 'purpose',
  'input.rooms.0.expectedParticipants': 'participants',
  'input.start': 'slot',
  'input.end': 'slot',
};

/** The validation pipe's French message when it has nothing more precise to say: the flow's own wording is better. */
const GENERIC_FR = 'Valeur invalide';

export interface BookingErrors {
  fields: Partial<Record<BookingField, string>>;
  /** Errors that name no field of the flow (shown in an alert above the button). */
  general: string | null;
  /** The slot was taken meanwhile (CONFLICT): the flow offers fresh slots. */
  slotTaken: boolean;
}

export const NO_BOOKING_ERRORS: BookingErrors = { fields: {}, general: null, slotTaken: false };

/**
 * Typed GraphQL errors by field of the flow. French: the API's messageFr, or the flow's wording for
 * the field when the API only says "Valeur invalide"; English: the flow's wording for a known field
 * when the API has nothing precise, else the API's (English) message.
 */
export function bookingErrorsOf(error: unknown, lang: Lang, wording: (field: BookingField) => string, slotTakenText: string): BookingErrors {
  if (!(error instanceof GraphQLRequestError)) return { fields: {}, general: error instanceof Error ? error.message : String(error), slotTaken: false };
  const fields: Partial<Record<BookingField, string>> = {};
  const general: string[] = [];
  let slotTaken = false;
  for (const e of error.errors) {
    if (e.extensions?.code === 'CONFLICT') {
      slotTaken = true;
      fields.slot ??= slotTakenText;
      continue;
    }
    const path = e.extensions?.field?.join('.');
    const field = path ? FIELD_BY_PATH[path] : undefined;
    const precise = e.extensions?.messageFr && e.extensions.messageFr !== GENERIC_FR ? e.extensions.messageFr : undefined;
    const text = lang === 'fr' ? (precise ?? (field ? wording(field) : (e.extensions?.messageFr ?? e.message))) : precise || !field ? e.message : wording(field);
    if (field && !fields[field]) fields[field] = text;
    else if (!field) general.push(text);
  }
  return { fields, general: general.length ? general.join(' ; ') : null, slotTaken };
}
