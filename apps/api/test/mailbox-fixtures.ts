import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  /** The iCalendar part's METHOD, when the message carries an invitation. */
  method: string | null;
  /** The iCalendar part itself. */
  ics: string | null;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 and a free port, keeping what it receives. `start`/`stop` to play an outage on the same port. */
export interface TestMailbox {
  port: number;
  received: ReceivedMail[];
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** The notification-smtp configuration of a binding that sends here. */
  bindingConfig(): { host: string; port: number; secure: boolean; from: string; timeoutMs: number };
  /** Waits until `count` messages matched `filter`. */
  waitFor(filter: (m: ReceivedMail) => boolean, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
}

export async function startTestMailbox(port = 0): Promise<TestMailbox> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer;
  const listen = async (at: number) => {
    server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            const part = mail.attachments.find((a) => a.contentType === 'text/calendar');
            const ics = part ? part.content.toString('utf8') : null;
            received.push({
              to: mail.to && !Array.isArray(mail.to) ? (mail.to.value[0]?.address ?? '') : '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              method: ics ? (/^METHOD:(.*)\r?$/m.exec(ics)?.[1] ?? null) : null,
              ics,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(at, '127.0.0.1', () => resolve()));
    return (server.server.address() as AddressInfo).port;
  };
  const box: TestMailbox = {
    port: await listen(port),
    received,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: async () => void (await listen(box.port)),
    bindingConfig: () => ({ host: '127.0.0.1', port: box.port, secure: false, from: 'Maillage <reservations@maillage.test>', timeoutMs: 5000 }),
    async waitFor(filter, count = 1, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.filter(filter);
        if (found.length >= count) return found;
        if (Date.now() > deadline) throw new Error(`only ${found.length} of ${count} e-mails within ${timeoutMs} ms: ${JSON.stringify(received.map((m) => [m.to, m.subject]))}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
  return box;
}
