// A server span per request when tracing is on: the parent of the Temporal client's spans (start, Update), which
// the workflow's and the activities' spans continue in the worker.
import type { NextFunction, Request, Response } from 'express';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { routeTemplateOf } from './http-route.js';
import { currentRequestId } from './request-id.js';

const tracer = trace.getTracer('raksha-api');

export function traceRequests(req: Request, res: Response, next: NextFunction): void {
  // A caller's traceparent continues its trace (a gateway, the web app's own tracing if it has any).
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer.startSpan(req.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'raksha.request_id': currentRequestId() ?? '' } }, parent);
  res.once('finish', () => {
    const route = routeTemplateOf(req);
    span.updateName(`${req.method} ${route}`);
    span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), next);
}

/** The trace a log line belongs to, when traced: an operator goes from the line to the trace. */
export function traceIdOfLogLine(): object {
  const span = trace.getActiveSpan();
  return span ? { traceId: span.spanContext().traceId } : {};
}
