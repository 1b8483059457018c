// `npm run audit:verify`: recomputes every audit hash chain; exits 1 and names each break
// (an entry edited, deleted, re-linked, or cut from the end of a case's chain).
import { loadConfig } from '@raksha/config';
import { AuditRepository, createDb } from '@raksha/db';

const db = createDb(loadConfig().databaseUrl);
try {
  const { chains, breaks } = await new AuditRepository(db).verifyAll();
  for (const b of breaks) console.error(`BROKEN ${b.chain} at position ${b.position}: ${b.reason}`);
  console.log(`${chains} audit chain(s) verified, ${breaks.length} break(s)`);
  process.exitCode = breaks.length ? 1 : 0;
} finally {
  await db.$disconnect();
}
