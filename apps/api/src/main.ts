import { loadConfig } from '@raksha/config';
import { createApp } from './app.js';

const config = loadConfig();
const app = await createApp(config);
await app.listen(config.api.port, config.api.host);
const base = `http://${config.api.host}:${config.api.port}`;
console.log(`[api] ${base}  (Swagger UI ${base}/docs, Temporal UI ${config.temporal.uiUrl})`);
