import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { CiscoXapiSimulator } from '@maillage/adapters';
import { BIND } from './event-fixtures';
import type { TestApi } from './harness';

export const ADD_ENDPOINT = `mutation($roomId: ID!, $input: EndpointInput!) { addEndpoint(roomId: $roomId, input: $input) { id name adapterId adapterConfig secretNames } }`;
export const TEST_NOW = `mutation($id: ID!) { testEndpointNow(id: $id) { id endpointId round outcome cause detail checks { id outcome cause detail measures } } }`;
export const ENDPOINT_FIELDS = `id name adapterId driver { id displayName capabilities } liveStatus { state callRemote cameraOn microphoneMuted peripherals { name type connected } vendorState detail at }
  lastTest { round outcome cause detail finishedAt }`;

/** A Cisco codec in a room, driven by room-cisco-xapi against a simulator (ws on 127.0.0.1). */
export async function addCiscoEndpoint(api: TestApi, headers: Record<string, string>, roomId: string, sim: CiscoXapiSimulator, password: string, name = 'Codec Cisco Room Kit'): Promise<string> {
  const res = await api.gql<{ addEndpoint: { id: string } }>(
    ADD_ENDPOINT,
    {
      roomId,
      input: { name, kind: 'ROOM_SYSTEM', protocol: 'SIP', vendor: 'Cisco', model: 'Room Kit', adapterId: 'room-cisco-xapi', adapterConfig: { host: '127.0.0.1', port: sim.port, protocol: 'ws', timeoutMs: 1500 }, adapterSecrets: { password } },
    },
    headers,
  );
  if (!res.data?.addEndpoint) throw new Error(`addEndpoint failed: ${JSON.stringify(res.errors)}`);
  return res.data.addEndpoint.id;
}

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** A real SMTP server on 127.0.0.1 (smtp-server) keeping what it receives, and the binding of notification-smtp to it. */
export async function startInbox(): Promise<{ port: number; mails: ReceivedMail[]; bind(api: TestApi, headers: Record<string, string>, pointId: string): Promise<void>; close(): Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          mails.push({ to: mail.to && !Array.isArray(mail.to) ? (mail.to.value[0]?.address ?? '') : '', subject: mail.subject ?? '', text: mail.text ?? '', messageId: mail.messageId ?? '' });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    async bind(api, headers, pointId) {
      const res = await api.gql(BIND, { p: pointId, a: 'notification-smtp', c: { host: '127.0.0.1', port, secure: false, from: 'Maillage <reservations@maillage.test>', timeoutMs: 5000 } }, headers);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
