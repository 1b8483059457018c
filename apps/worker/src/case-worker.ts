import { Queue } from 'bullmq';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, createInstitutionActivities, createInterventionActivities, createLegacyImporter, createMatcher, createRekeyer, enqueueLegacyImport, keyStoredCases } from '@raksha/activities';
import { redisConnectionOptions, requireDataKeys, type RakshaConfig } from '@raksha/config';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { BACKFILL_MATCHING_QUEUE, enqueueRekey, LEGACY_IMPORT_QUEUE, type LegacyImportJob, MATCHING_QUEUE, type MatchingJob, NOTIFICATION_QUEUE, type NotificationJob, ORDER_DOCUMENT_QUEUE, type OrderDocumentJob } from '@raksha/contracts';
import { BodyDutyRepository, CaseRepository, createMatchingPool, DeadlinePolicyRepository, DeliveryRepository, DuplicateRepository, EscalationRepository, FaceRepository, GeographyRepository, InterventionRepository, LegacyImportRepository, NotificationRepository, poolMatchingSql, RecordsDestructionRepository, ReportRepository, Sealer, SealedFieldsRepository, type Db } from '@raksha/db';
import { lazyFaceDescriber } from '@raksha/faces';
import { caseStarter } from './case-starter.js';
import { dutyWatchTeller, startDutyWatch } from './duty-watch.js';
import { startTrendRollup, trendRollupDeps } from './trend-rollup.js';
import { startBackfillMatchingProcessor, startLegacyImportProcessor } from './legacy-import.processor.js';
import { startMatchingProcessor } from './matching.processor.js';
import { startNotificationProcessor } from './notification.processor.js';
import { DocumentStore } from '@raksha/documents';
import { startOrderDocuments } from './order-documents.processor.js';
import { reachFromConfig } from './reach.js';
import { startEscalationReminders } from './reminders.js';
import { startRecordsDestruction, startRetention, temporalHistoryDeleter } from './records-destruction.js';
import { enqueueReseal, RESEAL_QUEUE, startResealProcessor, type ResealJob } from './reseal.processor.js';
import type { Tracing } from '@raksha/contracts/temporal/tracing';
import { workerInterceptors, workerLog } from './observability.js';

export interface RunningWorker {
  /** Resolves when the worker has stopped. */
  done: Promise<void>;
  /** Graceful stop: finishes in-flight tasks, then closes every connection it opened. */
  stop(): Promise<void>;
}

/**
 * Starts the Temporal case worker, the matching processor and, unless the configuration says the
 * notification processor runs as its own process (notifications.ts), the BullMQ notification processor.
 */
export async function startCaseWorker(
  config: RakshaConfig,
  db: Db,
  bundle: WorkflowBundleWithSourceMap,
  /** A connection the caller owns (e.g. a time-skipping test server); otherwise one is opened and closed here. */
  temporal?: NativeConnection,
  /** Traces on (main.ts starts them when OTEL_TRACES_EXPORTER says so): the bundle must carry the tracing interceptors too. */
  tracing?: Tracing,
): Promise<RunningWorker> {
  const observed = workerInterceptors(tracing);
  const redis = redisConnectionOptions(config.redisUrl);
  const sealer = new Sealer(requireDataKeys(config));
  const connection = temporal ?? (await NativeConnection.connect({ address: config.temporal.address }));
  const notifications = new Queue<NotificationJob>(NOTIFICATION_QUEUE, { connection: redis });
  const orderDocuments = new Queue<OrderDocumentJob>(ORDER_DOCUMENT_QUEUE, { connection: redis });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowBundle: bundle,
    dataConverter: caseDataConverter(requireDataKeys(config)),
    activities: {
      ...createActivities({ cases: new CaseRepository(db, sealer), notifications, orderDocuments, destructions: new RecordsDestructionRepository(db) }),
      ...createInstitutionActivities({ escalations: new EscalationRepository(db), notifications }),
      ...createInterventionActivities({ interventions: new InterventionRepository(db), notifications }),
    },
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
    interceptors: { activity: observed.activity },
    ...(observed.sinks ? { sinks: observed.sinks } : {}),
  });
  const reach = config.worker.deliversNotifications ? await reachFromConfig(config, redis, db) : undefined;
  const processor = config.worker.deliversNotifications ? startNotificationProcessor(redis, new NotificationRepository(db), reach) : undefined;
  const reminders = config.worker.deliversNotifications ? startEscalationReminders(new DeliveryRepository(db), notifications, config.notify.reminderScanMs) : undefined;
  // Matching's statements through a pool of their own: no Prisma query compiler, sequential scans and JIT off per session.
  const matchingPool = createMatchingPool(config.databaseUrl);
  const reports = new ReportRepository(db, sealer, poolMatchingSql(matchingPool));
  const matchingJobs = new Queue<MatchingJob>(MATCHING_QUEUE, { connection: redis });
  const rekeyer = createRekeyer({ reports, matching: matchingJobs });
  // Report photos are described on a thread of the describer's own, started with the first photo.
  const describer = lazyFaceDescriber();
  const faces = { store: new FaceRepository(db, sealer, poolMatchingSql(matchingPool)), describer };
  const matcher = createMatcher({ reports, notifications, faces, publicUrl: config.publicUrl });
  const matching = startMatchingProcessor(redis, matcher, rekeyer);
  // Legacy imports, and the matching of what they import on a throttled queue of its own (docs/porting.md).
  const backfillJobs = new Queue<{ reportId: string }>(BACKFILL_MATCHING_QUEUE, { connection: redis });
  const importJobs = new Queue<LegacyImportJob>(LEGACY_IMPORT_QUEUE, { connection: redis });
  const imports = new LegacyImportRepository(db, sealer);
  // A CCI register's children become cases: started through a client on the worker's own connection.
  const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: caseDataConverter(requireDataKeys(config)) });
  const duplicates = new DuplicateRepository(db, poolMatchingSql(matchingPool));
  const importer = createLegacyImporter({ imports, geography: new GeographyRepository(db), matching: backfillJobs, cases: caseStarter(client, config.temporal.taskQueue), policies: new DeadlinePolicyRepository(db), duplicates });
  const importing = startLegacyImportProcessor(redis, importer);
  // CWCs' and JJBs' missed duties, once a day, up the ladder through obligation watches.
  const dutyWatch = config.worker.watchesDuties && (await startDutyWatch(redis, { duties: new BodyDutyRepository(db), policies: new DeadlinePolicyRepository(db), tell: dutyWatchTeller(client, config.temporal.taskQueue) }));
  // The dashboards' monthly trends of closed months, counted per district each night (docs/dashboards.md).
  const trendRollup = config.worker.rollsUpTrends && (await startTrendRollup(redis, trendRollupDeps(db)));
  const documentFiles = new DocumentStore(config.documents.dir);
  // s.24(2): CICL cases' records destroyed once due and not held (docs/records-destruction.md).
  const destruction = startRecordsDestruction({ destructions: new RecordsDestructionRepository(db), deleteHistory: temporalHistoryDeleter(client, config.temporal.namespace), removeDocumentFile: (h) => documentFiles.remove(h) }, config.worker.recordsDestructionScanMs);
  // The retention schedule, once a day (libs/domain RETENTION_SCHEDULE, docs/privacy.md).
  const retention = await startRetention(redis, new RecordsDestructionRepository(db));
  const backfill = startBackfillMatchingProcessor(redis, matcher, { reports, duplicates }, config.worker.importMatchingPerSecond);
  // An import whose job was lost with Redis's data is queued again; one whose job waits or runs is left as it is.
  for (const { id } of await imports.unfinished()) await enqueueLegacyImport(importJobs, id);
  // Orders' documents are made beside the notification processor (its own process under npm start).
  const documenting = config.worker.deliversNotifications ? await startOrderDocuments(config, db, redis) : undefined;
  // Reports stored under older matching keys are re-keyed once per version, whichever worker starts first.
  await enqueueRekey(matchingJobs, rekeyer.keysVersion);
  // Cases registered before cases kept name keys get them, in the background: the duplicate search then reaches them
  // across the state (docs/porting.md). Idempotent: every worker start looks, and finds none once they are keyed.
  let stopping = false;
  // Sealed fields under a retired key, or stored in clear before they were sealed, sealed under the current key in the
  // background (docs/sealed-fields.md); every start looks, and finds none once all are.
  const resealJobs = new Queue<ResealJob>(RESEAL_QUEUE, { connection: redis });
  const resealing = startResealProcessor(redis, new SealedFieldsRepository(db, sealer), sealer.keyId, () => stopping);
  await enqueueReseal(resealJobs, sealer.keyId);
  const keyingCases = keyStoredCases(new CaseRepository(db, sealer), { stopped: () => stopping }).catch((e: unknown) => workerLog().error({ err: e }, 'duplicates: keying stored cases failed'));
  const done = worker.run().finally(async () => {
    stopping = true;
    await keyingCases;
    await resealing.close();
    await resealJobs.close();
    await matching.close();
    await documenting?.close();
    await orderDocuments.close();
    if (dutyWatch) await dutyWatch.close();
    if (trendRollup) await trendRollup.close();
    await importing.close();
    await backfill.close();
    await importJobs.close();
    await backfillJobs.close();
    await describer.close();
    await matchingJobs.close();
    await matchingPool.end();
    await reminders?.stop();
    await destruction.stop();
    await retention.close();
    await processor?.close();
    await reach?.close();
    await notifications.close();
    if (!temporal) await connection.close();
  });
  return {
    done,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
