// `npm run records:schedule`: schedules the s.24(2) destruction of CICL cases closed before Raksha scheduled it on
// closure (the case worker does it for every case that closes now). Idempotent: a case scheduled or held already keeps
// its row; cases s.24 does not cover get none (libs/domain records-destruction.ts).
import { loadConfig, requireDataKeys } from '@raksha/config';
import { CaseRepository, createDb, RecordsDestructionRepository, Sealer } from '@raksha/db';
import { destructionDecision } from '@raksha/domain';

const config = loadConfig();
const db = createDb(config.databaseUrl);
const cases = new CaseRepository(db, new Sealer(requireDataKeys(config)));
const destructions = new RecordsDestructionRepository(db);
let scheduled = 0;
try {
  const closed = await db.case.findMany({ where: { track: 'CICL', phase: 'CLOSED', destroyedAt: null }, select: { id: true, track: true, closedAt: true, updatedAt: true } });
  for (const c of closed) {
    const decision = destructionDecision(c.track, await cases.timeline(c.id), c.closedAt ?? c.updatedAt);
    if (!decision.scheduled) continue;
    await destructions.schedule({ caseId: c.id, ground: decision.ground, orderAt: decision.orderAt, closedAt: c.closedAt ?? c.updatedAt, dueAt: decision.dueAt });
    scheduled += 1;
  }
  console.log(`${closed.length} closed CICL case(s) looked at, ${scheduled} of them s.24(2) covers, each now with its schedule (one scheduled or held already is left as it was)`);
} finally {
  await db.$disconnect();
}
