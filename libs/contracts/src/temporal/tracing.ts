// OpenTelemetry traces across the API, Temporal Updates, workflows and activities (docs/operations.md). Off unless
// OTEL_TRACES_EXPORTER says console or otlp; nothing is fetched at run time, spans go where the exporter says.
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { RakshaConfig } from '@raksha/config';

export interface Tracing {
  /** Where spans go; the worker hands it to the workflows' span sink. */
  exporter: SpanExporter;
  resource: Resource;
  /** Sends what is buffered and stops. */
  shutdown(): Promise<void>;
}

/** Starts tracing for one process (`api`, `worker`) as the configuration says; undefined when traces are off. */
export function startTracing(config: RakshaConfig, process: string, exporter?: SpanExporter): Tracing | undefined {
  const traces = config.observability.traces;
  if (traces.exporter === 'none' && !exporter) return undefined;
  const spans = exporter ?? (traces.exporter === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter({ url: `${traces.otlpEndpoint!.replace(/\/+$/, '')}/v1/traces` }));
  const resource = new Resource({ 'service.name': traces.serviceName, 'service.namespace': 'raksha', 'raksha.process': process });
  const provider = new BasicTracerProvider({ resource });
  // The console exporter is for a person reading along: each span as it ends. Collectors get batches.
  provider.addSpanProcessor(traces.exporter === 'otlp' && !exporter ? new BatchSpanProcessor(spans) : new SimpleSpanProcessor(spans));
  provider.register({ contextManager: new AsyncLocalStorageContextManager().enable(), propagator: new W3CTraceContextPropagator() });
  return {
    exporter: spans,
    resource,
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
