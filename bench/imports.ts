// `npm run bench:imports`: a state's police stations (15,000 rows by default) imported through the API: how long the
// request takes to answer (the whole file checked, the job queued) and how long the job takes to write every row.
// The API in-process against database raksha_bench (emptied and seeded), Redis database 9. Not a test: it prints figures.
// Usage: npm run bench:imports -- [--rows 15000]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { loadConfig } from '@raksha/config';
import { createApp } from '@raksha/api/app';
import { DEMO_PASSWORD } from '@raksha/prisma/seed-users';
import { assertBenchRedis, clearBenchRedis, prepareBenchDatabase } from './lib/setup.js';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '15000' } } });
const rows = Number(args.rows);
if (!Number.isInteger(rows) || rows < 1 || rows > 20_000) throw new Error('--rows: 1 to 20,000');

const user = process.env.PGUSER ?? 'raksha';
const password = process.env.PGPASSWORD ?? 'raksha';
const hostPort = `${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}`;
const benchUrl = process.env.BENCH_DATABASE_URL ?? `postgresql://${user}:${password}@${hostPort}/raksha_bench`;
const adminUrl = `postgresql://${user}:${password}@${hostPort}/raksha_test`;
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const log = (line: string) => console.log(`[bench:imports] ${line}`);

assertBenchRedis(redisUrl);
await prepareBenchDatabase(adminUrl, benchUrl);
await clearBenchRedis(redisUrl);
const config = loadConfig({
  RAKSHA_TOKEN_SECRET: 'bench-only-token-secret-not-for-any-deployment',
  RAKSHA_DATA_KEY: Buffer.from('bench-only-data-key-not-for-use!').toString('base64'),
  RATE_LIMIT_PER_MINUTE: '1000000',
  LOG_LEVEL: 'error',
  ...process.env,
  DATABASE_URL: benchUrl,
  REDIS_URL: redisUrl,
});
const app = await createApp(config);
await app.init();
try {
  const http = request(app.getHttpServer());
  const login = await http.post('/auth/login').send({ username: 'admin.rj', password: DEMO_PASSWORD }).expect(200);
  const auth = { Authorization: `Bearer ${login.body.accessToken as string}` };
  const file = `districtCode,kind,code,name\r\n${Array.from({ length: rows }, (_, i) => `RJ-JAIPUR,POLICE_STATION,PS-B${i},Thana ${i}`).join('\r\n')}\r\n`;
  log(`${rows.toLocaleString('en-IN')} rows, ${(Buffer.byteLength(file) / 1024).toFixed(0)} KiB`);

  let t0 = performance.now();
  await http.post('/places/import?dryRun=true').set(auth).set('content-type', 'text/csv').send(file).expect(200);
  log(`dry run answered in ${(performance.now() - t0).toFixed(0)} ms`);

  t0 = performance.now();
  const res = await http.post('/places/import').set(auth).set('content-type', 'text/csv').send(file);
  log(`import answered ${res.status} in ${(performance.now() - t0).toFixed(0)} ms`);
  if (res.status === 202) {
    for (;;) {
      const job = (await http.get(`/imports/${res.body.id as string}`).set(auth).expect(200)).body as { status: string; done: number; total: number };
      if (job.status === 'DONE' || job.status === 'FAILED') {
        log(`job ${job.status}: ${job.done} of ${job.total} rows ${(performance.now() - t0).toFixed(0)} ms after the request was sent`);
        break;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  t0 = performance.now();
  const again = await http.post('/places/import').set(auth).set('content-type', 'text/csv').send(file);
  log(`the same file again answered ${again.status} (imported ${again.body.imported as number}) in ${(performance.now() - t0).toFixed(0)} ms`);
} finally {
  await app.close();
  await clearBenchRedis(redisUrl);
}
