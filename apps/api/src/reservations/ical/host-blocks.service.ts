import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, invalidInput, notFound } from '@maillage/core';
import { requireSignedIn, type Actor, assertCanActFor } from '../../auth/actor';
import { Role } from '../../common/enums';
import { appendEvent } from '../../events/outbox';
import { SlotWriter } from '../slot-writer';
import { loadRoomContexts, type RoomContext } from '../booking-context';
import { RoomSlot } from '../reservation.entity';
import { MANUAL_SOURCE, planBlocks, type PlannedBlock, sourceForUrl, UPLOAD_SOURCE } from './host-blocks';
import { parseIcs } from './ics-parser';
import { OutboundError, SafeFetcher, type SafeFetchResponse } from '../../security/safe-fetch';

export const MAX_ICS_BYTES = 2 * 1024 * 1024;
export const FETCH_TIMEOUT_MS = 10_000;
const DAY = 86_400_000;
const MAX_MANUAL_BLOCK_DAYS = 366;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface HostBlockImportResult {
  source: string;
  imported: number;
  replaced: number;
  skipped: number;
  from: Date;
  to: Date;
}

export interface HostBlockView {
  id: string;
  roomId: string;
  start: Date;
  end: Date;
  summary: string | null;
  source: string;
  uid: string;
}

interface SlotRow {
  id: string;
  room_id: string;
  start: Date;
  end: Date;
  block_summary: string | null;
  block_source: string;
  block_uid: string;
}

const toView = (r: SlotRow): HostBlockView => ({ id: r.id, roomId: r.room_id, start: r.start, end: r.end, summary: r.block_summary, source: r.block_source, uid: r.block_uid });

/**
 * Host blocks: the shared room's own uses (theatre, council meetings) held in room_slot as
 * HOST_BLOCK rows, so the same exclusion constraint that keeps reservations apart keeps them apart
 * from reservations. An import replaces the blocks of its source for the room in one transaction;
 * a clash with a reservation rejects the whole import with CONFLICT naming the slot.
 */
@Injectable()
export class HostBlocksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly slots: SlotWriter,
    private readonly fetcher: SafeFetcher,
  ) {}

  async importCalendar(actor: Actor, roomId: string, input: { ics?: string | null; url?: string | null }, now = Date.now()): Promise<HostBlockImportResult> {
    const ctx = await this.roomFor(actor, roomId);
    const hasIcs = typeof input.ics === 'string';
    const hasUrl = typeof input.url === 'string';
    if (hasIcs === hasUrl) throw invalidInput(hasIcs ? ['url'] : ['ics'], 'Give either ics (the calendar text) or url, not both', { messageFr: 'Indiquez soit le contenu du calendrier, soit son adresse' });
    let text: string;
    let source: string;
    if (hasUrl) {
      const url = checkUrl(input.url!);
      text = await fetchCalendar(this.fetcher, url);
      source = sourceForUrl(url.toString());
    } else {
      text = input.ics!;
      if (Buffer.byteLength(text, 'utf8') > MAX_ICS_BYTES) throw tooLarge(['ics']);
      source = UPLOAD_SOURCE;
    }
    const from = now;
    const to = now + ctx.policy.horizonDays * DAY;
    const { blocks, skipped } = planBlocks(parseIcs(text, ctx.point.timeZone), from, to);
    const replaced = await this.slots.write([ctx], async (em) => {
      const [{ n }]: { n: number }[] = await em.query(
        `WITH d AS (DELETE FROM room_slot WHERE room_id = $1 AND kind = 'HOST_BLOCK' AND block_source = $2 RETURNING 1) SELECT count(*)::int AS n FROM d`,
        [ctx.room.id, source],
      );
      await insertBlocks(em, ctx.room.id, source, blocks);
      await this.emit(em, ctx, from, to);
      return n;
    }, { importing: true });
    return { source, imported: blocks.length, replaced, skipped, from: new Date(from), to: new Date(to) };
  }

  async add(actor: Actor, roomId: string, start: Date, end: Date, summary: string | null | undefined): Promise<HostBlockView> {
    const ctx = await this.roomFor(actor, roomId);
    if (!(end.getTime() > start.getTime())) throw invalidInput(['end'], 'end must be after start', { messageFr: 'La fin doit suivre le début' });
    if (end.getTime() - start.getTime() > MAX_MANUAL_BLOCK_DAYS * DAY) throw invalidInput(['end'], `A block lasts at most ${MAX_MANUAL_BLOCK_DAYS} days`, { messageFr: 'Créneau trop long' });
    const text = summary?.trim() ? summary.trim() : null;
    if (text && text.length > 500) throw invalidInput(['summary'], 'summary is limited to 500 characters', { messageFr: 'Intitulé trop long (500 caractères au plus)' });
    const uid = randomUUID();
    await this.slots.write([ctx], async (em) => {
      await insertBlocks(em, ctx.room.id, MANUAL_SOURCE, [{ uid, summary: text, start: start.getTime(), end: end.getTime() }]);
      await this.emit(em, ctx, start.getTime(), end.getTime());
    });
    const [row] = await this.db.query<SlotRow[]>(`${SELECT_BLOCK} WHERE room_id = $1 AND kind = 'HOST_BLOCK' AND block_source = $2 AND block_uid = $3`, [ctx.room.id, MANUAL_SOURCE, uid]);
    return toView(row);
  }

  async remove(actor: Actor, id: string): Promise<boolean> {
    requireSignedIn(actor); // before any lookup: a visitor learns nothing about ids
    const slot = UUID.test(id) ? await this.db.getRepository(RoomSlot).findOneBy({ id, kind: 'HOST_BLOCK' }) : null;
    if (!slot) throw notFound('HostBlock', id);
    const ctx = await this.roomFor(actor, slot.roomId);
    const [row] = await this.db.query<SlotRow[]>(`${SELECT_BLOCK} WHERE id = $1`, [id]);
    await this.slots.write([ctx], async (em) => {
      await em.query(`DELETE FROM room_slot WHERE id = $1 AND kind = 'HOST_BLOCK'`, [id]);
      await this.emit(em, ctx, row.start.getTime(), row.end.getTime());
    });
    return true;
  }

  /** The room with its point, organisation and policy; ORGANISATION_ADMIN or POINT_OPERATOR of its organisation (or a network admin). */
  private async roomFor(actor: Actor, roomId: string): Promise<RoomContext> {
    if (!UUID.test(roomId)) throw new DomainError('NOT_FOUND', `Room ${roomId} not found`, { field: ['roomId'], messageFr: 'Salle introuvable' });
    const [ctx] = await loadRoomContexts(this.db.manager, [roomId], ['roomId'], { requireActivePoint: false });
    assertCanActFor(actor, ctx.organisation.id, Role.POINT_OPERATOR);
    return ctx;
  }

  private async emit(em: EntityManager, ctx: RoomContext, from: number, to: number): Promise<void> {
    await appendEvent(
      em,
      'availability.changed',
      { type: 'room', id: ctx.room.id },
      { pointIds: [ctx.point.id], roomIds: [ctx.room.id], from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      `availability.changed:host-blocks:${ctx.room.id}:${randomUUID()}`,
    );
  }
}

const SELECT_BLOCK = `SELECT id, room_id, lower(during) AS start, upper(during) AS end, block_summary, block_source, block_uid FROM room_slot`;

async function insertBlocks(em: EntityManager, roomId: string, source: string, blocks: readonly PlannedBlock[]): Promise<void> {
  if (blocks.length === 0) return;
  await em.query(
    `INSERT INTO room_slot (room_id, during, kind, active, block_source, block_uid, block_summary)
     SELECT $1, tstzrange(t.s, t.e, '[)'), 'HOST_BLOCK', true, $2, t.u, t.m
       FROM unnest($3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[]) AS t(s, e, u, m)`,
    [
      roomId,
      source,
      blocks.map((b) => new Date(b.start).toISOString()),
      blocks.map((b) => new Date(b.end).toISOString()),
      blocks.map((b) => b.uid),
      blocks.map((b) => b.summary),
    ],
  );
}

const tooLarge = (field: string[]) =>
  invalidInput(field, `The calendar is larger than ${MAX_ICS_BYTES / 1024 / 1024} MB`, { messageFr: 'Le calendrier dépasse 2 Mo', details: { maxBytes: MAX_ICS_BYTES } });

function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalidInput(['url'], 'url is not a valid URL', { messageFr: 'Adresse invalide' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidInput(['url'], `Only http and https URLs are fetched, not ${url.protocol}`, { messageFr: 'Seules les adresses http et https sont acceptées' });
  if (url.username || url.password) throw invalidInput(['url'], 'Credentials in the URL are not accepted', { messageFr: 'Pas d’identifiants dans l’adresse' });
  return url;
}

/**
 * GETs the calendar through the safe fetcher (ADR 0011): public addresses only (each redirect checked
 * again), 10 s in all, 2 MB at most (declared or streamed). Every refusal is BAD_USER_INPUT on `url`.
 */
async function fetchCalendar(fetcher: SafeFetcher, url: URL): Promise<string> {
  const unreachable = (reason: string, details: Record<string, unknown> = {}) =>
    invalidInput(['url'], `Could not fetch the calendar: ${reason}`, { messageFr: 'Impossible de récupérer le calendrier à cette adresse', details });
  let res: SafeFetchResponse;
  try {
    res = await fetcher.fetch(url, { headers: { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' }, timeoutMs: FETCH_TIMEOUT_MS, maxBytes: MAX_ICS_BYTES });
  } catch (error) {
    if (!(error instanceof OutboundError)) throw error;
    if (error.kind === 'too-large') throw tooLarge(['url']);
    if (error.kind === 'refused') {
      throw invalidInput(['url'], `This address may not be fetched: ${error.message}`, { messageFr: 'Cette adresse n’est pas autorisée (adresse locale, privée ou interne)', details: { refused: error.message } });
    }
    throw unreachable(error.message, error.details);
  }
  if (res.status < 200 || res.status >= 300) throw unreachable(`the server answered ${res.status}`, { status: res.status });
  return new TextDecoder('utf-8').decode(res.body);
}
