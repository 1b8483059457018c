// Prometheus metrics at GET /metrics (prom-client): the API's HTTP latency by route template, the BullMQ queues'
// depths and failures, escalations open by rung and failed deliveries. The worker's Temporal metrics are served
// by its own Runtime (WORKER_METRICS_ADDRESS); docs/operations.md says what to scrape and how /metrics is guarded.
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { BACKFILL_MATCHING_QUEUE, DELIVERY_QUEUE, IMPORT_QUEUE, LEGACY_IMPORT_QUEUE, MATCHING_QUEUE, NOTIFICATION_QUEUE, ORDER_DOCUMENT_QUEUE } from '@raksha/contracts';
import { redisConnectionOptions, type RakshaConfig } from '@raksha/config';
import type { OperationsRepository } from '@raksha/db';
import { routeTemplateOf } from './http-route.js';

/** The BullMQ queues the API and the worker share (the worker's own schedulers' queues hold no work a person waits on). */
const WATCHED_QUEUES = [NOTIFICATION_QUEUE, DELIVERY_QUEUE, MATCHING_QUEUE, BACKFILL_MATCHING_QUEUE, ORDER_DOCUMENT_QUEUE, IMPORT_QUEUE, LEGACY_IMPORT_QUEUE];
const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const;
/** A source that does not answer within this leaves its figures out of the scrape rather than holding it up. */
const SOURCE_TIMEOUT_MS = 2000;

export class ApiMetrics {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly redis: Redis;
  private readonly queues: Queue[];
  private round: { at: number; figures: Promise<Figures> } | undefined;

  constructor(
    config: RakshaConfig,
    private readonly operations: OperationsRepository,
  ) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service: 'raksha-api' });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'raksha_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    // One connection for every queue's counts; a scrape while Redis is down fails fast and shows as source "redis" down.
    this.redis = new Redis({ ...redisConnectionOptions(config.redisUrl), maxRetriesPerRequest: 1, disconnectTimeout: 200 });
    this.redis.on('error', () => {});
    this.queues = WATCHED_QUEUES.map((name) => new Queue(name, { connection: this.redis }).on('error', () => {}));
    const figures = () => this.figures();
    new Gauge({
      name: 'raksha_queue_jobs',
      help: 'Jobs in each BullMQ queue by state (failed: failed for good, kept for inspection)',
      labelNames: ['queue', 'state'],
      registers,
      async collect() {
        const { queues } = await figures();
        this.reset();
        for (const q of queues ?? []) for (const state of QUEUE_STATES) this.set({ queue: q.queue, state }, q.counts[state] ?? 0);
      },
    });
    new Gauge({
      name: 'raksha_escalations_open',
      help: 'Escalations raised and not yet resolved, by rung (0 = the first) and the body raised to',
      labelNames: ['rung', 'to_body'],
      registers,
      async collect() {
        const { escalations } = await figures();
        this.reset();
        for (const r of escalations ?? []) this.set({ rung: String(r.rung), to_body: r.toBody }, r.count);
      },
    });
    new Gauge({
      name: 'raksha_deliveries_failed',
      help: 'Notices that could not be delivered after every attempt, by channel',
      labelNames: ['channel'],
      registers,
      async collect() {
        const { deliveries } = await figures();
        this.reset();
        for (const r of deliveries ?? []) this.set({ channel: r.channel }, r.count);
      },
    });
    new Gauge({
      name: 'raksha_metrics_source_up',
      help: '1 when the source of a group of figures answered this scrape, 0 when not (its figures are then left out)',
      labelNames: ['source'],
      registers,
      async collect() {
        const f = await figures();
        this.set({ source: 'redis' }, f.queues ? 1 : 0);
        this.set({ source: 'postgres' }, f.escalations && f.deliveries ? 1 : 0);
      },
    });
  }

  /** One round of questions to Redis and PostgreSQL per scrape, shared by the gauges it feeds (collected at once). */
  private figures(): Promise<Figures> {
    const now = Date.now();
    if (!this.round || now - this.round.at > 1000) this.round = { at: now, figures: this.measure() };
    return this.round.figures;
  }

  private async measure(): Promise<Figures> {
    const [queues, escalations, deliveries] = await Promise.all([
      answered(Promise.all(this.queues.map(async (q) => ({ queue: q.name, counts: await q.getJobCounts(...QUEUE_STATES) })))),
      answered(this.operations.openEscalationsByRung()),
      answered(this.operations.failedDeliveriesByChannel()),
    ]);
    return { queues, escalations, deliveries };
  }

  /** Express middleware: times every request and records it under its route template once answered. */
  readonly timeRequests = (req: Request, res: Response, next: NextFunction): void => {
    const end = this.httpDuration.startTimer();
    res.once('finish', () => end({ method: req.method, route: routeTemplateOf(req), status: String(res.statusCode) }));
    next();
  };

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
    this.redis.disconnect();
  }
}

/**
 * GET /metrics. With METRICS_TOKEN set, only a scraper presenting it as a bearer token; without, only a client on
 * this machine that no proxy relayed (a reverse proxy on the same host adds X-Forwarded-For or Forwarded).
 */
export function metricsEndpoint(metrics: Pick<ApiMetrics, 'registry'>, token: string | undefined) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.method !== 'GET' || (req.path !== '/' && req.path !== '')) return next();
    if (!mayScrape(req, token)) {
      res.status(404).type('application/problem+json').send(JSON.stringify({ type: '/problems/not-found', title: 'Not Found', status: 404 }));
      return;
    }
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.send(await metrics.registry.metrics());
  };
}

function mayScrape(req: Request, token: string | undefined): boolean {
  if (token) {
    const sent = Buffer.from(req.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${token}`);
    return sent.length === expected.length && timingSafeEqual(sent, expected);
  }
  const relayed = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined;
  const address = req.socket.remoteAddress ?? '';
  return !relayed && (address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1');
}

interface Figures {
  queues: { queue: string; counts: Record<string, number> }[] | undefined;
  escalations: Awaited<ReturnType<OperationsRepository['openEscalationsByRung']>> | undefined;
  deliveries: Awaited<ReturnType<OperationsRepository['failedDeliveriesByChannel']>> | undefined;
}

/** The answer, or undefined when the source failed or did not answer in time. */
function answered<T>(work: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), SOURCE_TIMEOUT_MS);
    }),
  ])
    .catch(() => undefined)
    .finally(() => clearTimeout(timer));
}
