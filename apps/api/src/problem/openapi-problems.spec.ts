// The refusals the fuzzer (test/fuzz) met undeclared, each now derived from the route's facts.
import { describe, expect, it } from '@jest/globals';
import { problemStatuses } from './openapi-problems.js';

const op = (parts: { parameters?: { in: string; name: string }[]; body?: Record<string, unknown> } = {}) => ({
  responses: {},
  parameters: parts.parameters,
  ...(parts.body && { requestBody: { content: { 'application/json': { schema: { properties: parts.body } } } } }),
});

describe(problemStatuses.name, () => {
  it("declares 410 on a case's routes and those of its reports, candidates and admissions (records destroyed, s.24(2))", () => {
    const byId = op({ parameters: [{ in: 'path', name: 'id' }] });
    for (const path of ['/cases/{id}', '/cases/{id}/timeline', '/reports/{id}/photo', '/match-candidates/{id}', '/admissions/{id}/transfer']) {
      expect(problemStatuses('get', byId, false, path)).toContain(410);
    }
    expect(problemStatuses('get', byId, false, '/bodies/{id}')).not.toContain(410);
    expect(problemStatuses('get', op(), false, '/cases')).not.toContain(410);
  });

  it("declares 410 where a public change takes a link's token (an invitation or a password reset, used or expired)", () => {
    expect(problemStatuses('post', op({ body: { token: {}, password: {} } }), true, '/auth/invitations/accept')).toContain(410);
    expect(problemStatuses('post', op({ body: { username: {}, password: {} } }), true, '/auth/login')).not.toContain(410);
  });

  it('declares 404 where the query names a state, district or thana (outside the jurisdiction)', () => {
    expect(problemStatuses('get', op({ parameters: [{ in: 'query', name: 'stateCode' }] }), false, '/dashboards/functioning')).toContain(404);
    expect(problemStatuses('get', op({ parameters: [{ in: 'query', name: 'cursor' }] }), false, '/cases')).not.toContain(404);
  });
});
