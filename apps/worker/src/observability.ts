// The worker's logs, metrics and traces (docs/operations.md): Temporal's Runtime logs through pino (the SDK's own
// lines, the workflows' `log` and the activities' context logs alike), serves its worker and SDK metrics for
// Prometheus when WORKER_METRICS_ADDRESS says where, and the request id an API call carried is on every line.
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import { Runtime, type ActivityInboundCallsInterceptor, type ActivityInterceptorsFactory, type InjectedSinks, type Logger, type LogLevel, type LogMetadata } from '@temporalio/worker';
import { makeWorkflowExporter, OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor, type OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import { createLogger, type RakshaConfig } from '@raksha/config';
import { requestIdOf } from '@raksha/contracts/temporal/request-id';
import type { Tracing } from '@raksha/contracts/temporal/tracing';

const LEVELS = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** Temporal's Logger interface over pino; an `error` in the metadata goes under pino's `err` (its stack kept). */
export function temporalLogger(pino: PinoLogger): Logger {
  const log = (level: LogLevel, message: string, meta: LogMetadata = {}) => {
    const { error, ...rest } = meta as { error?: unknown };
    pino[LEVELS[level]](error === undefined ? rest : { ...rest, err: error }, message);
  };
  return {
    log,
    trace: (m, meta) => log('TRACE', m, meta),
    debug: (m, meta) => log('DEBUG', m, meta),
    info: (m, meta) => log('INFO', m, meta),
    warn: (m, meta) => log('WARN', m, meta),
    error: (m, meta) => log('ERROR', m, meta),
  };
}

let processLog: PinoLogger | undefined;

/** The process's logger for its own lines (scans that failed, start-up): installWorkerRuntime's, or a plain JSON one. */
export function workerLog(): PinoLogger {
  return (processLog ??= createLogger('log', 'worker'));
}

/**
 * Installs Temporal's Runtime with the worker's logger and metrics; once per process, before any connection
 * (the SDK makes a default Runtime with the first connection otherwise). Returns the process's pino logger.
 */
export function installWorkerRuntime(config: RakshaConfig, destination?: DestinationStream): PinoLogger {
  const pino = createLogger(config.logLevel, 'worker', destination);
  processLog = pino;
  const address = config.observability.workerMetricsAddress;
  Runtime.install({
    logger: temporalLogger(pino),
    telemetryOptions: {
      // The SDK core's own lines (Rust) forwarded into the same logger: warnings and errors only.
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      ...(address ? { metrics: { prometheus: { bindAddress: address, useSecondsForDurations: true }, globalTags: { service: 'raksha-worker' } } } : {}),
    },
  });
  return pino;
}

/** Activities (local ones too) run with the request id their workflow sent; their log lines name it. */
const requestIdActivityInterceptors: ActivityInterceptorsFactory = () => {
  let requestId: string | undefined;
  const inbound: ActivityInboundCallsInterceptor = {
    execute(input, next) {
      requestId = requestIdOf(input.headers);
      return next(input);
    },
  };
  return { inbound, outbound: { getLogAttributes: (input, next) => next(requestId ? { ...input, requestId } : input) } };
};

/** The worker's activity interceptors and, when traced, the sink through which workflows hand over their spans. */
export function workerInterceptors(tracing: Tracing | undefined): { activity: ActivityInterceptorsFactory[]; sinks: InjectedSinks<OpenTelemetrySinks> | undefined } {
  if (!tracing) return { activity: [requestIdActivityInterceptors], sinks: undefined };
  return {
    activity: [requestIdActivityInterceptors, (ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    sinks: { exporter: makeWorkflowExporter(tracing.exporter, tracing.resource) },
  };
}
