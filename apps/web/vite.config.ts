import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the API at /app/ (apps/api/src/app.ts); `npm run dev -w @raksha/web` proxies the API.
const API = process.env.RAKSHA_API ?? 'http://127.0.0.1:3000';
// Every path outside the app's own /app/ is the API's, so a new API route needs no entry here.
const apiPaths = '^/(?!app(/|$))';

export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { [apiPaths]: API } },
});
