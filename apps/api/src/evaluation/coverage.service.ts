import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { bestOpenings, computeCoverage, COVERAGE_RADIUS_KM, type CoveragePoint, openingGain } from '@maillage/core';
import { brittanyCommunes, communeByCode } from './communes';
import { COVERAGE_LIMIT, type OpeningGainView, type TerritoryCoverage } from './dtos/evaluation.dtos';

/** Coverage of Brittany by the active points (public data: the points are in the public directory). */
@Injectable()
export class CoverageService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private activePoints(): Promise<CoveragePoint[]> {
    return this.db.query(`SELECT id, latitude, longitude FROM point WHERE status = 'ACTIVE'`);
  }

  async coverage(radiusKm = COVERAGE_RADIUS_KM, uncoveredLimit = 50, openings = 10): Promise<TerritoryCoverage> {
    const communes = brittanyCommunes();
    const points = await this.activePoints();
    const c = computeCoverage(communes, points, radiusKm);
    return {
      radiusKm: c.radiusKm,
      communes: c.communes,
      population: c.population,
      coveredPopulation: c.coveredPopulation,
      share: c.share,
      activePoints: points.length,
      approximateCentres: communes.filter((x) => x.approximateCentre).length,
      uncoveredCount: c.uncovered.length,
      uncovered: c.uncovered.slice(0, Math.min(uncoveredLimit, COVERAGE_LIMIT.uncovered)).map((u) => {
        const at = communeByCode(u.code)!;
        return { ...u, nearestKm: Math.round(u.nearestKm * 10) / 10, latitude: at.latitude, longitude: at.longitude };
      }),
      bestOpenings: bestOpenings(communes, points, Math.min(openings, COVERAGE_LIMIT.openings), radiusKm),
    };
  }

  async ifOpened(communeCode: string, radiusKm = COVERAGE_RADIUS_KM): Promise<OpeningGainView> {
    return openingGain(brittanyCommunes(), await this.activePoints(), communeCode, radiusKm);
  }
}
