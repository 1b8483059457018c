import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ProblemDetails } from '@raksha/contracts';
import { DomainError, unavailable } from './domain-errors.js';
import { dependencyOutage } from './outage.js';
import { bodyParserProblem } from './request-body.js';

export type { ProblemDetails } from '@raksha/contracts';

const problemType = (slug: string) => `/problems/${slug}`;

/** The one place errors become HTTP: RFC 9457 problem+json, nothing internal leaked. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const problem: ProblemDetails = { ...this.toProblem(error), instance: req.originalUrl };
    if (typeof problem.retryAfter === 'number') res.setHeader('Retry-After', String(problem.retryAfter));
    if (problem.status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  private toProblem(error: unknown): ProblemDetails {
    // Express's body parser failures arrive wrapped, with the parser's error as the cause.
    const refused = error instanceof HttpException ? bodyParserProblem(error.cause as { type?: string; message?: string } | undefined) : undefined;
    const down = refused ? undefined : dependencyOutage(error);
    const domain = refused ?? (down ? unavailable(`${down} is unavailable for a moment; send the request again shortly`) : error);
    if (domain instanceof DomainError) {
      return { type: problemType(domain.slug), title: domain.title, status: domain.status, detail: domain.message, ...domain.extensions };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const slug = status === 404 ? 'not-found' : status === 429 ? 'too-many-requests' : `http-${status}`;
      return { type: problemType(slug), title: error.message, status };
    }
    return { type: problemType('internal'), title: 'Internal error', status: 500 };
  }
}
