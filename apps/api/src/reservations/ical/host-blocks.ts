import { createHash } from 'node:crypto';
import { DomainError, expandRecurrence, invalidInput, parseRecurrenceRule } from '@maillage/core';
import type { IcsEvent } from './ics-parser';

/** One slot a host holds its shared room for. */
export interface PlannedBlock {
  /** UID, plus '#<occurrence start ISO>' for an occurrence of a recurring event. */
  uid: string;
  summary: string | null;
  start: number;
  end: number;
}

export const MAX_BLOCKS_PER_IMPORT = 2000;
/** Occurrences one recurring event may produce from its DTSTART to the window's end. */
export const MAX_OCCURRENCES_PER_EVENT = 5000;
const MINUTE = 60_000;

export const sourceForUrl = (url: string) => `ics:${createHash('sha256').update(url).digest('hex')}`;
export const UPLOAD_SOURCE = 'ics:upload';
export const MANUAL_SOURCE = 'manual';

const occurrenceKey = (uid: string, start: number) => `${uid}#${new Date(start).toISOString()}`;

/**
 * The blocks an event list holds in [from, to): recurring events expanded in their zone (EXDATE
 * removed, RECURRENCE-ID overrides applied), cancelled and transparent (free) events ignored,
 * zero-length ones skipped, blocks clipped to nothing outside the window. Overlapping blocks of the
 * same import are merged (the exclusion constraint would otherwise refuse the host's own calendar).
 */
export function planBlocks(events: readonly IcsEvent[], from: number, to: number): { blocks: PlannedBlock[]; skipped: number } {
  let skipped = 0;
  const overrides = new Map<string, IcsEvent>();
  for (const e of events) if (e.recurrenceId !== null) overrides.set(occurrenceKey(e.uid, e.recurrenceId), e);
  const raw: PlannedBlock[] = [];
  const keep = (b: PlannedBlock) => {
    if (!(b.end > b.start)) skipped++;
    else if (b.end > from && b.start < to) raw.push(b);
  };
  for (const e of events) {
    if (e.recurrenceId !== null) {
      if (!e.cancelled && !e.transparent) keep({ uid: occurrenceKey(e.uid, e.recurrenceId), summary: e.summary, start: e.start, end: e.end });
      else skipped++;
      continue;
    }
    if (e.cancelled || e.transparent) {
      skipped++;
      continue;
    }
    if (!e.rrule) {
      keep({ uid: e.uid, summary: e.summary, start: e.start, end: e.end });
      continue;
    }
    const durationMinutes = Math.ceil((e.end - e.start) / MINUTE);
    let occurrences: ReturnType<typeof expandRecurrence>;
    try {
      // A malformed rule is reported even when the event lies outside the window.
      parseRecurrenceRule(e.rrule);
      if (durationMinutes <= 0) {
        skipped++;
        continue;
      }
      if (e.start >= to) continue;
      occurrences = expandRecurrence({ rrule: e.rrule, start: e.start, durationMinutes, timeZone: e.zone, until: to, maxOccurrences: MAX_OCCURRENCES_PER_EVENT });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      throw invalidInput(['ics'], `Event ${e.uid}: ${error.message}`, { messageFr: `Récurrence invalide pour l’événement ${e.uid} : ${error.messageFr ?? error.message}`, details: { uid: e.uid, ...error.details } });
    }
    const excluded = new Set(e.exdates);
    for (const occ of occurrences) {
      const key = occurrenceKey(e.uid, occ.start);
      if (excluded.has(occ.start) || overrides.has(key)) continue;
      keep({ uid: key, summary: e.summary, start: occ.start, end: e.allDay ? occ.start + (e.end - e.start) : occ.end });
    }
  }
  const blocks = merge(raw);
  if (blocks.length > MAX_BLOCKS_PER_IMPORT) {
    throw invalidInput(['ics'], `The calendar holds ${blocks.length} blocks in the window; at most ${MAX_BLOCKS_PER_IMPORT} are accepted`, {
      messageFr: `Le calendrier contient trop de créneaux (au plus ${MAX_BLOCKS_PER_IMPORT})`,
      details: { max: MAX_BLOCKS_PER_IMPORT, found: blocks.length },
    });
  }
  return { blocks, skipped };
}

/** Merges overlapping blocks; keys stay unique per (room, source). */
function merge(blocks: PlannedBlock[]): PlannedBlock[] {
  const sorted = [...blocks].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: PlannedBlock[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last && b.start < last.end) {
      last.end = Math.max(last.end, b.end);
      if (b.summary && b.summary !== last.summary) last.summary = [last.summary, b.summary].filter(Boolean).join(' / ').slice(0, 500);
      continue;
    }
    out.push({ ...b });
  }
  const seen = new Set<string>();
  for (const b of out) {
    if (seen.has(b.uid)) b.uid = occurrenceKey(b.uid, b.start);
    seen.add(b.uid);
  }
  return out;
}
