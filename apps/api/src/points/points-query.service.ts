import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { isOpenAt, notFound } from '@maillage/core';
import { PointStatus } from '../common/enums';
import type { PointFilter } from './dtos/point.inputs';
import { Point } from './point.entity';
import { Room } from './room.entity';

export interface PointHit {
  point: Point;
  distanceKm: number | null;
}

const KM_PER_DEGREE_LAT = 111.2;

/** SQL great-circle distance in km from (:lat, :lon) to the row's coordinates (haversine, as in libs/core). */
const DISTANCE_SQL = `2 * 6371.0088 * asin(least(1, sqrt(
  power(sin(radians(p.latitude - :lat) / 2), 2) +
  cos(radians(:lat)) * cos(radians(p.latitude)) * power(sin(radians(p.longitude - :lon) / 2), 2))))`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Read side of points: the public directory search, one point, the network summary. */
@Injectable()
export class PointsQueryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(id: string): Promise<Point> {
    const point = await this.db.getRepository(Point).findOneBy({ id });
    if (!point) throw notFound('Point', id);
    return point;
  }

  /**
   * Filters in SQL (status, policy, accessibility, capacity, text, radius with a bounding box
   * first), then "open at" with the opening-hours engine, ordered by distance or name.
   */
  async search(filter: PointFilter = {}): Promise<PointHit[]> {
    const qb = this.db.getRepository(Point).createQueryBuilder('p');
    qb.where('p.status IN (:...statuses)', { statuses: filter.statuses?.length ? filter.statuses : [PointStatus.ACTIVE] });
    if (filter.accessPolicies?.length) qb.andWhere('p.access_policy IN (:...policies)', { policies: filter.accessPolicies });
    if (filter.accessible !== undefined) qb.andWhere('p.accessible_reduced_mobility = :accessible', { accessible: filter.accessible });
    if (filter.organisationId) qb.andWhere('p.organisation_id = :org', { org: filter.organisationId });
    if (filter.minCapacity) qb.andWhere('EXISTS (SELECT 1 FROM room r WHERE r.point_id = p.id AND r.capacity >= :cap)', { cap: filter.minCapacity });
    if (filter.text) {
      qb.andWhere(
        `(p.name ILIKE :text OR p.town ILIKE :text OR p.postcode LIKE :text
          OR EXISTS (SELECT 1 FROM organisation o WHERE o.id = p.organisation_id AND o.name ILIKE :text))`,
        { text: `%${escapeLike(filter.text)}%` },
      );
    }
    const near = filter.near;
    if (near) {
      const dLat = near.radiusKm / KM_PER_DEGREE_LAT;
      const dLon = near.radiusKm / (KM_PER_DEGREE_LAT * Math.max(0.01, Math.cos((near.latitude * Math.PI) / 180)));
      qb.setParameters({ lat: near.latitude, lon: near.longitude, radius: near.radiusKm })
        .andWhere('p.latitude BETWEEN :minLat AND :maxLat', { minLat: near.latitude - dLat, maxLat: near.latitude + dLat })
        .andWhere('p.longitude BETWEEN :minLon AND :maxLon', { minLon: near.longitude - dLon, maxLon: near.longitude + dLon })
        .andWhere(`${DISTANCE_SQL} <= :radius`)
        .addSelect(DISTANCE_SQL, 'distance_km')
        .orderBy('distance_km', 'ASC');
    } else {
      qb.orderBy('p.name', 'ASC');
    }
    qb.addOrderBy('p.id', 'ASC');
    const { entities, raw } = await qb.getRawAndEntities<{ distance_km?: number }>();
    const hits = entities.map((point, i) => ({ point, distanceKm: near ? Number(raw[i].distance_km) : null }));
    const at = filter.openAt?.getTime();
    return at === undefined ? hits : hits.filter((h) => isOpenAt(h.point.openingSchedule, at).open);
  }

  async roomsByPoint(pointIds: readonly string[]): Promise<Room[][]> {
    const rooms = await this.db.getRepository(Room).find({ where: { pointId: In([...pointIds]) }, order: { name: 'ASC' } });
    return pointIds.map((id) => rooms.filter((r) => r.pointId === id));
  }

  async summary(now: number): Promise<NetworkSummaryRow> {
    const [counts] = await this.db.query(`
      SELECT (SELECT count(*) FROM organisation)::int AS organisations,
             count(*) FILTER (WHERE status = 'ACTIVE')::int AS active_points,
             count(*) FILTER (WHERE status = 'ON_HOLD')::int AS on_hold_points,
             count(*) FILTER (WHERE status = 'DISMANTLED')::int AS dismantled_points,
             count(*) FILTER (WHERE status = 'ACTIVE' AND accessible_reduced_mobility)::int AS accessible_points,
             (SELECT count(*) FROM room r JOIN point q ON q.id = r.point_id WHERE q.status = 'ACTIVE')::int AS rooms,
             (SELECT coalesce(sum(capacity), 0) FROM room r JOIN point q ON q.id = r.point_id WHERE q.status = 'ACTIVE')::int AS seats
        FROM point`);
    const active = await this.db.getRepository(Point).find({ where: { status: PointStatus.ACTIVE }, select: { id: true, openingSchedule: true } });
    return { ...counts, open_now: active.filter((p) => isOpenAt(p.openingSchedule, now).open).length };
  }
}

export interface NetworkSummaryRow {
  organisations: number;
  active_points: number;
  on_hold_points: number;
  dismantled_points: number;
  accessible_points: number;
  rooms: number;
  seats: number;
  open_now: number;
}
