import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { invalidInput, notFound, type OpeningSchedule, validateSchedule } from '@maillage/core';
import { type Actor, assertCanActFor } from '../auth/actor';
import { audit } from '../auth/audit';
import { Role } from '../common/enums';
import { SecretBox } from '../common/secrets';
import { defined } from '../common/defined';
import type { OpeningScheduleInput } from './dtos/opening-schedule.types';
import type { CreatePointInput, EndpointInput, RoomInput, UpdatePointInput, UpdateRoomInput } from './dtos/point.inputs';
import { Endpoint } from './endpoint.entity';
import { Point } from './point.entity';
import { Room } from './room.entity';
import { ADAPTER_REGISTRY, type AdapterRegistry, BINDINGS_CHANNEL, ENDPOINT_BINDING_PREFIX } from '../adapters/adapter-registry';
import { checkEndpointDriver } from '../endpoints/endpoint-driver-config';

export const SECRET_BOX = Symbol('SECRET_BOX');

function toSchedule(timeZone: string, input: OpeningScheduleInput, field: (string | number)[]): OpeningSchedule {
  const schedule: OpeningSchedule = {
    timeZone,
    weekly: input.weekly.map((r) => ({ weekday: r.weekday, opens: r.opens, closes: r.closes, ...(r.onRequest ? { onRequest: true } : {}) })),
    exceptions: (input.exceptions ?? []).map((e) => ({
      date: e.date,
      kind: e.kind,
      ...(e.ranges ? { ranges: e.ranges.map((r) => ({ opens: r.opens, closes: r.closes, ...(r.onRequest ? { onRequest: true } : {}) })) } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
    })),
    closedOnPublicHolidays: input.closedOnPublicHolidays,
  };
  validateSchedule(schedule, field);
  return schedule;
}

/** Write side of points, rooms and endpoints; every change is scoped to the caller's organisation and audited. */
@Injectable()
export class PointsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SECRET_BOX) private readonly secrets: SecretBox,
    @Optional() @Inject(ADAPTER_REGISTRY) private readonly registry?: AdapterRegistry,
  ) {}

  async create(actor: Actor, input: CreatePointInput): Promise<Point> {
    assertCanActFor(actor, input.organisationId, Role.ORGANISATION_ADMIN);
    const { rooms, openingSchedule, ...fields } = input;
    const schedule = toSchedule(input.timeZone ?? 'Europe/Paris', openingSchedule, ['input', 'openingSchedule']);
    return this.db.transaction(async (em) => {
      const point = await em.getRepository(Point).save(em.getRepository(Point).create({ ...fields, timeZone: schedule.timeZone, openingSchedule: schedule }));
      for (const room of rooms ?? []) await em.getRepository(Room).insert({ ...room, pointId: point.id });
      await audit(em, actor, 'point.created', 'point', point.id, { slug: point.slug, rooms: rooms?.length ?? 0 });
      return point;
    });
  }

  async update(actor: Actor, id: string, input: UpdatePointInput): Promise<Point> {
    const point = await this.load(actor, id, Role.POINT_OPERATOR);
    const schedule = input.timeZone ? { ...point.openingSchedule, timeZone: input.timeZone } : point.openingSchedule;
    if (input.timeZone) validateSchedule(schedule, ['input']);
    return this.db.transaction(async (em) => {
      const saved = await em.getRepository(Point).save({ ...point, ...defined(input), openingSchedule: schedule });
      await audit(em, actor, 'point.updated', 'point', id, { fields: Object.keys(input) });
      return saved;
    });
  }

  async setOpeningHours(actor: Actor, pointId: string, input: OpeningScheduleInput): Promise<Point> {
    const point = await this.load(actor, pointId, Role.POINT_OPERATOR);
    point.openingSchedule = toSchedule(point.timeZone, input, ['schedule']);
    return this.db.transaction(async (em) => {
      const saved = await em.getRepository(Point).save(point);
      await audit(em, actor, 'point.opening-hours-set', 'point', pointId, { weekly: input.weekly.length, exceptions: input.exceptions.length });
      return saved;
    });
  }

  async addRoom(actor: Actor, pointId: string, input: RoomInput): Promise<Room> {
    await this.load(actor, pointId, Role.ORGANISATION_ADMIN);
    return this.db.transaction(async (em) => {
      const room = await em.getRepository(Room).save(em.getRepository(Room).create({ ...input, pointId }));
      await audit(em, actor, 'room.created', 'room', room.id, { pointId });
      return room;
    });
  }

  async updateRoom(actor: Actor, roomId: string, input: UpdateRoomInput): Promise<Room> {
    const room = await this.loadRoom(actor, roomId, Role.POINT_OPERATOR);
    return this.db.transaction(async (em) => {
      const saved = await em.getRepository(Room).save({ ...room, ...defined(input) });
      await audit(em, actor, 'room.updated', 'room', roomId, { fields: Object.keys(input) });
      return saved;
    });
  }

  async removeRoom(actor: Actor, roomId: string): Promise<boolean> {
    await this.loadRoom(actor, roomId, Role.ORGANISATION_ADMIN);
    await this.db.transaction(async (em) => {
      await em.getRepository(Room).delete({ id: roomId });
      await audit(em, actor, 'room.removed', 'room', roomId, {});
    });
    return true;
  }

  async addEndpoint(actor: Actor, roomId: string, input: EndpointInput): Promise<Endpoint> {
    await this.loadRoom(actor, roomId, Role.ORGANISATION_ADMIN);
    return this.db.transaction(async (em) => this.saveEndpoint(em, actor, em.getRepository(Endpoint).create({ roomId }), input));
  }

  async updateEndpoint(actor: Actor, endpointId: string, input: EndpointInput): Promise<Endpoint> {
    const endpoint = await this.db.getRepository(Endpoint).findOneBy({ id: endpointId });
    if (!endpoint) throw notFound('Endpoint', endpointId);
    await this.loadRoom(actor, endpoint.roomId, Role.ORGANISATION_ADMIN);
    return this.db.transaction(async (em) => this.saveEndpoint(em, actor, endpoint, input));
  }

  private async saveEndpoint(em: EntityManager, actor: Actor, endpoint: Endpoint, input: EndpointInput): Promise<Endpoint> {
    const { adapterSecrets, adapterConfig, ...fields } = input;
    if (adapterConfig !== undefined && (typeof adapterConfig !== 'object' || adapterConfig === null || Array.isArray(adapterConfig))) {
      throw invalidInput(['input', 'adapterConfig'], 'adapterConfig must be an object');
    }
    if (adapterSecrets !== undefined) {
      if (typeof adapterSecrets !== 'object' || adapterSecrets === null || Object.values(adapterSecrets).some((v) => typeof v !== 'string')) {
        throw invalidInput(['input', 'adapterSecrets'], 'adapterSecrets must be an object of strings');
      }
      endpoint.adapterSecrets = this.secrets.seal(adapterSecrets);
      endpoint.secretNames = Object.keys(adapterSecrets).sort();
    }
    const adapterId = fields.adapterId !== undefined ? fields.adapterId : endpoint.adapterId; // null: no driver any more
    const driverConfig = adapterId && this.registry ? checkEndpointDriver(this.registry, adapterId, adapterConfig ?? endpoint.adapterConfig ?? {}, adapterSecrets) : adapterConfig;
    Object.assign(endpoint, defined(fields), driverConfig !== undefined ? { adapterConfig: driverConfig } : {});
    const saved = await em.getRepository(Endpoint).save(endpoint);
    await em.query(`SELECT pg_notify($1, $2)`, [BINDINGS_CHANNEL, `${ENDPOINT_BINDING_PREFIX}${saved.id}`]);
    await audit(em, actor, 'endpoint.saved', 'endpoint', saved.id, { roomId: saved.roomId, secretNames: saved.secretNames });
    return saved;
  }

  private async load(actor: Actor, pointId: string, minimum: Role): Promise<Point> {
    const point = await this.db.getRepository(Point).findOneBy({ id: pointId });
    if (!point) throw notFound('Point', pointId);
    assertCanActFor(actor, point.organisationId, minimum);
    return point;
  }

  private async loadRoom(actor: Actor, roomId: string, minimum: Role): Promise<Room> {
    const room = await this.db.getRepository(Room).findOne({ where: { id: roomId }, relations: { point: true } });
    if (!room?.point) throw notFound('Room', roomId);
    assertCanActFor(actor, room.point.organisationId, minimum);
    delete room.point;
    return room;
  }
}
