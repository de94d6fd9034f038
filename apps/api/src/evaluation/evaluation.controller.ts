import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@maillage/core';
import { sendDomainError } from '../common/domain-error.filter';
import { AuthService } from '../auth/auth.service';
import { RequesterCategory } from '../reservations/reservation.entity';
import { MetricsService } from './metrics.service';
import { recordsCsv, recordsXlsx } from './records-export';
import { MAX_EXPORT_ROWS, RecordsService } from './records.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /evaluation/records.csv?from=YYYY-MM&to=YYYY-MM[&organisationId&pointId&category][&format=fr|en]
 * GET /evaluation/records.xlsx?… — the meeting records of the caller's scope (same tenancy as the
 * GraphQL metrics; Authorization header as for GraphQL). Errors are JSON `{ code, message, messageFr?, field? }`.
 */
@Controller('evaluation')
export class EvaluationController {
  constructor(
    private readonly auth: AuthService,
    private readonly metrics: MetricsService,
    private readonly records: RecordsService,
  ) {}

  @Get('records.:ext')
  async export(@Req() req: Request, @Res() res: Response, @Param('ext') ext: string, @Query() q: Record<string, string | undefined>): Promise<void> {
    try {
      if (ext !== 'csv' && ext !== 'xlsx') throw new DomainError('NOT_FOUND', `No export .${ext}`, { messageFr: 'Format d’export inconnu' });
      const format = q.format ?? 'fr';
      if (format !== 'fr' && format !== 'en') throw new DomainError('BAD_USER_INPUT', 'format must be fr or en', { field: ['format'], messageFr: 'Format inconnu (fr ou en)' });
      for (const k of ['organisationId', 'pointId'] as const) {
        if (q[k] !== undefined && !UUID.test(q[k]!)) throw new DomainError('BAD_USER_INPUT', `${k} must be a UUID`, { field: [k], messageFr: 'Identifiant invalide' });
      }
      if (q.category !== undefined && !(Object.values(RequesterCategory) as string[]).includes(q.category)) {
        throw new DomainError('BAD_USER_INPUT', 'Unknown category', { field: ['category'], messageFr: 'Catégorie inconnue' });
      }
      const actor = await this.auth.resolveActor(req.headers);
      const scope = await this.metrics.scopeFor(actor, { from: q.from ?? '', to: q.to ?? '', organisationId: q.organisationId, pointId: q.pointId, category: q.category as RequesterCategory | undefined });
      const { records } = await this.records.list(scope, MAX_EXPORT_ROWS);
      const name = `maillage-evaluation-${scope.from.slice(0, 7)}-${scope.to.slice(0, 7)}`;
      const headers = { 'cache-control': 'private, no-store' };
      if (ext === 'csv') {
        res.status(200).set({ ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` }).send(Buffer.from(recordsCsv(records, format), 'utf8'));
      } else {
        const body = await recordsXlsx(records, await this.metrics.metrics(scope));
        res.status(200).set({ ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}.xlsx"` }).send(body);
      }
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      sendDomainError(res, error);
    }
  }
}
