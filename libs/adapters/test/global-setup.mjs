// The SIP specs (src/sip-drachtio) run a real drachtio-server and SIPp/baresip: DRACHTIO_BIN for the
// jest workers and the Debian test tools, also when jest is run directly
// (`npm run jest -- --selectProjects adapters`) rather than through `npm test`.
import { ensureDrachtioBin } from '../../../tools/setup/drachtio-bin.mjs';
import { ensureSipTestTools } from '../../../tools/setup/sip-test-tools.mjs';

export default function globalSetup() {
  ensureDrachtioBin();
  ensureSipTestTools();
}
