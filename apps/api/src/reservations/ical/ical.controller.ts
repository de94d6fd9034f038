import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { FEED_REFRESH_SECONDS, IcalService } from './ical.service';

const CONTENT_TYPE = 'text/calendar; charset=utf-8';

function send(res: Response, doc: { filename: string; body: string } | null, cacheControl: string): void {
  if (!doc) throw new NotFoundException();
  res
    .status(200)
    .set({
      'Content-Type': CONTENT_TYPE,
      'Content-Disposition': `inline; filename="${doc.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
    })
    .send(doc.body);
}

/**
 * iCalendar over HTTP, for Outlook, Thunderbird and any CalDAV-less client:
 * - GET /ical/reservations/:reference.ics?token=… — the organiser's invitation (404 on a wrong reference or token);
 * - GET /ical/points/:pointId.ics, /ical/rooms/:roomId.ics — public busy feeds ("Réservé" / "Indisponible" only).
 */
@Controller('ical')
export class IcalController {
  constructor(private readonly ical: IcalService) {}

  @Get('reservations/:reference.ics')
  async invitation(@Param('reference') reference: string, @Query('token') token: unknown, @Res() res: Response): Promise<void> {
    const doc = typeof token === 'string' && token.length > 0 && token.length <= 200 && reference.length <= 40 ? await this.ical.invitation(reference, token) : null;
    send(res, doc, 'private, no-store');
  }

  @Get('points/:pointId.ics')
  async point(@Param('pointId') pointId: string, @Res() res: Response): Promise<void> {
    send(res, await this.ical.pointFeed(pointId), `public, max-age=${Math.min(300, FEED_REFRESH_SECONDS)}`);
  }

  @Get('rooms/:roomId.ics')
  async room(@Param('roomId') roomId: string, @Res() res: Response): Promise<void> {
    send(res, await this.ical.roomFeed(roomId), `public, max-age=${Math.min(300, FEED_REFRESH_SECONDS)}`);
  }
}
