import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { API_RESPONSES } from '@raksha/contracts';

// Served by the API at /app/ (apps/api/src/app.ts); `npm run dev -w @raksha/web` proxies the API.
// Loaded with `--configLoader runner` (package.json): the contracts are TypeScript, which the default loader leaves to Node.
const API = process.env.RAKSHA_API ?? 'http://127.0.0.1:3000';
// The first segment of every route the API declares, and its OpenAPI page.
const apiRoutes = [...new Set(Object.keys(API_RESPONSES).map((route) => `/${route.split(' ')[1]?.split('/')[1]}`)), '/docs'];

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: Object.fromEntries(apiRoutes.map((r) => [r, API])) },
});
