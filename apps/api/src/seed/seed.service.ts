import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { validateSchedule, type OpeningSchedule } from '@maillage/core';
import { NETWORK_OPERATOR, SEED_ORGANISATIONS, type SeedOrganisation, type SeedPoint } from '@maillage/seed-data';
import { AuthService } from '../auth/auth.service';
import { User } from '../auth/user.entity';
import { Role } from '../common/enums';
import { seedStudyPriceLists } from '../tariffs/study-price-lists';

export interface SeedReport {
  organisations: { created: number; kept: number };
  points: { created: number; kept: number };
  rooms: { created: number; kept: number };
  admin?: { email: string; password?: string };
}

const scheduleOf = (p: SeedPoint): OpeningSchedule => ({
  timeZone: 'Europe/Paris',
  weekly: p.weekly.map((r) => ({ ...r })),
  exceptions: [],
  closedOnPublicHolidays: true,
});

/**
 * Seeds the Brittany network of the field study. Idempotent and non-destructive: what exists
 * (matched by slug, or by point and name for rooms) is kept as the administrators left it.
 */
@Injectable()
export class SeedService {
  private readonly log = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly auth: AuthService,
  ) {}

  async seedNetwork(progress: (line: string) => void = (l) => this.log.log(l)): Promise<SeedReport> {
    const report: SeedReport = { organisations: { created: 0, kept: 0 }, points: { created: 0, kept: 0 }, rooms: { created: 0, kept: 0 } };
    const all = [NETWORK_OPERATOR, ...SEED_ORGANISATIONS];
    await this.db.transaction(async (em) => {
      for (const [i, org] of all.entries()) {
        const orgId = await this.upsertOrganisation(em.query.bind(em), org, report);
        for (const point of org.points) {
          const schedule = scheduleOf(point);
          validateSchedule(schedule, ['seed', point.slug]);
          const pointId = await this.upsertPoint(em.query.bind(em), orgId, point, schedule, report);
          for (const room of point.rooms) {
            const rows: unknown[] = await em.query(
              `INSERT INTO room (point_id, name, capacity, dedicated, equipment) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (point_id, name) DO NOTHING RETURNING id`,
              [pointId, room.name, room.capacity, room.dedicated, room.equipment],
            );
            report.rooms[rows.length ? 'created' : 'kept']++;
          }
        }
        progress(`[${i + 1}/${all.length}] ${org.name}: ${org.points.length} point(s)`);
      }
      // Issue 4: the study's price lists for a few points that have none yet.
      const priceLists = await seedStudyPriceLists(em);
      if (priceLists) progress(`price lists of the study: ${priceLists} created`);
    });
    progress(
      `network seeded: organisations ${report.organisations.created} created / ${report.organisations.kept} kept, ` +
        `points ${report.points.created} / ${report.points.kept}, rooms ${report.rooms.created} / ${report.rooms.kept}`,
    );
    return report;
  }

  /**
   * The first network admin: from ADMIN_EMAIL / ADMIN_PASSWORD when given; otherwise, when no
   * network admin exists yet, admin@maillage.local with a random password returned once.
   */
  async ensureNetworkAdmin(email?: string, password?: string): Promise<{ email: string; password?: string }> {
    if (email && password) {
      await this.auth.ensureUser({ email, password, displayName: 'Administrateur réseau', role: Role.NETWORK_ADMIN });
      return { email };
    }
    const existing = await this.db.getRepository(User).findOneBy({ role: Role.NETWORK_ADMIN });
    if (existing) return { email: existing.email };
    const generated = randomBytes(12).toString('base64url');
    await this.auth.ensureUser({ email: 'admin@maillage.local', password: generated, displayName: 'Administrateur réseau', role: Role.NETWORK_ADMIN });
    return { email: 'admin@maillage.local', password: generated };
  }

  private async upsertOrganisation(query: (sql: string, params: unknown[]) => Promise<{ id: string }[]>, org: SeedOrganisation, report: SeedReport) {
    const inserted = await query(
      `INSERT INTO organisation (slug, name, kind, siret, address, postcode, town, territory_postcodes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [org.slug, org.name, org.kind, org.siret ?? null, org.address, org.postcode, org.town, org.territoryPostcodes],
    );
    report.organisations[inserted.length ? 'created' : 'kept']++;
    if (inserted.length) return inserted[0].id;
    return (await query(`SELECT id FROM organisation WHERE slug = $1`, [org.slug]))[0].id;
  }

  private async upsertPoint(
    query: (sql: string, params: unknown[]) => Promise<{ id: string }[]>,
    organisationId: string,
    p: SeedPoint,
    schedule: OpeningSchedule,
    report: SeedReport,
  ) {
    const inserted = await query(
      `INSERT INTO point (organisation_id, slug, name, host_site_type, access_policy, address, postcode, town, latitude, longitude,
         phone, accessible_reduced_mobility, independent_entrance, reception_on_site, technician_on_site, network_line,
         bandwidth_kbps, status, rules_of_use, opening_schedule)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20)
       ON CONFLICT (slug) DO NOTHING RETURNING id`,
      [
        organisationId, p.slug, p.name, p.hostSiteType, p.accessPolicy, p.address, p.postcode, p.town, p.latitude, p.longitude,
        p.phone ?? null, p.accessibleReducedMobility, p.independentEntrance, p.receptionOnSite, p.technicianOnSite, p.networkLine,
        p.bandwidthKbps, p.status, p.rulesOfUse ?? null, JSON.stringify(schedule),
      ],
    );
    report.points[inserted.length ? 'created' : 'kept']++;
    if (inserted.length) return inserted[0].id;
    return (await query(`SELECT id FROM point WHERE slug = $1`, [p.slug]))[0].id;
  }
}
