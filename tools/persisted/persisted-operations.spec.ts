import { committedManifest, MANIFEST_FILE, manifestText } from './persisted-operations';

describe('the persisted-operation manifest of the web app', () => {
  it('is the web app’s operations as they are now (run `npm run persisted` after changing one)', () => {
    const live = manifestText();
    if (committedManifest() !== live) throw new Error(`${MANIFEST_FILE} is stale: run \`npm run persisted\` and commit it`);
    expect(Object.keys(JSON.parse(live)).length).toBeGreaterThan(20);
  });
});
