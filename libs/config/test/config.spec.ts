import { describe, expect, it } from '@jest/globals';
import { ConfigError, dataKeyId, loadConfig, requireDataKeys, requireTokenSecret } from '../src/index.js';

describe('loadConfig', () => {
  it('runs on a fresh machine with no environment set, against the local services', () => {
    const sut = loadConfig({ RAKSHA_TOKEN_SECRET: 'x'.repeat(32) });
    expect(sut.databaseUrl).toBe('postgresql://raksha:raksha@127.0.0.1:5432/raksha');
    expect(sut.temporal.address).toBe('127.0.0.1:7233');
    expect(sut.api.port).toBe(3000);
  });

  it('refuses to start without a token secret long enough to sign access tokens', () => {
    expect(() => requireTokenSecret(loadConfig({}))).toThrow(/RAKSHA_TOKEN_SECRET: required by the API/);
    expect(() => loadConfig({ RAKSHA_TOKEN_SECRET: 'short' })).toThrow(/RAKSHA_TOKEN_SECRET: at least 32 characters/);
  });

  it('refuses to start with a bad value, naming every bad variable', () => {
    expect(() => loadConfig({ API_PORT: 'eighty', DATABASE_URL: 'mysql://x/y' })).toThrow(ConfigError);
    try {
      loadConfig({ API_PORT: 'eighty', DATABASE_URL: 'mysql://x/y' });
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^API_PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL:/m);
    }
  });
});

describe('worker workflow cache', () => {
  it('caps the cached case workflows at 1,000 unless configured, and refuses a cache too small to run', () => {
    expect(loadConfig({}).worker.maxCachedWorkflows).toBe(10000);
    expect(loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '250' }).worker.maxCachedWorkflows).toBe(250);
    expect(() => loadConfig({ WORKER_MAX_CACHED_WORKFLOWS: '1' })).toThrow(/^\s*WORKER_MAX_CACHED_WORKFLOWS:/m);
  });
});

describe('notification delivery', () => {
  it('runs the notification processor inside the worker unless told it runs as its own process, and refuses anything but true or false', () => {
    expect(loadConfig({}).worker.deliversNotifications).toBe(true);
    expect(loadConfig({ WORKER_DELIVERS_NOTIFICATIONS: 'false' }).worker.deliversNotifications).toBe(false);
    expect(() => loadConfig({ WORKER_DELIVERS_NOTIFICATIONS: 'no' })).toThrow(/^\s*WORKER_DELIVERS_NOTIFICATIONS:/m);
  });
});

describe('citizen contact codes', () => {
  it('sends them to the in-app inbox unless configured for SMTP, and refuses SMTP without a server', () => {
    expect(loadConfig({}).contactCodes.delivery).toBe('inbox');
    expect(() => loadConfig({ CONTACT_CODE_DELIVERY: 'smtp' })).toThrow(/SMTP_URL: required/);
    expect(loadConfig({ CONTACT_CODE_DELIVERY: 'smtp', SMTP_URL: 'smtp://mail.example.org:587' }).contactCodes).toMatchObject({ delivery: 'smtp', smtpUrl: 'smtp://mail.example.org:587' });
    expect(() => loadConfig({ CONTACT_CODE_DELIVERY: 'sms' })).toThrow(/CONTACT_CODE_DELIVERY/);
  });
});

describe('Temporal mode', () => {
  it('points the stack at the production-shaped Temporal server in cluster mode, and refuses an unknown mode', () => {
    expect(loadConfig({ RAKSHA_TEMPORAL: 'cluster' }).temporal.address).toBe('127.0.0.1:7633');
    expect(loadConfig({ RAKSHA_TEMPORAL: 'cluster' }).temporal.uiUrl).toBe('http://127.0.0.1:8633');
    expect(loadConfig({ RAKSHA_TEMPORAL: 'cluster', TEMPORAL_CLUSTER_PORT: '7700' }).temporal.address).toBe('127.0.0.1:7700');
    expect(loadConfig({ RAKSHA_TEMPORAL: 'dev' }).temporal.address).toBe('127.0.0.1:7233');
    expect(loadConfig({ RAKSHA_TEMPORAL: 'cluster', TEMPORAL_ADDRESS: 'temporal.internal:7233' }).temporal.address).toBe('temporal.internal:7233');
    expect(() => loadConfig({ RAKSHA_TEMPORAL: 'cloud' })).toThrow(/^\s*RAKSHA_TEMPORAL:/m);
  });
});

describe('notification channels', () => {
  it('is in-app only unless channels are named, and refuses a channel without what it needs, naming the variable', () => {
    expect(loadConfig({}).notify.channels).toEqual([]);
    expect(() => loadConfig({ NOTIFY_CHANNELS: 'email,pigeon' })).toThrow(/^\s*NOTIFY_CHANNELS:/m);
    expect(() => loadConfig({ NOTIFY_CHANNELS: 'email' })).toThrow(/SMTP_URL: required when NOTIFY_CHANNELS includes email/);
    expect(() => loadConfig({ NOTIFY_CHANNELS: 'sms', SMS_GATEWAY_URL: 'https://sms.example.org/send' })).toThrow(/SMS_DLT_ENTITY_ID: required[\s\S]*SMS_DLT_HEADER: required/);
    expect(() => loadConfig({ SMS_DLT_HEADER: 'raksha' })).toThrow(/SMS_DLT_HEADER: six capital letters/);
    expect(() => loadConfig({ SMS_GATEWAY_REQUEST: '{"to": {{to}}' })).toThrow(/SMS_GATEWAY_REQUEST: JSON/);
    const c = loadConfig({ NOTIFY_CHANNELS: 'Email, SMS,webhook', SMTP_URL: 'smtp://mail.example.org:587', SMS_GATEWAY_URL: 'https://sms.example.org/send', SMS_DLT_ENTITY_ID: '1101', SMS_DLT_HEADER: 'RAKSHA' });
    expect(c.notify).toMatchObject({ channels: ['email', 'sms', 'webhook'], attempts: 6 });
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfig({ RAKSHA_PUBLIC_URL: 'https://raksha.wcd.rajasthan.gov.in/' })).toMatchObject({ publicUrl: 'https://raksha.wcd.rajasthan.gov.in', notify: { sms: { receiptUrl: 'https://raksha.wcd.rajasthan.gov.in/sms/receipts' } } });
    expect(() => loadConfig({ RAKSHA_WEB_URL: 'https://raksha.example.gov.in/app' })).toThrow(/RAKSHA_WEB_URL: no longer read; set RAKSHA_PUBLIC_URL/);
    expect(c.notify.sms).toMatchObject({ url: 'https://sms.example.org/send', header: 'RAKSHA', receiptUrl: 'http://127.0.0.1:3000/sms/receipts' });
  });

  it('sends the daily digest at 07:00 India time unless told another hour and zone, and re-queues a delivery stuck sending after 10 minutes', () => {
    expect(loadConfig({}).notify).toMatchObject({ digest: { hour: 7, timeZone: 'Asia/Kolkata' }, stuckAfterMs: 600_000 });
    expect(loadConfig({ DIGEST_HOUR: '18', DIGEST_TIME_ZONE: 'Asia/Kathmandu', NOTIFY_STUCK_AFTER_MS: '120000' }).notify).toMatchObject({ digest: { hour: 18, timeZone: 'Asia/Kathmandu' }, stuckAfterMs: 120_000 });
    expect(() => loadConfig({ DIGEST_HOUR: '24' })).toThrow(/^\s*DIGEST_HOUR:/m);
    expect(() => loadConfig({ DIGEST_TIME_ZONE: 'India/Delhi' })).toThrow(/DIGEST_TIME_ZONE: an IANA time zone such as Asia\/Kolkata/);
    expect(() => loadConfig({ NOTIFY_STUCK_AFTER_MS: '10' })).toThrow(/^\s*NOTIFY_STUCK_AFTER_MS:/m);
  });
});

describe('data keys', () => {
  const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');

  it('takes the current data key and keeps retired ones to read with, refusing a retired key of the wrong size', () => {
    const ring = requireDataKeys(loadConfig({ RAKSHA_DATA_KEY: key(2), RAKSHA_RETIRED_DATA_KEYS: `${key(1)}, ${key(0)}` }));
    expect(ring.current.key).toEqual(Buffer.alloc(32, 2));
    expect(ring.byId(dataKeyId(Buffer.alloc(32, 1)))).toEqual(Buffer.alloc(32, 1));
    expect(ring.byId(dataKeyId(Buffer.alloc(32, 0)))).toEqual(Buffer.alloc(32, 0));
    expect(() => loadConfig({ RAKSHA_DATA_KEY: key(2), RAKSHA_RETIRED_DATA_KEYS: 'c2hvcnQ=' })).toThrow(/RAKSHA_RETIRED_DATA_KEYS: comma-separated keys of 32 bytes/);
  });

  it('refuses to start the API or the worker without a data key', () => {
    expect(() => requireDataKeys(loadConfig({}))).toThrow(/RAKSHA_DATA_KEY: required by the API and the worker/);
  });
});

describe('observability', () => {
  it('keeps metrics local and traces off unless configured, and refuses an OTLP exporter without its endpoint', () => {
    expect(loadConfig({}).observability).toEqual({ metricsToken: undefined, workerMetricsAddress: undefined, traces: { exporter: 'none', otlpEndpoint: undefined, serviceName: 'raksha' } });
    const sut = loadConfig({ METRICS_TOKEN: 'a'.repeat(24), WORKER_METRICS_ADDRESS: '127.0.0.1:9464', OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' });
    expect(sut.observability).toEqual({ metricsToken: 'a'.repeat(24), workerMetricsAddress: '127.0.0.1:9464', traces: { exporter: 'otlp', otlpEndpoint: 'http://collector:4318', serviceName: 'raksha' } });
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' })).toThrow(/^\s*OTEL_EXPORTER_OTLP_ENDPOINT: required/m);
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(/^\s*OTEL_TRACES_EXPORTER:/m);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/^\s*METRICS_TOKEN: at least 24 characters/m);
    expect(() => loadConfig({ WORKER_METRICS_ADDRESS: 'everywhere' })).toThrow(/^\s*WORKER_METRICS_ADDRESS:/m);
  });
});
