// Child process of the SIP benchmark (sip.bench.ts): a drachtio-srf UAC on the load generator's own
// drachtio, placing calls one after the other and timing each INVITE → 200 (createUAC resolves on the
// 200, ACK sent) with performance.now(); each call is then hung up (BYE) before the next. Apart from
// the measured process, so that the adapter's event loop is not the caller's.
// IPC in: { connection: { host, port, secret }, uri, sdp, calls }  → { times: [ms…], failures: [text…] }
import Srf from 'drachtio-srf';

process.once('message', async ({ connection, uri, sdp, calls, holdMs }) => {
  const srf = new Srf();
  await new Promise((done, fail) => {
    srf.once('connect', done);
    srf.once('error', fail);
    srf.connect(connection);
  });
  const times = [];
  const failures = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    try {
      const dialog = await srf.createUAC(uri, { localSdp: sdp, headers: { From: `"Salle ${i}" <sip:bench-${i}@127.0.0.1>` } });
      times.push(performance.now() - started);
      if (holdMs) await new Promise((done) => setTimeout(done, holdMs));
      const bye = await new Promise((done) => dialog.destroy(undefined, (error, req) => done(error ? String(error) : 'sent')));
      if (bye !== 'sent') failures.push(`#${i} BYE: ${bye}`);
    } catch (error) {
      failures.push(`#${i} ${error?.status ?? error} ${error?.res?.get?.("Reason") ?? ""} ${error?.res?.get?.("Server") ?? ""} after ${(performance.now() - started).toFixed(0)} ms`);
    }
  }
  process.send({ times, failures });
  srf.disconnect();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
