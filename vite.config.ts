/**
 * Vite builds the web app in `web/` into `dist/web`, which the server serves on its own port.
 * In development (`npx vite`), `/api` is proxied to the server on http://localhost:3000.
 *
 * The installable app (ADR 0015): `vite-plugin-pwa` writes the web app manifest
 * (`manifest.webmanifest`, icons from `web/public/icons`) and a service worker (`sw.js`) that
 * precaches the app shell only — the built HTML, scripts, styles, fonts and icons. No runtime cache
 * at all: an `/api` answer (health and personal data) is never put in a cache; reports written
 * offline wait in the avvik module's IndexedDB outbox instead.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const webRoot = fileURLToPath(new URL('./web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const api = { '/api': { target: 'http://localhost:3000', changeOrigin: false } };

export default defineConfig({
  root: webRoot,
  publicDir: 'public',
  plugins: [
    react(),
    VitePWA({
      // Registered by web/src/main.tsx (production builds only).
      injectRegister: false,
      registerType: 'autoUpdate',
      includeManifestIcons: true,
      manifest: {
        name: 'Nærvær',
        short_name: 'Nærvær',
        description:
          'Sykefraværsoppfølging og systematisk HMS-arbeid – meld avvik fra telefonen, også uten nett.',
        lang: 'nb',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        id: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0063c1',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
        shortcuts: [{ name: 'Meld avvik', short_name: 'Meld avvik', url: '/avvik/ny' }],
      },
      workbox: {
        // The app shell only: what the build wrote. Nothing from /api, ever (no runtimeCaching).
        globPatterns: ['**/*.{html,js,css,woff2,svg,png}'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        // Every page path is the same single-page app: offline, it opens from the cached index.html.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, proxy: api },
  preview: { port: 4173, proxy: api },
});
