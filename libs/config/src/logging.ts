// How every Raksha process logs: JSON lines (pino), at the level LOG_LEVEL names, with personal data kept out.
import { pino, type DestinationStream, type Logger } from 'pino';

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** pino's name for each LOG_LEVEL (which keeps Nest's vocabulary: `log` is info, `verbose` is trace). */
export function pinoLevel(level: LogLevel): 'error' | 'warn' | 'info' | 'debug' | 'trace' {
  return ({ error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' } as const)[level];
}

/**
 * Fields that may hold a child's or a reporter's identity, or a secret: censored wherever a log call passes them
 * (JJ Act s.74). Log lines name cases and requests by id; this is the net under that rule, not the rule.
 */
const PERSONAL_KEYS = ['childName', 'phone', 'mobile', 'email', 'address', 'photo', 'base64', 'guardian', 'contact', 'password', 'authorization', 'cookie', 'token'];

/** pino `redact` paths for PERSONAL_KEYS at the top and one level down (`name` only below: pino's own `name` is the process). */
export const LOG_REDACT_PATHS: readonly string[] = [...PERSONAL_KEYS, ...[...PERSONAL_KEYS, 'name'].map((k) => `*.${k}`)];

/** A process's logger: JSON lines on stdout (or `destination`, for tests), at LOG_LEVEL, personal fields censored. */
export function createLogger(level: LogLevel, service: string, destination?: DestinationStream, mixin?: () => object): Logger {
  return pino(
    {
      level: pinoLevel(level),
      ...(mixin ? { mixin } : {}),
      base: { service },
      redact: { paths: [...LOG_REDACT_PATHS], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}
