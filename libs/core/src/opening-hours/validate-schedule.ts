import { isKnownZone } from '../time/zone';
import { invalidInput } from '../errors/domain-error';
import { HOLIDAY_CALENDARS } from '../holidays/french-public-holidays';
import { parseIsoDate } from '../holidays/iso-date';
import { DEFAULT_TIME_ZONE, MAX_EXCEPTIONS, MAX_WEEKLY_RULES, type OpeningSchedule, type TimeRange } from './types';
import { parseHHmm } from './wall-time';

type Path = ReadonlyArray<string | number>;

/** Range in minutes since local midnight, validated. */
export interface MinuteRange {
  start: number;
  end: number;
  onRequest: boolean;
}

function checkRange(range: TimeRange & { onRequest?: unknown }, path: Path): MinuteRange {
  if (range === null || typeof range !== 'object') {
    throw invalidInput(path, 'A time range is required', { messageFr: 'Une plage horaire est requise' });
  }
  const start = parseHHmm(range.opens, false);
  if (start === undefined) {
    throw invalidInput([...path, 'opens'], `Malformed opening time '${String(range.opens)}', expected HH:mm (00:00–23:59)`, {
      messageFr: `Heure d'ouverture invalide « ${String(range.opens)} », format attendu HH:mm (00:00 à 23:59)`,
    });
  }
  const end = parseHHmm(range.closes, true);
  if (end === undefined) {
    throw invalidInput([...path, 'closes'], `Malformed closing time '${String(range.closes)}', expected HH:mm (00:00–24:00)`, {
      messageFr: `Heure de fermeture invalide « ${String(range.closes)} », format attendu HH:mm (00:00 à 24:00)`,
    });
  }
  if (end <= start) {
    throw invalidInput([...path, 'closes'], `Closing before opening: ${range.closes} is not after ${range.opens} (split overnight ranges over two days)`, {
      messageFr: `L'heure de fermeture (${range.closes}) doit être postérieure à l'heure d'ouverture (${range.opens}) ; une plage de nuit se découpe sur deux jours`,
      details: { opens: range.opens, closes: range.closes },
    });
  }
  if (range.onRequest !== undefined && typeof range.onRequest !== 'boolean') {
    throw invalidInput([...path, 'onRequest'], 'onRequest must be a boolean', { messageFr: '« Sur demande » doit être vrai ou faux' });
  }
  return { start, end, onRequest: range.onRequest === true };
}

const overlap = (a: MinuteRange, b: MinuteRange): boolean => a.start < b.end && b.start < a.end;

/**
 * Checks an opening schedule and throws a BAD_USER_INPUT `DomainError` naming the offending field
 * (`[...fieldPrefix, 'weekly', 2, 'closes']`) with an English message and a French `messageFr`.
 */
export function validateSchedule(s: OpeningSchedule, fieldPrefix: (string | number)[] = []): void {
  const at = (...rest: (string | number)[]): Path => [...fieldPrefix, ...rest];
  if (s === null || typeof s !== 'object') {
    throw invalidInput(fieldPrefix, 'An opening schedule is required', { messageFr: 'Des horaires d’ouverture sont requis' });
  }

  const timeZone = s.timeZone ?? DEFAULT_TIME_ZONE;
  if (typeof timeZone !== 'string' || !isKnownZone(timeZone)) {
    throw invalidInput(at('timeZone'), `Unknown IANA time zone '${String(timeZone)}'`, {
      messageFr: `Fuseau horaire inconnu « ${String(timeZone)} » (exemple : Europe/Paris)`,
    });
  }
  if (s.holidayCalendar !== undefined && !HOLIDAY_CALENDARS.includes(s.holidayCalendar)) {
    throw invalidInput(at('holidayCalendar'), `Unknown holiday calendar '${String(s.holidayCalendar)}'`, {
      messageFr: `Calendrier des jours fériés inconnu « ${String(s.holidayCalendar)} »`,
      details: { allowed: [...HOLIDAY_CALENDARS] },
    });
  }
  if (typeof s.closedOnPublicHolidays !== 'boolean') {
    throw invalidInput(at('closedOnPublicHolidays'), 'closedOnPublicHolidays must be a boolean', {
      messageFr: '« Fermé les jours fériés » doit être vrai ou faux',
    });
  }

  if (!Array.isArray(s.weekly)) {
    throw invalidInput(at('weekly'), 'weekly must be a list of rules', { messageFr: 'Les horaires hebdomadaires doivent être une liste' });
  }
  if (s.weekly.length > MAX_WEEKLY_RULES) {
    throw invalidInput(at('weekly'), `Too many weekly rules (${s.weekly.length} > ${MAX_WEEKLY_RULES})`, {
      messageFr: `Trop de plages hebdomadaires (${s.weekly.length}, maximum ${MAX_WEEKLY_RULES})`,
      details: { count: s.weekly.length, max: MAX_WEEKLY_RULES },
    });
  }
  const byWeekday = new Map<number, { index: number; range: MinuteRange }[]>();
  s.weekly.forEach((rule, index) => {
    const weekday: unknown = rule?.weekday;
    if (typeof weekday !== 'number' || !Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw invalidInput(at('weekly', index, 'weekday'), `Weekday must be an integer from 1 (Monday) to 7 (Sunday), got ${String(weekday)}`, {
        messageFr: 'Le jour de la semaine doit être compris entre 1 (lundi) et 7 (dimanche)',
      });
    }
    const range = checkRange(rule, at('weekly', index));
    const sameDay = byWeekday.get(weekday) ?? [];
    const clash = sameDay.find((other) => overlap(other.range, range));
    if (clash) {
      throw invalidInput(at('weekly', index), `Weekly rule ${index} overlaps rule ${clash.index} on weekday ${weekday}`, {
        messageFr: `Cette plage chevauche une autre plage du même jour (plage n° ${clash.index + 1})`,
        details: { overlapsWith: clash.index, weekday },
      });
    }
    sameDay.push({ index, range });
    byWeekday.set(weekday, sameDay);
  });

  if (!Array.isArray(s.exceptions)) {
    throw invalidInput(at('exceptions'), 'exceptions must be a list', { messageFr: 'Les exceptions doivent être une liste' });
  }
  if (s.exceptions.length > MAX_EXCEPTIONS) {
    throw invalidInput(at('exceptions'), `Too many dated exceptions (${s.exceptions.length} > ${MAX_EXCEPTIONS})`, {
      messageFr: `Trop d'exceptions datées (${s.exceptions.length}, maximum ${MAX_EXCEPTIONS})`,
      details: { count: s.exceptions.length, max: MAX_EXCEPTIONS },
    });
  }
  const seenDates = new Map<string, number>();
  s.exceptions.forEach((ex, index) => {
    if (ex === null || typeof ex !== 'object') {
      throw invalidInput(at('exceptions', index), 'An exception is required', { messageFr: 'Une exception est requise' });
    }
    if (!parseIsoDate(ex.date)) {
      throw invalidInput(at('exceptions', index, 'date'), `Malformed date '${String(ex.date)}', expected YYYY-MM-DD`, {
        messageFr: `Date invalide « ${String(ex.date)} », format attendu AAAA-MM-JJ`,
      });
    }
    const previous = seenDates.get(ex.date);
    if (previous !== undefined) {
      throw invalidInput(at('exceptions', index, 'date'), `Duplicated exception date ${ex.date} (already exception ${previous})`, {
        messageFr: `Il existe déjà une exception pour le ${ex.date}`,
        details: { duplicateOf: previous },
      });
    }
    seenDates.set(ex.date, index);
    if (ex.kind !== 'closed' && ex.kind !== 'hours') {
      throw invalidInput(at('exceptions', index, 'kind'), `Exception kind must be 'closed' or 'hours', got '${String(ex.kind)}'`, {
        messageFr: "Le type d'exception doit être « fermé » ou « horaires »",
      });
    }
    if (ex.reason !== undefined && typeof ex.reason !== 'string') {
      throw invalidInput(at('exceptions', index, 'reason'), 'reason must be a string', { messageFr: 'Le motif doit être un texte' });
    }
    if (ex.ranges !== undefined && !Array.isArray(ex.ranges)) {
      throw invalidInput(at('exceptions', index, 'ranges'), 'ranges must be a list', { messageFr: 'Les plages doivent être une liste' });
    }
    if (ex.kind === 'closed') {
      if (ex.ranges && ex.ranges.length > 0) {
        throw invalidInput(at('exceptions', index, 'ranges'), "A 'closed' exception takes no ranges", {
          messageFr: 'Une journée fermée ne peut pas avoir de plages horaires',
        });
      }
      return;
    }
    if (!ex.ranges || ex.ranges.length === 0) {
      throw invalidInput(at('exceptions', index, 'ranges'), "An 'hours' exception needs at least one range (use kind 'closed' to close the day)", {
        messageFr: 'Indiquez au moins une plage horaire (ou choisissez « fermé » pour fermer la journée)',
      });
    }
    if (ex.ranges.length > MAX_WEEKLY_RULES) {
      throw invalidInput(at('exceptions', index, 'ranges'), `Too many ranges (${ex.ranges.length} > ${MAX_WEEKLY_RULES})`, {
        messageFr: `Trop de plages horaires (maximum ${MAX_WEEKLY_RULES})`,
      });
    }
    const ranges: MinuteRange[] = [];
    ex.ranges.forEach((r, k) => {
      const range = checkRange(r, at('exceptions', index, 'ranges', k));
      const clash = ranges.findIndex((other) => overlap(other, range));
      if (clash >= 0) {
        throw invalidInput(at('exceptions', index, 'ranges', k), `Range ${k} overlaps range ${clash} on ${ex.date}`, {
          messageFr: `Cette plage chevauche une autre plage du ${ex.date} (plage n° ${clash + 1})`,
          details: { overlapsWith: clash },
        });
      }
      ranges.push(range);
    });
  });
}
