// A worker process that runs one legacy import slowly, for porting.int.ts to kill mid-way (SIGKILL: no clean-up runs).
import { Queue } from 'bullmq';
import { createLegacyImporter } from '@raksha/activities';
import { redisConnectionOptions } from '@raksha/config';
import { BACKFILL_MATCHING_QUEUE } from '@raksha/contracts';
import { createDb, GeographyRepository, LegacyImportRepository } from '@raksha/db';

const db = createDb(process.env.DATABASE_URL!);
const matching = new Queue<{ reportId: string }>(BACKFILL_MATCHING_QUEUE, { connection: redisConnectionOptions(process.env.REDIS_URL!) });
await createLegacyImporter({ imports: new LegacyImportRepository(db), geography: new GeographyRepository(db), matching }).runImport(process.argv[2]!, { batchSize: 5, pauseMs: 250 });
await matching.close();
await db.$disconnect();
