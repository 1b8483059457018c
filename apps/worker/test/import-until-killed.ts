// A worker process that runs one legacy import slowly, for porting.int.ts and cci-import.int.ts to kill mid-way
// (SIGKILL: no clean-up runs). Given a Temporal server (TEMPORAL_ADDRESS), it starts a CCI register's cases too.
import { Client, Connection } from '@temporalio/client';
import { Queue } from 'bullmq';
import { createLegacyImporter } from '@raksha/activities';
import { loadTestConfig, redisConnectionOptions, requireDataKeys } from '@raksha/config';
import { BACKFILL_MATCHING_QUEUE } from '@raksha/contracts';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { createDb, DeadlinePolicyRepository, GeographyRepository, LegacyImportRepository, Sealer } from '@raksha/db';
import { caseStarter } from '../src/case-starter.js';

const db = createDb(process.env.DATABASE_URL!);
const matching = new Queue<{ reportId: string }>(BACKFILL_MATCHING_QUEUE, { connection: redisConnectionOptions(process.env.REDIS_URL!) });
const config = process.env.TEMPORAL_ADDRESS ? loadTestConfig(process.env) : undefined;
const connection = config && (await Connection.connect({ address: config.temporal.address }));
const cases = config && connection && caseStarter(new Client({ connection, namespace: config.temporal.namespace, dataConverter: caseDataConverter(requireDataKeys(config)) }), config.temporal.taskQueue);
await createLegacyImporter({ imports: new LegacyImportRepository(db, new Sealer(requireDataKeys(loadTestConfig(process.env)))), geography: new GeographyRepository(db), matching, policies: new DeadlinePolicyRepository(db), ...(cases && { cases }) }).runImport(process.argv[2]!, { batchSize: 5, pauseMs: 250 });
await connection?.close();
await matching.close();
await db.$disconnect();
