import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The public directory and (later) the admin console. Built into apps/admin/dist, served by the API at `/`.
// VITE_TILE_URL (optional, read at build time): a raster tile server for the map, e.g.
// https://tile.openstreetmap.org/{z}/{x}/{y}.png. Unset (the default, and in tests): the offline SVG outline only.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: true },
  server: { proxy: { '/graphql': 'http://127.0.0.1:3000' } },
});
