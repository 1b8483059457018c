// `npm run trends:rollup`: the dashboards' monthly trends rolled up now, as the worker does each night (every state's
// 24 closed months counted per district). For after an import of old cases, whose months would otherwise show the
// import at the next night's run; `npm run demo:data` does it after writing its year of work.
import { loadConfig } from '@raksha/config';
import { createDb } from '@raksha/db';
import { rollUpTrends, trendRollupDeps } from '@raksha/worker/trend-rollup';

const config = loadConfig();
const db = createDb(config.databaseUrl);
try {
  const started = Date.now();
  const rows = await rollUpTrends(trendRollupDeps(db), new Date());
  console.log(`trends:rollup: ${rows.toLocaleString('en-IN')} district-months counted in ${Math.round((Date.now() - started) / 1000)} s`);
} finally {
  await db.$disconnect();
}
