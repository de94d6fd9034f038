// The media specs run a real mediasoup worker: MEDIASOUP_WORKER_BIN for the jest workers, also when
// jest is run directly (`npm run jest -- --selectProjects media`) rather than through `npm test`.
import { ensureMediasoupWorkerBin } from '../../../tools/setup/mediasoup-worker-bin.mjs';

export default function globalSetup() {
  ensureMediasoupWorkerBin();
}
