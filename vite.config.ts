/**
 * Vite builds the web app in `web/` into `dist/web`, which the server serves on its own port.
 * In development (`npx vite`), `/api` is proxied to the server on http://localhost:3000.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('./web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const api = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  root: webRoot,
  publicDir: false,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, proxy: api },
  preview: { port: 4173, proxy: api },
});
