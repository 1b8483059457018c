import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { Redis } from 'ioredis';
import { redisConnectionOptions, requireDataKeys, type RakshaConfig } from '@raksha/config';
import { caseDataConverter } from '@raksha/contracts/temporal/payload-codec';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { AuditRepository, CaseRepository, createDb, DeadlinePolicyRepository, EscalationRepository, GeographyRepository, OperationsRepository, Sealer, type Db } from '@raksha/db';
import { ApiMetrics } from './metrics.js';
import { requestIdClientInterceptor } from './request-id.js';
import { closeTemporalConnection, temporalConnection } from './temporal-connection.js';
import { DB, RAKSHA_CONFIG, REDIS, TEMPORAL_CLIENT, TEMPORAL_CONNECTION } from './tokens.js';

/** Closes every connection the API opened, in reverse order of need. */
@Injectable()
class ConnectionsCloser implements OnApplicationShutdown {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await closeTemporalConnection(this.temporal);
    this.redis.disconnect();
    await this.db.$disconnect();
  }
}

/** Database, Redis and Temporal client, built once from the validated configuration. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: RakshaConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: RAKSHA_CONFIG, useValue: config },
        { provide: DB, useFactory: () => createDb(config.databaseUrl) },
        {
          provide: REDIS,
          useFactory: () => new Redis({ ...redisConnectionOptions(config.redisUrl), lazyConnect: true, maxRetriesPerRequest: 1 }),
        },
        {
          provide: TEMPORAL_CONNECTION,
          // lazy: the API starts (and /health reports) even while Temporal is still coming up
          useFactory: () => temporalConnection(config.temporal.address),
        },
        {
          provide: TEMPORAL_CLIENT,
          inject: [TEMPORAL_CONNECTION],
          // payloads encrypted as the worker's are: Temporal's history and UI hold no child's name in clear
          useFactory: (connection: Connection) =>
            new Client({
              connection,
              namespace: config.temporal.namespace,
              dataConverter: caseDataConverter(requireDataKeys(config)),
              // the request's id (and, when traced, its span) travel with each start, Update and signal
              interceptors: { workflow: [requestIdClientInterceptor, ...(config.observability.traces.exporter === 'none' ? [] : [new OpenTelemetryWorkflowClientInterceptor()])] },
            }),
        },
        { provide: AuditRepository, inject: [DB], useFactory: (db: Db) => new AuditRepository(db) },
        { provide: CaseRepository, inject: [DB, RAKSHA_CONFIG], useFactory: (db: Db, config: RakshaConfig) => new CaseRepository(db, new Sealer(requireDataKeys(config))) },
        { provide: DeadlinePolicyRepository, inject: [DB], useFactory: (db: Db) => new DeadlinePolicyRepository(db) },
        { provide: EscalationRepository, inject: [DB], useFactory: (db: Db) => new EscalationRepository(db) },
        { provide: GeographyRepository, inject: [DB], useFactory: (db: Db) => new GeographyRepository(db) },
        { provide: ApiMetrics, inject: [DB], useFactory: (db: Db) => new ApiMetrics(config, new OperationsRepository(db)) },
        ConnectionsCloser,
      ],
      exports: [ApiMetrics, RAKSHA_CONFIG, DB, REDIS, TEMPORAL_CLIENT, TEMPORAL_CONNECTION, AuditRepository, CaseRepository, DeadlinePolicyRepository, EscalationRepository, GeographyRepository],
    };
  }
}
