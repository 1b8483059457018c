// The API's logs: one JSON line per answered request (pino via nestjs-pino), with the request id, the route
// template, the status and the time taken; Nest's own messages through the same logger. No body, header or query
// string is logged: they can carry a child's name, a contact or a photo (JJ Act s.74).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule, LoggerService } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { pathWithoutQuery, routeTemplateOf } from './http-route.js';

/** Probes and scrapes come every few seconds: their lines would drown the requests people make. */
const QUIET_PATHS = /^\/(health(\/(live|ready))?|metrics)(\?|$)/;

type Req = IncomingMessage & { id?: string; originalUrl?: string };

/** nestjs-pino's module: the request line, its level by outcome, and what of the request it may say. */
export function loggingModule(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      logger,
      // The id requestIds() decided (the first middleware), so logs, the response header and Temporal agree.
      genReqId: (req: Req) => req.id ?? 'none',
      autoLogging: { ignore: (req: Req) => QUIET_PATHS.test(req.originalUrl ?? req.url ?? '') },
      customLogLevel: (_req, res: ServerResponse, err?: Error) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      // At the answer, when the route is known (the request's own bindings are taken before routing).
      customSuccessObject: (req: Req, _res: ServerResponse, line: object) => ({ ...line, route: routeTemplateOf(req as never) }),
      customErrorObject: (req: Req, _res: ServerResponse, _err: Error, line: object) => ({ ...line, route: routeTemplateOf(req as never) }),
      customSuccessMessage: (req: Req, res: ServerResponse) => `${req.method} ${routeTemplateOf(req as never)} ${res.statusCode}`,
      customErrorMessage: (req: Req, res: ServerResponse) => `${req.method} ${routeTemplateOf(req as never)} ${res.statusCode}`,
      serializers: {
        req: (req: { id: string; method: string; url: string; raw?: Req }) => ({ id: req.id, method: req.method, path: pathWithoutQuery(req.raw?.originalUrl ?? req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      wrapSerializers: false,
    },
  });
}

/** Nest's start-up chatter (each module loaded, each route mapped): debug lines, not the info an operator reads. */
const START_UP = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** The Nest logger (nestjs-pino's) with start-up messages lowered to debug. */
export function quietStartUp(logger: LoggerService): LoggerService {
  const startUp = (rest: unknown[]) => START_UP.has(rest[rest.length - 1] as string);
  return {
    log: (message: unknown, ...rest: unknown[]) => (startUp(rest) ? logger.debug?.(message, ...rest) : logger.log(message, ...rest)),
    error: (message: unknown, ...rest: unknown[]) => logger.error(message, ...rest),
    warn: (message: unknown, ...rest: unknown[]) => logger.warn(message, ...rest),
    debug: (message: unknown, ...rest: unknown[]) => logger.debug?.(message, ...rest),
    verbose: (message: unknown, ...rest: unknown[]) => logger.verbose?.(message, ...rest),
    fatal: (message: unknown, ...rest: unknown[]) => logger.fatal?.(message, ...rest),
  };
}
