// The API's logs: one JSON line per answered request (pino via nestjs-pino), with the request id, the route
// template, the status and the time taken; Nest's own messages through the same logger. No body, header or query
// string is logged: they can carry a child's name, a contact or a photo (JJ Act s.74).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
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
      customProps: (req: Req) => ({ route: routeTemplateOf(req as never) }),
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
