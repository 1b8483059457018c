import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CACHED_READS, DATA_CACHE } from './src/lib/offline-cache.js';
import { bn } from './src/lib/messages.bn.js';
import { en } from './src/lib/messages.en.js';
import { hi } from './src/lib/messages.hi.js';
import { mr } from './src/lib/messages.mr.js';

// Served by the API at /app/ (apps/api/src/app.ts); `npm run dev -w @raksha/web` proxies the API.
// Loaded with `--configLoader runner` (package.json): the catalogues it reads import the workspace's TypeScript libs.
const API = process.env.RAKSHA_API ?? 'http://127.0.0.1:3000';
// Every path outside the app's own /app/ is the API's, so a new API route needs no entry here.
const apiPaths = '^/(?!app(/|$))';

/**
 * Each text file of the build beside its brotli (.br) and gzip (.gz) forms, made once here at the highest levels, so the
 * API sends a phone a third of the bytes without compressing at each request (apps/api/src/web-app.ts).
 */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|webmanifest|svg|json)$/;
  const filesOf = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? filesOf(join(dir, f)) : [join(dir, f)]));
  return {
    name: 'raksha-precompress',
    apply: 'build',
    // after vite-plugin-pwa has written sw.js, so the service worker is compressed too
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        for (const file of filesOf(join(import.meta.dirname, 'dist')).filter((f) => compressible.test(f))) {
          const body = readFileSync(file);
          if (body.length < 1024) continue;
          writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }));
          writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        }
      },
    },
  };
}

/** The installed app's manifest, in English; each other language's is made from its catalogue below. */
const MANIFEST = {
  id: '/app/',
  name: en['app.installName'],
  short_name: en['app.name'],
  description: en['app.tagline'],
  lang: 'en',
  start_url: '/app/',
  scope: '/app/',
  display: 'standalone' as const,
  orientation: 'portrait' as const,
  background_color: '#ffffff',
  theme_color: '#0b4f6c',
  icons: [
    { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
    { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  ],
};

/**
 * `manifest.<lang>.webmanifest` for each other language, named and described from its catalogue, so a phone installs
 * the app under the name its person reads; the app points its manifest link at the chosen language's (App.tsx).
 */
function manifestsByLanguage(): Plugin {
  const catalogues = { hi, mr, bn };
  return {
    name: 'raksha-manifests-by-language',
    apply: 'build',
    generateBundle() {
      for (const [lang, m] of Object.entries(catalogues)) {
        const manifest = { ...MANIFEST, name: m['app.installName'], short_name: m['app.name'], description: m['app.tagline'], lang };
        this.emitFile({ type: 'asset', fileName: `manifest.${lang}.webmanifest`, source: JSON.stringify(manifest) });
      }
    },
  };
}

export default defineConfig({
  base: '/app/',
  plugins: [
    react(),
    manifestsByLanguage(),
    // The installable app and its service worker (Workbox): the app shell and every chunk precached, so a reload
    // with no connection opens the app; the API's reads the person works with kept network-first (docs/offline.md).
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: MANIFEST,
      includeAssets: ['icons/apple-touch-icon.png'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        // Any page of the app opens from the precached shell; the API's own paths never fall back to it.
        navigateFallback: '/app/index.html',
        navigateFallbackAllowlist: [/^\/app(\/|$)/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        runtimeCaching: [
          {
            urlPattern: CACHED_READS,
            method: 'GET',
            handler: 'NetworkFirst',
            options: {
              cacheName: DATA_CACHE,
              // on a link too weak to answer, the kept answer after a few seconds rather than a spinner
              networkTimeoutSeconds: 6,
              expiration: { maxEntries: 300, maxAgeSeconds: 7 * 24 * 3600 },
              cacheableResponse: { statuses: [200] },
              // the bearer token changes at every refresh; the cache is the signed-in person's alone (emptied at sign-in and sign-out)
              matchOptions: { ignoreVary: true },
            },
          },
        ],
      },
    }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // Each page is its own chunk (src/ui/App.tsx); React apart, as it changes less often than the app.
    rolldownOptions: {
      // Our libs are declarations (constants, schemas, rules): a page takes what it imports from them, not the whole
      // lib, so the sign-in page carries no schema or case machine it does not use.
      treeshake: { moduleSideEffects: [{ test: /[\\/]libs[\\/][\w-]+[\\/]src[\\/]/, sideEffects: false }], manualPureFunctions: ['z'] },
      output: {
        codeSplitting: {
          // a group takes the modules it names, not everything they import (the sign-in page shares a few of those)
          includeDependenciesRecursively: false,
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            // The case machine and its schemas in one file for the pages that record an event (the case page loads it
            // after its first paint) or choose a phase, rather than a dozen small ones a phone would fetch six at a time
            // over HTTP/1.1. A stage is named from the catalogue (src/lib/stage-words.ts), without it.
            // (the deadlines' data, policy.ts and body-duties.ts, stays out: a list of cases shows them without the machine)
            { name: 'case-engine', test: /libs[\\/](case-machine[\\/]src[\\/](?!(policy|body-duties|time)\.ts)|matching[\\/])|node_modules[\\/]xstate[\\/]|src[\\/]lib[\\/](case-stage|forms)\.ts/ },
            // zod, for the pages that check a form or a query without the machine (the dashboard), with the few small
            // schemas of our contracts that every such page shares: any page that takes them takes zod anyway, so this
            // is fewer files for a phone to fetch (six at a time over HTTP/1.1), never more bytes
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|libs[\\/]contracts[\\/]src[\\/](shared|cursor|photo|places|child-profile)\.ts$/ },
            // the small rules the case pages and lists share (bodies, tracks, member terms, the deadlines' data, the
            // stage's words) in one file rather than eight; the sign-in page's own (roles, permissions) stay in the first chunk
            { name: 'rules', test: /libs[\\/](domain[\\/]src[\\/](escalations|tracks|member-terms|bodies)|case-machine[\\/]src[\\/](policy|body-duties|time))\.ts$|src[\\/]lib[\\/]stage-words\.ts$/ },
          ],
        },
      },
    },
  },
  server: { proxy: { [apiPaths]: API } },
});
