import { describe, expect, it } from '@jest/globals';
import { type ArgumentsHost, BadRequestException, HttpException, Logger } from '@nestjs/common';
import { forbidden, notFound, staleRecord, tooManyRequests } from './domain-errors.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

/** What the filter writes to the response: status, headers, content type and the parsed body. */
function answer(filter: ProblemDetailsFilter, error: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, type: '', body: {} as Record<string, unknown> };
  const res = {
    status: (s: number) => ((sent.status = s), res),
    setHeader: (k: string, v: string) => void (sent.headers[k] = v),
    type: (t: string) => ((sent.type = t), res),
    send: (b: string) => void (sent.body = JSON.parse(b) as Record<string, unknown>),
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ originalUrl: '/cases/c-1/events' }), getResponse: () => res }) } as unknown as ArgumentsHost;
  filter.catch(error, host);
  return sent;
}

describe(ProblemDetailsFilter.name, () => {
  const sut = new ProblemDetailsFilter();
  Logger.overrideLogger(false); // the 500 below is logged on purpose

  it('answers a domain error as problem+json: its type, title, status, detail and the request it answers', () => {
    expect(answer(sut, notFound('case', 'c-1'))).toEqual({
      status: 404,
      headers: {},
      type: 'application/problem+json',
      body: { type: '/problems/case-not-found', title: 'No such case', status: 404, detail: 'case c-1 does not exist', instance: '/cases/c-1/events' },
    });
  });

  it('carries the extensions a client acts on', () => {
    expect(answer(sut, staleRecord(1, 2)).body).toMatchObject({ type: '/problems/stale-version', currentVersion: 2 });
  });

  it('tells a client over the rate limit when to retry, in the header too', () => {
    const sent = answer(sut, tooManyRequests(42));
    expect(sent.status).toBe(429);
    expect(sent.headers['Retry-After']).toBe('42');
    expect(sent.body).toMatchObject({ type: '/problems/too-many-requests', retryAfter: 42 });
  });

  it('leaks nothing of an unexpected error', () => {
    expect(answer(sut, new Error('connection string postgres://secret')).body).toEqual({ type: '/problems/internal', title: 'Internal error', status: 500, instance: '/cases/c-1/events' });
  });

  it('keeps the plain words of a refusal for the web to show', () => {
    expect(answer(sut, forbidden('your role may not send SIR_ORDERED')).body).toMatchObject({ title: 'Your role may not do this', detail: 'your role may not send SIR_ORDERED' });
  });

  it("answers the body parser's refusals as their own problems, never a 500", () => {
    const parser = (status: number, type: string, message: string) => new HttpException(message, status, { cause: Object.assign(new Error(message), { type }) });
    expect(answer(sut, parser(400, 'entity.too.deep', 'too deep')).body).toMatchObject({ type: '/problems/body-too-deep', status: 400 });
    expect(answer(sut, parser(400, 'entity.invalid.utf8', 'not UTF-8')).body).toMatchObject({ type: '/problems/invalid-utf8', status: 400 });
    expect(answer(sut, parser(413, 'entity.too.large', 'too large'))).toMatchObject({ status: 413, body: { type: '/problems/payload-too-large' } });
    expect(answer(sut, new BadRequestException('Unexpected token', { cause: Object.assign(new SyntaxError('Unexpected token'), { type: 'entity.parse.failed' }) })).body).toMatchObject({ type: '/problems/malformed-json', status: 400 });
  });
});
