import { SignallingClient, SignallingRequestError, signallingUrl, type SocketLike } from './signalling-client';

/** A socket the test plays the server of: it records frames and delivers what the test sends back. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: { id: number; method: string; data: unknown }[] = [];
  closedWith?: number;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closedWith = code;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  deliver(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

async function connected(timeoutMs = 1000): Promise<{ client: SignallingClient; socket: FakeSocket }> {
  let socket!: FakeSocket;
  const pending = SignallingClient.connect('ws://127.0.0.1/meet/ws', { timeoutMs, socketFactory: (url) => (socket = new FakeSocket(url)) });
  socket.open();
  return { client: await pending, socket };
}

describe('the signalling client of the join page', () => {
  it('builds the WebSocket address from the page’s origin', () => {
    expect(signallingUrl({ protocol: 'https:', host: 'visio.example.bzh' })).toBe('wss://visio.example.bzh/meet/ws');
    expect(signallingUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/meet/ws');
  });

  it('answers each request by its id, whatever the order of the answers', async () => {
    const { client, socket } = await connected();
    const join = client.request('join', { token: 'a'.repeat(20) });
    const transport = client.request('createTransport', { direction: 'recv' });
    expect(socket.sent.map((f) => [f.id, f.method])).toEqual([
      [1, 'join'],
      [2, 'createTransport'],
    ]);
    socket.deliver({ id: 2, ok: true, data: { transportId: 't1', iceParameters: {}, iceCandidates: [], dtlsParameters: {} } });
    socket.deliver({ id: 1, ok: false, error: { code: 'NOT_OPEN', message: 'opens at 13:50' } });
    await expect(transport).resolves.toMatchObject({ transportId: 't1' });
    await expect(join).rejects.toMatchObject({ name: 'SignallingRequestError', code: 'NOT_OPEN', message: 'opens at 13:50' });
  });

  it('hands notifications to their listeners, typed by name, until they stop listening', async () => {
    const { client, socket } = await connected();
    const speakers: (string | null)[] = [];
    const stop = client.on('activeSpeaker', ({ peerId }) => speakers.push(peerId));
    socket.deliver({ notification: 'activeSpeaker', data: { peerId: 'p1' } });
    socket.deliver({ notification: 'peerLeft', data: { peerId: 'p1' } });
    socket.deliver({ notification: 'activeSpeaker', data: { peerId: null } });
    stop();
    socket.deliver({ notification: 'activeSpeaker', data: { peerId: 'p2' } });
    expect(speakers).toEqual(['p1', null]);
  });

  it('ignores frames that are not JSON and answers nobody asked for', async () => {
    const { client, socket } = await connected();
    const pending = client.request('leave', {});
    socket.onmessage?.({ data: 'not json' });
    socket.deliver({ id: 99, ok: true, data: {} });
    socket.deliver({ id: null, ok: false, error: { code: 'BAD_REQUEST', message: 'x' } });
    socket.deliver({ id: 1, ok: true, data: {} });
    await expect(pending).resolves.toEqual({});
  });

  it('fails pending requests with DISCONNECTED when the connection drops, and says the server closed it', async () => {
    const { client, socket } = await connected();
    const closes: { code: number; byClient: boolean }[] = [];
    client.onClose(({ code, byClient }) => closes.push({ code, byClient }));
    const pending = client.request('consume', { transportId: 't', producerId: 'p', rtpCapabilities: {} });
    socket.drop(1006);
    await expect(pending).rejects.toMatchObject({ code: 'DISCONNECTED' });
    await expect(client.request('leave', {})).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(closes).toEqual([{ code: 1006, byClient: false }]);
    expect(client.isOpen).toBe(false);
  });

  it('says the client closed it when the page leaves', async () => {
    const { client, socket } = await connected();
    const closes: boolean[] = [];
    client.onClose(({ byClient }) => closes.push(byClient));
    client.close();
    client.close();
    expect(socket.closedWith).toBe(1000);
    expect(closes).toEqual([true]);
  });

  it('gives up on a request the server never answers (TIMEOUT)', async () => {
    jest.useFakeTimers();
    try {
      const { client } = await connected(5000);
      const pending = client.request('resume', { consumerId: 'c1' });
      jest.advanceTimersByTime(5001);
      await expect(pending).rejects.toEqual(new SignallingRequestError('TIMEOUT', 'resume: no answer after 5000 ms'));
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses to send a frame above the protocol’s limit', async () => {
    const { client, socket } = await connected();
    await expect(client.request('produce', { transportId: 't', kind: 'video', source: 'camera', rtpParameters: { blob: 'x'.repeat(70 * 1024) } })).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(socket.sent).toEqual([]);
  });

  it('fails to connect with DISCONNECTED when the socket closes before opening', async () => {
    let socket!: FakeSocket;
    const pending = SignallingClient.connect('ws://127.0.0.1/meet/ws', { socketFactory: (url) => (socket = new FakeSocket(url)) });
    socket.drop(1006);
    await expect(pending).rejects.toMatchObject({ code: 'DISCONNECTED' });
  });
});
