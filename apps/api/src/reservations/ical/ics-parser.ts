import { DateTime, IANAZone } from 'luxon';
import { invalidInput } from '@maillage/core';

/**
 * A minimal RFC 5545 reader for host-block imports: only what holds a room — VEVENT with
 * DTSTART / DTEND / DURATION / UID / SUMMARY / RRULE / EXDATE / RECURRENCE-ID / STATUS / TRANSP.
 * Times are read with their TZID (IANA, a few Windows names, or a "/vendor/…/Area/City" path), as
 * UTC ('Z'), or as floating / all-day in the room's zone. VTIMEZONE blocks are not interpreted: the
 * TZID is looked up in the runtime's IANA database instead.
 */

export interface IcsProperty {
  name: string;
  params: Record<string, string>;
  value: string;
}

export interface IcsEvent {
  uid: string;
  summary: string | null;
  /** Epoch ms. */
  start: number;
  end: number;
  /** IANA zone the start's wall-clock time is read in (for RRULE expansion). */
  zone: string;
  allDay: boolean;
  rrule: string | null;
  /** Starts (epoch ms) removed from the recurrence. */
  exdates: number[];
  /** Start (epoch ms) of the occurrence this event overrides, when it is an override. */
  recurrenceId: number | null;
  cancelled: boolean;
  transparent: boolean;
}

const bad = (message: string, messageFr: string, details: Record<string, unknown> = {}) => invalidInput(['ics'], message, { messageFr, details });

/** Windows zone names Outlook / Exchange write in TZID, for the zones the network may meet. */
const WINDOWS_ZONES: Record<string, string> = {
  'Romance Standard Time': 'Europe/Paris',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
};

/** An IANA zone for a TZID parameter, or BAD_USER_INPUT. */
export function resolveTzid(tzid: string): string {
  const name = tzid.replace(/^"|"$/g, '').trim();
  if (IANAZone.isValidZone(name)) return name;
  if (WINDOWS_ZONES[name]) return WINDOWS_ZONES[name];
  // Vendor prefixes: '/mozilla.org/20050126_1/Europe/Paris', '/citadel.org/20190914_1/Europe/Paris'.
  const parts = name.split('/').filter(Boolean);
  for (let i = 0; i < parts.length - 1; i++) {
    const candidate = parts.slice(i).join('/');
    if (IANAZone.isValidZone(candidate)) return candidate;
  }
  throw bad(`Unknown time zone ${name}`, `Fuseau horaire inconnu : ${name}`, { tzid: name });
}

/** Unfolds lines (CRLF or LF followed by a space or tab continues the previous line). */
export function unfold(text: string): string[] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n|\r/g, '\n').replace(/\n[ \t]/g, '').split('\n').filter((l) => l.trim() !== '');
}

/** 'DTSTART;TZID="Europe/Paris";VALUE=DATE-TIME:20260105T140000' → name, params, value. */
export function parseLine(line: string, lineNumber: number): IcsProperty {
  let i = 0;
  const readName = () => {
    const start = i;
    while (i < line.length && /[A-Za-z0-9-]/.test(line[i])) i++;
    return line.slice(start, i).toUpperCase();
  };
  const name = readName();
  if (!name) throw bad(`Line ${lineNumber}: not an iCalendar content line`, `Ligne ${lineNumber} : ce n’est pas une ligne iCalendar`, { line: lineNumber });
  const params: Record<string, string> = {};
  while (line[i] === ';') {
    i++;
    const key = readName();
    if (!key || line[i] !== '=') throw bad(`Line ${lineNumber}: malformed parameter`, `Ligne ${lineNumber} : paramètre mal formé`, { line: lineNumber });
    i++;
    let value = '';
    if (line[i] === '"') {
      const close = line.indexOf('"', i + 1);
      if (close < 0) throw bad(`Line ${lineNumber}: unterminated quoted parameter`, `Ligne ${lineNumber} : guillemet non fermé`, { line: lineNumber });
      value = line.slice(i + 1, close);
      i = close + 1;
    } else {
      const start = i;
      while (i < line.length && line[i] !== ';' && line[i] !== ':') i++;
      value = line.slice(start, i);
    }
    params[key] = value;
  }
  if (line[i] !== ':') throw bad(`Line ${lineNumber}: missing ':'`, `Ligne ${lineNumber} : « : » manquant`, { line: lineNumber });
  return { name, params, value: line.slice(i + 1) };
}

const unescapeText = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

/** One DATE or DATE-TIME value as an instant; `zone` reads floating and all-day values. */
export function parseDateValue(value: string, params: Record<string, string>, defaultZone: string, field: string): { at: number; zone: string; allDay: boolean } {
  const v = value.trim();
  const date = DATE.exec(v);
  if (date || params.VALUE === 'DATE') {
    if (!date) throw bad(`${field}: malformed date ${v}`, `${field} : date mal formée`, { value: v });
    const d = DateTime.fromObject({ year: +date[1], month: +date[2], day: +date[3] }, { zone: defaultZone });
    if (!d.isValid) throw bad(`${field}: invalid date ${v}`, `${field} : date invalide`, { value: v });
    return { at: d.toMillis(), zone: defaultZone, allDay: true };
  }
  const dt = DATE_TIME.exec(v);
  if (!dt) throw bad(`${field}: malformed date-time ${v}`, `${field} : date et heure mal formées`, { value: v });
  const zone = dt[7] === 'Z' ? 'UTC' : params.TZID ? resolveTzid(params.TZID) : defaultZone;
  const d = DateTime.fromObject({ year: +dt[1], month: +dt[2], day: +dt[3], hour: +dt[4], minute: +dt[5], second: +dt[6] }, { zone });
  if (!d.isValid) throw bad(`${field}: invalid date-time ${v}`, `${field} : date et heure invalides`, { value: v });
  // A UTC value's recurrence still follows the room's wall clock.
  return { at: d.toMillis(), zone: zone === 'UTC' ? defaultZone : zone, allDay: false };
}

const DURATION = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** RFC 5545 DURATION in ms ('PT1H30M', 'P1D', 'P2W'); days are nominal, counted as 24 h here. */
export function parseDuration(value: string): number {
  const m = DURATION.exec(value.trim());
  if (!m || value.trim() === 'P' || value.trim().endsWith('T')) throw bad(`DURATION: malformed ${value}`, 'DURATION mal formée', { value });
  const [, sign, w, d, h, min, s] = m;
  const ms = (((+(w ?? 0) * 7 + +(d ?? 0)) * 24 + +(h ?? 0)) * 60 + +(min ?? 0)) * 60_000 + +(s ?? 0) * 1000;
  return sign === '-' ? -ms : ms;
}

/**
 * The VEVENTs of a calendar. BAD_USER_INPUT (field 'ics') when the text is not a VCALENDAR, a line
 * is malformed, a component is not closed, or an event lacks DTSTART.
 */
export function parseIcs(text: string, defaultZone: string): IcsEvent[] {
  const lines = unfold(text);
  if (lines.length === 0 || !/^BEGIN:VCALENDAR$/i.test(lines[0].trim())) throw bad('Not an iCalendar file: it must start with BEGIN:VCALENDAR', 'Ce n’est pas un fichier iCalendar (BEGIN:VCALENDAR attendu)');
  const stack: string[] = [];
  const events: IcsEvent[] = [];
  let current: IcsProperty[] | null = null;
  let sawEnd = false;
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const prop = parseLine(raw.trimEnd(), lineNumber);
    if (prop.name === 'BEGIN') {
      const component = prop.value.trim().toUpperCase();
      stack.push(component);
      if (component === 'VEVENT') {
        if (stack.length !== 2 || stack[0] !== 'VCALENDAR') throw bad(`Line ${lineNumber}: VEVENT outside VCALENDAR`, `Ligne ${lineNumber} : VEVENT hors de VCALENDAR`, { line: lineNumber });
        current = [];
      }
      return;
    }
    if (prop.name === 'END') {
      const component = prop.value.trim().toUpperCase();
      if (stack.pop() !== component) throw bad(`Line ${lineNumber}: END:${component} does not close the open component`, `Ligne ${lineNumber} : END:${component} ne ferme pas le composant ouvert`, { line: lineNumber });
      if (component === 'VEVENT' && current) {
        events.push(toEvent(current, defaultZone, events.length));
        current = null;
      }
      if (component === 'VCALENDAR' && stack.length === 0) sawEnd = true;
      return;
    }
    if (current && stack[stack.length - 1] === 'VEVENT') current.push(prop);
  });
  if (stack.length > 0 || !sawEnd) throw bad(`Unclosed component ${stack[stack.length - 1] ?? 'VCALENDAR'}`, 'Fichier iCalendar incomplet (composant non fermé)');
  return events;
}

function toEvent(props: IcsProperty[], defaultZone: string, index: number): IcsEvent {
  const get = (name: string) => props.find((p) => p.name === name);
  const uid = get('UID')?.value.trim();
  const dtstart = get('DTSTART');
  if (!dtstart) throw bad(`Event ${uid ?? `#${index + 1}`} has no DTSTART`, `L’événement ${uid ?? `n° ${index + 1}`} n’a pas de DTSTART`, { uid: uid ?? null });
  const start = parseDateValue(dtstart.value, dtstart.params, defaultZone, 'DTSTART');
  const dtend = get('DTEND');
  const duration = get('DURATION');
  let end: number;
  if (dtend) end = parseDateValue(dtend.value, dtend.params, defaultZone, 'DTEND').at;
  else if (duration) end = start.allDay && /D|W/.test(duration.value) ? DateTime.fromMillis(start.at, { zone: start.zone }).plus({ milliseconds: parseDuration(duration.value) }).toMillis() : start.at + parseDuration(duration.value);
  else end = start.allDay ? DateTime.fromMillis(start.at, { zone: start.zone }).plus({ days: 1 }).toMillis() : start.at;
  const rrule = get('RRULE')?.value.trim() ?? null;
  const exdates = props
    .filter((p) => p.name === 'EXDATE')
    .flatMap((p) => p.value.split(',').map((v) => parseDateValue(v, p.params, start.zone, 'EXDATE').at));
  const rid = get('RECURRENCE-ID');
  const summary = get('SUMMARY');
  return {
    // RFC 5545 makes UID required; a file without one still gets a stable key from its times.
    uid: uid || `no-uid-${start.at}-${end}`,
    summary: summary ? unescapeText(summary.value).slice(0, 500) : null,
    start: start.at,
    end,
    zone: start.zone,
    allDay: start.allDay,
    rrule,
    exdates,
    recurrenceId: rid ? parseDateValue(rid.value, rid.params, start.zone, 'RECURRENCE-ID').at : null,
    cancelled: get('STATUS')?.value.trim().toUpperCase() === 'CANCELLED',
    transparent: get('TRANSP')?.value.trim().toUpperCase() === 'TRANSPARENT',
  };
}
