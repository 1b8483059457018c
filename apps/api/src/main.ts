import { loadConfig } from '@raksha/config';
import { startTracing } from '@raksha/contracts/temporal/tracing';
import { Logger } from 'nestjs-pino';
import { createApp } from './app.js';

const config = loadConfig();
// Before the app: the Temporal client's and the requests' spans need the provider in place.
const tracing = startTracing(config, 'api');
const app = await createApp(config);
await app.listen(config.api.port, config.api.host);
const base = `http://${config.api.host}:${config.api.port}`;
// The message keeps its old `[api] http…` start: scripts and tests wait for it.
app.get(Logger).log(`[api] ${base} (Swagger UI ${base}/docs, Temporal UI ${config.temporal.uiUrl}, traces: ${config.observability.traces.exporter})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void tracing?.shutdown());
