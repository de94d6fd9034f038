import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The public directory and (later) the admin console. Built into apps/admin/dist, served by the API at `/`.
// VITE_TILE_URL (optional, read at build time): a raster tile server for the map, e.g.
// https://tile.openstreetmap.org/{z}/{x}/{y}.png. Unset (the default, and in tests): the offline SVG outline only.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // The meeting signalling protocol, shared with the API (plain TypeScript, no mediasoup, no Node).
  resolve: { alias: { '@maillage/media/protocol': fileURLToPath(new URL('../../libs/media/src/protocol/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: true },
  // `vite dev` next to `npm start`: GraphQL and the meetings' signalling WebSocket go to the API.
  server: { proxy: { '/graphql': 'http://127.0.0.1:3000', '/meet/ws': { target: 'ws://127.0.0.1:3000', ws: true } } },
});
