import { describe, expect, it } from '@jest/globals';
import type { Request, Response } from 'express';
import { Registry } from 'prom-client';
import { loadConfig } from '@raksha/config';
import type { OperationsRepository } from '@raksha/db';
import { ApiMetrics, metricsEndpoint } from './metrics.js';

/** Asks GET /metrics as a scraper at `address` with `headers`; answers the status it got. */
async function scrape(token: string | undefined, address: string, headers: Record<string, string> = {}): Promise<number> {
  let status = 200;
  let passed = false;
  const res = { status: (s: number) => ((status = s), res), type: () => res, send: () => res, setHeader: () => res } as unknown as Response;
  const req = { method: 'GET', path: '/', headers, socket: { remoteAddress: address } } as unknown as Request;
  await metricsEndpoint({ registry: new Registry() }, token)(req, res, () => (passed = true));
  return passed ? 0 : status;
}

describe('GET /metrics access', () => {
  it('answers a scraper on this machine when no token is configured, but not one relayed by a proxy or elsewhere', async () => {
    expect(await scrape(undefined, '127.0.0.1')).toBe(200);
    expect(await scrape(undefined, '::ffff:127.0.0.1')).toBe(200);
    expect(await scrape(undefined, '127.0.0.1', { 'x-forwarded-for': '203.0.113.9' })).toBe(404);
    expect(await scrape(undefined, '127.0.0.1', { forwarded: 'for=203.0.113.9' })).toBe(404);
    expect(await scrape(undefined, '10.0.0.5')).toBe(404);
  });

  it('answers only the configured bearer token when one is set, from anywhere', async () => {
    const token = 'scrape-token-0123456789abcdef';
    expect(await scrape(token, '10.0.0.5', { authorization: `Bearer ${token}` })).toBe(200);
    expect(await scrape(token, '10.0.0.5', { authorization: 'Bearer wrong-token-0123456789abcdef' })).toBe(404);
    expect(await scrape(token, '127.0.0.1')).toBe(404);
  });
});

describe(ApiMetrics.name, () => {
  it('still answers a scrape while Redis is down, leaving the queues out and saying which source failed', async () => {
    const operations = { openEscalationsByRung: async () => [{ rung: 1, toBody: 'DM', count: 3 }], failedDeliveriesByChannel: async () => [{ channel: 'SMS', count: 2 }] };
    const sut = new ApiMetrics(loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }), operations as unknown as OperationsRepository);
    try {
      const text = await sut.registry.metrics();
      expect(text).toMatch(/raksha_metrics_source_up\{[^}]*source="redis"[^}]*\} 0/);
      expect(text).toMatch(/raksha_metrics_source_up\{[^}]*source="postgres"[^}]*\} 1/);
      expect(text).toMatch(/raksha_escalations_open\{[^}]*rung="1",to_body="DM"[^}]*\} 3/);
      expect(text).toMatch(/raksha_deliveries_failed\{[^}]*channel="SMS"[^}]*\} 2/);
      expect(text).not.toMatch(/raksha_queue_jobs\{/);
    } finally {
      await sut.onApplicationShutdown();
    }
  });
});
