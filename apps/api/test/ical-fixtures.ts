import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Unfolded content lines of an .ics body (RFC 5545 §3.1). */
export const icsLines = (body: string): string[] => body.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);

/** Values of a property (e.g. 'DTSTART' matches 'DTSTART;TZID=…:…'), with their parameters. */
export function icsProps(body: string, name: string): { line: string; params: string; value: string }[] {
  return icsLines(body)
    .filter((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`))
    .map((line) => {
      const colon = line.indexOf(':');
      return { line, params: line.slice(name.length, colon), value: line.slice(colon + 1) };
    });
}

/** The lines of each VEVENT. */
export function icsEvents(body: string): string[][] {
  const events: string[][] = [];
  let current: string[] | null = null;
  for (const line of icsLines(body)) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) current.push(line);
  }
  return events;
}

/** A local HTTP server whose answers the test sets per path. */
export interface CalendarServer {
  url: (path: string) => string;
  set: (path: string, handler: (req: IncomingMessage, res: ServerResponse) => void) => void;
  close: () => Promise<void>;
}

export async function startCalendarServer(): Promise<CalendarServer> {
  const handlers = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
  const server: Server = createServer((req, res) => {
    const handler = handlers.get((req.url ?? '/').split('?')[0]);
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    set: (path, handler) => handlers.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const serveText = (body: string, contentType = 'text/calendar; charset=utf-8') => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': contentType });
  res.end(body);
};

/** A VCALENDAR of VEVENTs, CRLF-terminated. */
export const vcalendar = (events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Théâtre municipal//Agenda//FR', ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']), 'END:VCALENDAR', ''].join('\r\n');

/** Answers 200 and streams `bytes` bytes in 64 KB chunks, without Content-Length (a calendar that never seems to end). */
export function streamBytes(res: ServerResponse, bytes: number): void {
  res.writeHead(200, { 'content-type': 'text/calendar' });
  const chunk = 'X'.repeat(64 * 1024);
  let sent = 0;
  const pump = () => {
    while (sent < bytes) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('error', () => undefined);
  pump();
}
