// `npm run watches:sync`: tells every obligation watch the database's current record — each institution's
// s.41 registration and each open missing report's AHTU referral — starting any watch that is missing (seeded
// institutions, or a change whose signal was lost while Temporal was down). Idempotent; `npm start` runs it.
import { Client, Connection } from '@temporalio/client';
import { loadConfig, requireDataKeys } from '@raksha/config';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';

import { obligationChangedSignal, obligationWatchId, type WatchedObligation } from '@raksha/contracts/temporal';
import { createDb, InstitutionRepository, ReportRepository, Sealer } from '@raksha/db';
import { watchedAhtuReferral, watchedRegistration } from '@raksha/api/obligations/watched';

const config = loadConfig();
const db = createDb(config.databaseUrl);
const connection = await Connection.connect({ address: config.temporal.address });
const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: caseDataConverter(requireDataKeys(config)) });

const tell = (w: WatchedObligation) =>
  client.workflow.signalWithStart('obligationWatchWorkflow', {
    taskQueue: config.temporal.taskQueue,
    workflowId: obligationWatchId(w.subject, w.subjectId),
    args: [w],
    signal: obligationChangedSignal,
    signalArgs: [w],
  });

let told = 0;
try {
  const institutions = new InstitutionRepository(db);
  for (let afterId: string | undefined, page; (page = await institutions.list({ limit: 200, ...(afterId && { afterId }) })).length; afterId = page[page.length - 1]!.id) {
    for (const i of page) {
      if (!i.registeredUntil) continue;
      await tell(watchedRegistration(i));
      told += 1;
    }
  }
  const reports = new ReportRepository(db, new Sealer(requireDataKeys(config)));
  for (let after: { createdAt: Date; id: string } | undefined, page; (page = await reports.list({ kind: 'MISSING', status: 'OPEN', limit: 200, ...(after && { after }) })).length; ) {
    for (const r of page) {
      const w = watchedAhtuReferral(r);
      if (w) {
        await tell(w);
        told += 1;
      }
    }
    const last = page[page.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
  console.log(`[watches] ${told} obligation watches told of the current record`);
} finally {
  await connection.close();
  await db.$disconnect();
}
