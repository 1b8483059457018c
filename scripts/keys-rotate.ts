// `npm run keys:rotate`: a new data key for new writes (docs/sealed-fields.md). The current key in $RAKSHA_HOME/data-key
// moves to $RAKSHA_HOME/retired-data-keys (still opening what it sealed), a new random key takes its place; restart the
// API and the worker together, and the worker's re-seal job moves every sealed value to the new key in the background.
// `npm run keys:census` (or `--census`): how many stored values each key wraps, column by column; a retired key may
// leave RAKSHA_RETIRED_DATA_KEYS once no column names it (and no Temporal history it encrypted is retained).
// A deployment whose keys live in a secret store does the same there: RAKSHA_DATA_KEY new, the old one appended to
// RAKSHA_RETIRED_DATA_KEYS.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataKeyId, loadConfig, requireDataKeys } from '@raksha/config';
import { createDb, Sealer, SealedFieldsRepository } from '@raksha/db';

if (process.argv.includes('--census')) {
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  try {
    const census = await new SealedFieldsRepository(db, new Sealer(requireDataKeys(config))).census();
    console.log(`current key ${dataKeyId(Buffer.from(config.dataKey!, 'base64'))}`);
    for (const [column, byKey] of Object.entries(census)) {
      const counts = Object.entries(byKey).map(([key, n]) => `${key}: ${n}`);
      console.log(`${column.padEnd(30)} ${counts.length ? counts.join(', ') : 'none stored'}`);
    }
  } finally {
    await db.$disconnect();
  }
} else {
  const home = process.env.RAKSHA_HOME;
  if (!home || !existsSync(join(home, 'data-key'))) {
    console.error('no $RAKSHA_HOME/data-key to rotate: a deployment rotates in its secret store (RAKSHA_DATA_KEY new, the old one appended to RAKSHA_RETIRED_DATA_KEYS)');
    process.exit(1);
  }
  const keyFile = join(home, 'data-key');
  const retiredFile = join(home, 'retired-data-keys');
  const old = readFileSync(keyFile, 'utf8').trim();
  const retired = existsSync(retiredFile) ? readFileSync(retiredFile, 'utf8').split(',').map((k) => k.trim()).filter(Boolean) : [];
  const next = randomBytes(32).toString('base64');
  // The retired list first, so that a crash between the two writes leaves the old key readable either way.
  writeFileSync(retiredFile, [...retired.filter((k) => k !== old), old].join(','), { mode: 0o600 });
  chmodSync(retiredFile, 0o600);
  writeFileSync(keyFile, next, { mode: 0o600 });
  chmodSync(keyFile, 0o600);
  console.log(`data key ${dataKeyId(Buffer.from(old, 'base64'))} retired (kept in ${retiredFile}); new writes use ${dataKeyId(Buffer.from(next, 'base64'))}`);
  console.log('restart the API and the worker together (source scripts/env.sh first): the worker re-seals stored values under the new key in the background; `npm run keys:census` shows the progress');
}
