import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '@maillage/core';
import { sendDomainError } from '../common/domain-error.filter';
import { AuthService } from '../auth/auth.service';
import type { CsvFormat } from './statement-csv';
import { StatementsService } from './statements.service';


/**
 * GET /statements/:organisationId/:month.csv?format=fr|en — the monthly statement of an
 * organisation (admin of the organisation or network admin; same Authorization header as GraphQL).
 * Errors are JSON `{ code, message, messageFr?, field? }` with the matching HTTP status.
 */
@Controller('statements')
export class StatementsController {
  constructor(
    private readonly auth: AuthService,
    private readonly statements: StatementsService,
  ) {}

  @Get(':organisationId/:month.csv')
  async monthly(
    @Req() req: Request,
    @Res() res: Response,
    @Param('organisationId') organisationId: string,
    @Param('month') month: string,
    @Query('format') format?: string,
  ): Promise<void> {
    try {
      if (format !== undefined && format !== 'fr' && format !== 'en') {
        throw new DomainError('BAD_USER_INPUT', 'format must be fr or en', { field: ['format'], messageFr: 'Format inconnu (fr ou en)' });
      }
      const actor = await this.auth.resolveActor(req.headers);
      const statement = await this.statements.monthly(actor, organisationId, month, (format ?? 'fr') as CsvFormat);
      res
        .status(200)
        .set({
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${statement.filename}"`,
          'cache-control': 'private, no-store',
        })
        .send(Buffer.from(statement.csv, 'utf8'));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      sendDomainError(res, error);
    }
  }
}
