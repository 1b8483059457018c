import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

import { DataKeyRing } from './data-keys.js';

export { redisConnectionOptions, type RedisConnectionOptions } from './redis.js';
export { DataKeyRing, dataKeyId, type DataKey } from './data-keys.js';
export { createLogger, LOG_REDACT_PATHS, pinoLevel, type LogLevel } from './logging.js';

// Defaults match scripts/env.sh, so `npm start` on a fresh machine needs no .env file.
function localDatabaseUrl(env: NodeJS.ProcessEnv, database: string): string {
  const user = encodeURIComponent(env.PGUSER ?? 'raksha');
  const password = encodeURIComponent(env.PGPASSWORD ?? 'raksha');
  return `postgresql://${user}:${password}@${env.PGHOST ?? '127.0.0.1'}:${env.PGPORT ?? '5432'}/${database}`;
}

const port = z.coerce.number().int().min(1).max(65535);

// The Temporal frontend scripts/services.sh starts in each mode (ports as in scripts/env.sh).
function defaultTemporalAddress(env: NodeJS.ProcessEnv): string {
  return env.RAKSHA_TEMPORAL === 'cluster' ? `127.0.0.1:${env.TEMPORAL_CLUSTER_PORT ?? '7633'}` : `127.0.0.1:${env.TEMPORAL_PORT ?? '7233'}`;
}
function defaultTemporalUiUrl(env: NodeJS.ProcessEnv): string {
  return `http://127.0.0.1:${env.RAKSHA_TEMPORAL === 'cluster' ? (env.TEMPORAL_CLUSTER_UI_PORT ?? '8633') : (env.TEMPORAL_UI_PORT ?? '8233')}`;
}

const configSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }),
  // `cluster`: the production-shaped Temporal server on PostgreSQL (docs/temporal-cluster.md) instead of the dev server.
  RAKSHA_TEMPORAL: z.enum(['dev', 'cluster']),
  TEMPORAL_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'host:port'),
  TEMPORAL_NAMESPACE: z.string().min(1),
  TEMPORAL_TASK_QUEUE: z.string().min(1),
  TEMPORAL_UI_URL: z.url(),
  API_HOST: z.string().min(1),
  API_PORT: port,
  // Behind TLS (a reverse proxy terminating HTTPS): how long browsers must keep to HTTPS (HSTS); 0 sends no HSTS.
  API_HSTS_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(63_072_000),
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']),
  // Bearer token a Prometheus scraper presents at GET /metrics; unset, /metrics answers only loopback clients not relayed by a proxy (docs/operations.md).
  METRICS_TOKEN: z.string().min(24, 'at least 24 characters (e.g. openssl rand -hex 24)').optional(),
  // Where the worker's Temporal Runtime serves its Prometheus metrics (host:port, scraped apart from the API's); empty for none.
  WORKER_METRICS_ADDRESS: z.string().regex(/^(|[\w.-]+:\d+|\[[\da-fA-F:]+\]:\d+)$/, 'host:port, or empty for none'),
  // OpenTelemetry traces across API, Temporal workflows and activities: none, console (stdout) or otlp (OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT).
  OTEL_TRACES_EXPORTER: z.enum(['none', 'console', 'otlp']),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_SERVICE_NAME: z.string().min(1),
  // Only the API signs tokens; the worker and the database scripts run without it (see requireTokenSecret).
  RAKSHA_TOKEN_SECRET: z.string().min(32, 'at least 32 characters (scripts/setup.sh generates one into $RAKSHA_HOME/token-secret)').optional(),
  // Seals eFile medical and counselling details at rest (AES-256-GCM): 32 bytes, base64 or base64url.
  RAKSHA_DATA_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, '32 bytes, base64 (scripts/setup.sh generates one into $RAKSHA_HOME/data-key)')
    .optional(),
  // Keys rotated out: kept only to open what they sealed (eFile details, Temporal payloads); comma-separated, base64.
  RAKSHA_RETIRED_DATA_KEYS: z
    .string()
    .refine((v) => v === '' || v.split(',').every((k) => Buffer.from(k.trim(), 'base64').length === 32), 'comma-separated keys of 32 bytes, base64'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1),
  // How long a partner system's OAuth access token lives (client credentials, RFC 6749 s.4.4): short, it asks again.
  PARTNER_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(3600),
  // How a citizen's verification code reaches them: by email through SMTP in a deployment; `inbox` (the
  // account's in-app inbox) only on a machine with no mail server, as `npm start` is.
  CONTACT_CODE_DELIVERY: z.enum(['inbox', 'smtp']),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  SMTP_FROM: z.string().min(3),
  // Whom a citizen writes to about their data (DPDP Act s.8(10), s.13): the deployment's grievance officer, in words.
  RAKSHA_GRIEVANCE_CONTACT: z.string().trim().min(5).max(300),
  // A cached case workflow costs ~0.15 MiB of worker memory since they share one frozen machine (docs/benchmarks.md);
  // a larger cache also makes the SDK core walk more entries per input, so the size is a deployment choice.
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).max(100_000),
  // `false` when the notification processor runs as its own process (`npm run notifications`, as
  // `npm start` does), so inbox delivery never holds up the worker's workflow tasks.
  WORKER_DELIVERS_NOTIFICATIONS: z.enum(['true', 'false']),
  /** the daily missed-duty scan of CWCs and JJBs (apps/worker/src/duty-watch.ts); off in tests, which run it themselves */
  WORKER_WATCHES_DUTIES: z.enum(['true', 'false']),
  /** the nightly roll-up of the dashboards' monthly trends (apps/worker/src/trend-rollup.ts); off in tests, which run it themselves */
  WORKER_ROLLS_UP_TRENDS: z.enum(['true', 'false']),
  // How often the worker looks for CICL cases whose s.24(2) destruction is due (docs/records-destruction.md).
  RECORDS_DESTRUCTION_SCAN_MS: z.coerce.number().int().min(1000).max(86_400_000),
  // Imported (ported) reports matched per second at most, on a queue apart from live reports' (docs/porting.md).
  IMPORT_MATCHING_PER_SECOND: z.coerce.number().int().min(1).max(10_000),
  // The deployment's public address: every link Raksha sends (invitations, password resets, notices by email,
  // SMS and webhook) leads to the web app under it at /app/ (webAppLink in @raksha/contracts).
  // How long each onboarding link works follows.
  RAKSHA_PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  INVITATION_TTL_HOURS: z.coerce.number().int().min(1).max(30 * 24),
  PASSWORD_RESET_TTL_MINUTES: z.coerce.number().int().min(5).max(24 * 60),
  // Channels beyond the in-app inbox (docs/notifications.md): a comma-separated list of email, sms, webhook.
  NOTIFY_CHANNELS: z
    .string()
    .regex(/^(|(email|sms|webhook)(,(email|sms|webhook))*)$/, 'a comma-separated list of email, sms, webhook (or empty for in-app only)'),
  SMS_GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** the gateway's request body, JSON with {{to}} {{text}} {{templateId}} {{entityId}} {{header}} {{unicode}} {{ref}} {{receiptUrl}} */
  SMS_GATEWAY_REQUEST: z.string().refine(isJson, 'JSON (a template of the gateway request body)'),
  /** sent as the Authorization header to the gateway */
  SMS_GATEWAY_AUTH: z.string().optional(),
  SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000),
  /** TRAI DLT principal-entity id and registered sender header */
  SMS_DLT_ENTITY_ID: z.string().optional(),
  SMS_DLT_HEADER: z.string().regex(/^[A-Z]{6}$/, 'six capital letters (a DLT-registered sender header)').optional(),
  /** the bearer token the gateway presents on its delivery-receipt callback */
  SMS_RECEIPT_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** where the gateway posts delivery receipts: the API's /sms/receipts as the gateway reaches it */
  SMS_RECEIPT_URL: z.url({ protocol: /^https?$/ }),
  NOTIFY_ATTEMPTS: z.coerce.number().int().min(1).max(20),
  NOTIFY_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000),
  /** how often unacknowledged escalations are looked for, to be sent again (docs/notifications.md) */
  NOTIFY_REMINDER_SCAN_MS: z.coerce.number().int().min(100).max(3_600_000),
  /** a delivery left SENDING this long (its worker stopped mid-send) is queued again (docs/notifications.md) */
  NOTIFY_STUCK_AFTER_MS: z.coerce.number().int().min(1000).max(86_400_000),
  /** the daily digest goes at this hour (0–23) of DIGEST_TIME_ZONE's day */
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23),
  DIGEST_TIME_ZONE: z.string().refine(isTimeZone, 'an IANA time zone such as Asia/Kolkata'),
  // Orders' PDFs and uploaded reports, content-addressed by SHA-256, outside the database (docs/documents.md).
  RAKSHA_DOCUMENTS_DIR: z.string().refine((v) => v.startsWith('/'), 'an absolute path (a directory the API and the worker can write)'),
  /** the largest uploaded report (SIR, medical, age determination) in bytes */
  DOCUMENT_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024),
});

function isTimeZone(v: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: v });
    return true;
  } catch {
    return false;
  }
}

function isJson(v: string): boolean {
  try {
    JSON.parse(v);
    return true;
  } catch {
    return false;
  }
}

/** The default SMS gateway request: a JSON body in the shape most Indian gateways (and NIC's) accept. */
export const DEFAULT_SMS_GATEWAY_REQUEST =
  '{"to":"{{to}}","message":"{{text}}","templateId":"{{templateId}}","entityId":"{{entityId}}","sender":"{{header}}","unicode":"{{unicode}}","ref":"{{ref}}","callbackUrl":"{{receiptUrl}}"}';

export type NotifyChannelName = 'email' | 'sms' | 'webhook';

export interface RakshaConfig {
  databaseUrl: string;
  redisUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string; uiUrl: string };
  api: { host: string; port: number };
  /** Strict-Transport-Security max-age in seconds, 0 for none (a deployment behind TLS sets it). */
  hstsMaxAgeSeconds: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** what operators watch (docs/operations.md): the /metrics token, the worker's metrics address, traces' exporter */
  observability: {
    metricsToken: string | undefined;
    workerMetricsAddress: string | undefined;
    traces: { exporter: 'none' | 'console' | 'otlp'; otlpEndpoint: string | undefined; serviceName: string };
  };
  /** The key that seals sensitive eFile details and Temporal payloads (see requireDataKeys). */
  dataKey: string | undefined;
  /** Keys rotated out, kept to open what they sealed. */
  retiredDataKeys: readonly string[];
  auth: { tokenSecret: string | undefined; accessTokenTtlSeconds: number; refreshTokenTtlDays: number; rateLimitPerMinute: number; partnerTokenTtlSeconds: number };
  worker: { maxCachedWorkflows: number; deliversNotifications: boolean; importMatchingPerSecond: number; recordsDestructionScanMs: number; watchesDuties: boolean; rollsUpTrends: boolean };
  contactCodes: { delivery: 'inbox' | 'smtp'; smtpUrl: string | undefined; from: string };
  /** whom citizens write to about their personal data (docs/privacy.md) */
  grievanceContact: string;
  /** the deployment's public address, without a trailing slash; links into the web app: webAppLink(publicUrl, page) */
  publicUrl: string;
  accounts: { invitationTtlHours: number; passwordResetTtlMinutes: number };
  /** where orders' PDFs and uploaded reports are kept (content-addressed), and the largest upload */
  documents: { dir: string; uploadMaxBytes: number };
  notify: {
    channels: readonly NotifyChannelName[];
    attempts: number;
    backoffMs: number;
    reminderScanMs: number;
    stuckAfterMs: number;
    /** the daily digest: sent at `hour` o'clock in `timeZone` */
    digest: { hour: number; timeZone: string };
    sms: { url: string | undefined; request: string; auth: string | undefined; timeoutMs: number; entityId: string; header: string; receiptToken: string | undefined; receiptUrl: string };
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; a bad value stops the process at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): RakshaConfig {
  // RAKSHA_WEB_URL once set where notices linked; left set, it would be silently ignored and links would lead elsewhere.
  if (env.RAKSHA_WEB_URL !== undefined) {
    throw new ConfigError(['RAKSHA_WEB_URL: no longer read; set RAKSHA_PUBLIC_URL to the deployment\'s public address (without /app) instead']);
  }
  const publicUrl = env.RAKSHA_PUBLIC_URL ?? `http://${env.API_HOST ?? '127.0.0.1'}:${env.API_PORT ?? '3000'}`;
  const parsed = configSchema.safeParse({
    DATABASE_URL: env.DATABASE_URL ?? localDatabaseUrl(env, env.RAKSHA_DB ?? 'raksha'),
    REDIS_URL: env.REDIS_URL ?? `redis://127.0.0.1:${env.REDIS_PORT ?? '6379'}`,
    RAKSHA_TEMPORAL: env.RAKSHA_TEMPORAL ?? 'dev',
    TEMPORAL_ADDRESS: env.TEMPORAL_ADDRESS ?? defaultTemporalAddress(env),
    TEMPORAL_NAMESPACE: env.TEMPORAL_NAMESPACE ?? 'default',
    TEMPORAL_TASK_QUEUE: env.TEMPORAL_TASK_QUEUE ?? 'raksha-cases',
    TEMPORAL_UI_URL: env.TEMPORAL_UI_URL ?? defaultTemporalUiUrl(env),
    API_HOST: env.API_HOST ?? '127.0.0.1',
    API_PORT: env.API_PORT ?? '3000',
    API_HSTS_MAX_AGE_SECONDS: env.API_HSTS_MAX_AGE_SECONDS ?? '0',
    LOG_LEVEL: env.LOG_LEVEL ?? 'log',
    METRICS_TOKEN: env.METRICS_TOKEN || undefined,
    WORKER_METRICS_ADDRESS: env.WORKER_METRICS_ADDRESS ?? '',
    OTEL_TRACES_EXPORTER: env.OTEL_TRACES_EXPORTER ?? 'none',
    OTEL_EXPORTER_OTLP_ENDPOINT: env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
    OTEL_SERVICE_NAME: env.OTEL_SERVICE_NAME ?? 'raksha',
    RAKSHA_TOKEN_SECRET: env.RAKSHA_TOKEN_SECRET,
    RAKSHA_DATA_KEY: env.RAKSHA_DATA_KEY,
    RAKSHA_RETIRED_DATA_KEYS: env.RAKSHA_RETIRED_DATA_KEYS ?? '',
    ACCESS_TOKEN_TTL_SECONDS: env.ACCESS_TOKEN_TTL_SECONDS ?? '900',
    REFRESH_TOKEN_TTL_DAYS: env.REFRESH_TOKEN_TTL_DAYS ?? '14',
    RATE_LIMIT_PER_MINUTE: env.RATE_LIMIT_PER_MINUTE ?? '600',
    PARTNER_TOKEN_TTL_SECONDS: env.PARTNER_TOKEN_TTL_SECONDS ?? '900',
    WORKER_MAX_CACHED_WORKFLOWS: env.WORKER_MAX_CACHED_WORKFLOWS ?? '10000',
    WORKER_DELIVERS_NOTIFICATIONS: env.WORKER_DELIVERS_NOTIFICATIONS ?? 'true',
    WORKER_WATCHES_DUTIES: env.WORKER_WATCHES_DUTIES ?? 'true',
    WORKER_ROLLS_UP_TRENDS: env.WORKER_ROLLS_UP_TRENDS ?? 'true',
    RECORDS_DESTRUCTION_SCAN_MS: env.RECORDS_DESTRUCTION_SCAN_MS ?? '900000',
    IMPORT_MATCHING_PER_SECOND: env.IMPORT_MATCHING_PER_SECOND ?? '50',
    CONTACT_CODE_DELIVERY: env.CONTACT_CODE_DELIVERY ?? 'inbox',
    SMTP_URL: env.SMTP_URL,
    SMTP_FROM: env.SMTP_FROM ?? 'Raksha <no-reply@raksha.invalid>',
    RAKSHA_GRIEVANCE_CONTACT: env.RAKSHA_GRIEVANCE_CONTACT ?? 'the grievance officer of the State Child Protection Society (grievance@raksha.invalid)',
    RAKSHA_PUBLIC_URL: publicUrl,
    INVITATION_TTL_HOURS: env.INVITATION_TTL_HOURS ?? '72',
    PASSWORD_RESET_TTL_MINUTES: env.PASSWORD_RESET_TTL_MINUTES ?? '60',
    NOTIFY_CHANNELS: (env.NOTIFY_CHANNELS ?? '').replaceAll(' ', '').toLowerCase(),
    SMS_GATEWAY_URL: env.SMS_GATEWAY_URL,
    SMS_GATEWAY_REQUEST: env.SMS_GATEWAY_REQUEST ?? DEFAULT_SMS_GATEWAY_REQUEST,
    SMS_GATEWAY_AUTH: env.SMS_GATEWAY_AUTH,
    SMS_GATEWAY_TIMEOUT_MS: env.SMS_GATEWAY_TIMEOUT_MS ?? '10000',
    SMS_DLT_ENTITY_ID: env.SMS_DLT_ENTITY_ID,
    SMS_DLT_HEADER: env.SMS_DLT_HEADER,
    SMS_RECEIPT_TOKEN: env.SMS_RECEIPT_TOKEN,
    SMS_RECEIPT_URL: env.SMS_RECEIPT_URL ?? `${publicUrl.replace(/\/+$/, '')}/sms/receipts`,
    NOTIFY_ATTEMPTS: env.NOTIFY_ATTEMPTS ?? '6',
    NOTIFY_BACKOFF_MS: env.NOTIFY_BACKOFF_MS ?? '2000',
    NOTIFY_REMINDER_SCAN_MS: env.NOTIFY_REMINDER_SCAN_MS ?? '60000',
    NOTIFY_STUCK_AFTER_MS: env.NOTIFY_STUCK_AFTER_MS ?? '600000',
    DIGEST_HOUR: env.DIGEST_HOUR ?? '7',
    DIGEST_TIME_ZONE: env.DIGEST_TIME_ZONE ?? 'Asia/Kolkata',
    RAKSHA_DOCUMENTS_DIR: env.RAKSHA_DOCUMENTS_DIR ?? join(env.RAKSHA_HOME ?? join(homedir(), '.cache', 'raksha'), 'documents'),
    DOCUMENT_UPLOAD_MAX_BYTES: env.DOCUMENT_UPLOAD_MAX_BYTES ?? String(10 * 1024 * 1024),
  });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const c = parsed.data;
  if (c.CONTACT_CODE_DELIVERY === 'smtp' && !c.SMTP_URL) {
    throw new ConfigError(['SMTP_URL: required when CONTACT_CODE_DELIVERY is smtp (e.g. smtp://user:password@mail.example.org:587)']);
  }
  const channels = c.NOTIFY_CHANNELS ? ([...new Set(c.NOTIFY_CHANNELS.split(','))] as NotifyChannelName[]) : [];
  const missing = [
    channels.includes('email') && !c.SMTP_URL && 'SMTP_URL: required when NOTIFY_CHANNELS includes email (e.g. smtp://user:password@mail.example.org:587)',
    channels.includes('sms') && !c.SMS_GATEWAY_URL && 'SMS_GATEWAY_URL: required when NOTIFY_CHANNELS includes sms (the gateway\'s send endpoint)',
    channels.includes('sms') && !c.SMS_DLT_ENTITY_ID && 'SMS_DLT_ENTITY_ID: required when NOTIFY_CHANNELS includes sms (the TRAI DLT principal-entity id)',
    channels.includes('sms') && !c.SMS_DLT_HEADER && 'SMS_DLT_HEADER: required when NOTIFY_CHANNELS includes sms (the DLT-registered sender header, e.g. RAKSHA)',
  ].filter((m): m is string => typeof m === 'string');
  if (c.OTEL_TRACES_EXPORTER === 'otlp' && !c.OTEL_EXPORTER_OTLP_ENDPOINT) {
    missing.push('OTEL_EXPORTER_OTLP_ENDPOINT: required when OTEL_TRACES_EXPORTER is otlp (e.g. http://127.0.0.1:4318, the collector\'s OTLP/HTTP port)');
  }
  if (missing.length > 0) throw new ConfigError(missing);
  return Object.freeze({
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    temporal: Object.freeze({
      address: c.TEMPORAL_ADDRESS,
      namespace: c.TEMPORAL_NAMESPACE,
      taskQueue: c.TEMPORAL_TASK_QUEUE,
      uiUrl: c.TEMPORAL_UI_URL,
    }),
    api: Object.freeze({ host: c.API_HOST, port: c.API_PORT }),
    hstsMaxAgeSeconds: c.API_HSTS_MAX_AGE_SECONDS,
    logLevel: c.LOG_LEVEL,
    observability: Object.freeze({
      metricsToken: c.METRICS_TOKEN,
      workerMetricsAddress: c.WORKER_METRICS_ADDRESS || undefined,
      traces: Object.freeze({ exporter: c.OTEL_TRACES_EXPORTER, otlpEndpoint: c.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: c.OTEL_SERVICE_NAME }),
    }),
    dataKey: c.RAKSHA_DATA_KEY,
    retiredDataKeys: Object.freeze(c.RAKSHA_RETIRED_DATA_KEYS.split(',').map((k) => k.trim()).filter(Boolean)),
    auth: Object.freeze({
      tokenSecret: c.RAKSHA_TOKEN_SECRET,
      accessTokenTtlSeconds: c.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: c.REFRESH_TOKEN_TTL_DAYS,
      rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
      partnerTokenTtlSeconds: c.PARTNER_TOKEN_TTL_SECONDS,
    }),
    worker: Object.freeze({ maxCachedWorkflows: c.WORKER_MAX_CACHED_WORKFLOWS, deliversNotifications: c.WORKER_DELIVERS_NOTIFICATIONS === 'true', importMatchingPerSecond: c.IMPORT_MATCHING_PER_SECOND, recordsDestructionScanMs: c.RECORDS_DESTRUCTION_SCAN_MS, watchesDuties: c.WORKER_WATCHES_DUTIES === 'true', rollsUpTrends: c.WORKER_ROLLS_UP_TRENDS === 'true' }),
    contactCodes: Object.freeze({ delivery: c.CONTACT_CODE_DELIVERY, smtpUrl: c.SMTP_URL, from: c.SMTP_FROM }),
    grievanceContact: c.RAKSHA_GRIEVANCE_CONTACT,
    publicUrl: c.RAKSHA_PUBLIC_URL.replace(/\/+$/, ''),
    accounts: Object.freeze({
      invitationTtlHours: c.INVITATION_TTL_HOURS,
      passwordResetTtlMinutes: c.PASSWORD_RESET_TTL_MINUTES,
    }),
    documents: Object.freeze({ dir: c.RAKSHA_DOCUMENTS_DIR, uploadMaxBytes: c.DOCUMENT_UPLOAD_MAX_BYTES }),
    notify: Object.freeze({
      channels: Object.freeze(channels),
      attempts: c.NOTIFY_ATTEMPTS,
      backoffMs: c.NOTIFY_BACKOFF_MS,
      reminderScanMs: c.NOTIFY_REMINDER_SCAN_MS,
      stuckAfterMs: c.NOTIFY_STUCK_AFTER_MS,
      digest: Object.freeze({ hour: c.DIGEST_HOUR, timeZone: c.DIGEST_TIME_ZONE }),
      sms: Object.freeze({
        url: c.SMS_GATEWAY_URL,
        request: c.SMS_GATEWAY_REQUEST,
        auth: c.SMS_GATEWAY_AUTH,
        timeoutMs: c.SMS_GATEWAY_TIMEOUT_MS,
        entityId: c.SMS_DLT_ENTITY_ID ?? '',
        header: c.SMS_DLT_HEADER ?? '',
        receiptToken: c.SMS_RECEIPT_TOKEN,
        receiptUrl: c.SMS_RECEIPT_URL,
      }),
    }),
  });
}

/** The tests' data key, unless the environment sets one; recorded workflow histories are encrypted with it (docs/replay.md). */
export const TEST_DATA_KEY = Buffer.from('test-only-data-key-not-for-use!!').toString('base64');

/** The database the integration tests use, never the one `npm start` serves. */
export function loadTestConfig(env: NodeJS.ProcessEnv = process.env): RakshaConfig {
  const databaseUrl = env.TEST_DATABASE_URL ?? localDatabaseUrl(env, env.RAKSHA_TEST_DB ?? 'raksha_test');
  return loadConfig({
    RAKSHA_TOKEN_SECRET: 'test-only-token-secret-not-for-any-deployment',
    RAKSHA_DATA_KEY: TEST_DATA_KEY,
    // a test scans its own district's duties when it means to (a scheduled scan of every body would escalate them all)
    WORKER_WATCHES_DUTIES: 'false',
    // a test that reads past months must not meet a roll-up counted before its rows (the roll-up's own test runs it)
    WORKER_ROLLS_UP_TRENDS: 'false',
    ...env,
    DATABASE_URL: databaseUrl,
    // Redis database 1: the tests' queues never hand jobs to (or take them from) a running `npm start`.
    REDIS_URL: env.TEST_REDIS_URL ?? `redis://127.0.0.1:${env.REDIS_PORT ?? '6379'}/1`,
    // A directory per test database, so a test that alters a stored file touches no other run's.
    RAKSHA_DOCUMENTS_DIR: env.TEST_DOCUMENTS_DIR ?? join(tmpdir(), `raksha-documents-${new URL(databaseUrl).pathname.slice(1)}`),
  });
}

/** The API cannot start without a secret to sign access tokens with. */
export function requireTokenSecret(config: RakshaConfig): string {
  if (!config.auth.tokenSecret) {
    throw new ConfigError(['RAKSHA_TOKEN_SECRET: required by the API (scripts/setup.sh generates one into $RAKSHA_HOME/token-secret)']);
  }
  return config.auth.tokenSecret;
}

/** Neither the API nor the worker can open or write sealed eFile details or Temporal payloads without the data key. */
export function requireDataKeys(config: RakshaConfig): DataKeyRing {
  if (!config.dataKey) {
    throw new ConfigError(['RAKSHA_DATA_KEY: required by the API and the worker (scripts/setup.sh generates one into $RAKSHA_HOME/data-key)']);
  }
  return new DataKeyRing(Buffer.from(config.dataKey, 'base64'), config.retiredDataKeys.map((k) => Buffer.from(k, 'base64')));
}
