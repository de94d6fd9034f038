import { type CiscoXapiSimulator, type SmtpInbox, startSmtpInbox } from '@maillage/adapters';
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

/** A real SMTP server (startSmtpInbox) and the binding of notification-smtp to it. */
export async function startInbox(): Promise<SmtpInbox & { bind(api: TestApi, headers: Record<string, string>, pointId: string): Promise<void> }> {
  const inbox = await startSmtpInbox();
  return {
    ...inbox,
    async bind(api, headers, pointId) {
      const res = await api.gql(BIND, { p: pointId, a: 'notification-smtp', c: { host: '127.0.0.1', port: inbox.port, secure: false, from: 'Maillage <reservations@maillage.test>', timeoutMs: 5000 } }, headers);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
    },
  };
}
