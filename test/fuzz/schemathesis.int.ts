// Issue #22: the API fuzzed against its own OpenAPI document (schemathesis), over HTTP against the real stack
// (PostgreSQL, Redis, Temporal and the worker). Bounded for `npm test`: every operation once, signed in as a CWC
// member; `npm run fuzz` (test/fuzz/fuzz.sh) runs it longer, with the coverage phase, as several roles in turn.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { caseWorkflowBundle } from '../support/workflow-bundle.js';
import { as, signIn } from '@raksha/test-support/auth';
import { createScratchDb, type ScratchDb } from '@raksha/test-support/scratch-db';
import { startStack, type Stack } from '@raksha/test-support/stack';
import { boundsFromEnv, problemsOf, runSchemathesis } from './schemathesis.js';

const bounds = boundsFromEnv();

describe('the OpenAPI document, fuzzed', () => {
  let stack: Stack;
  let scratch: ScratchDb;
  let baseUrl: string;
  beforeAll(async () => {
    // A database of its own: the fuzzer merges, closes and destroys whatever it finds listed, so what it finds must be
    // what this run made (a case of an earlier file runs on a task queue no worker polls any more).
    scratch = await createScratchDb();
    // A session outlasts the longest `npm run fuzz`, so no operation is fuzzed signed out.
    stack = await startStack(await caseWorkflowBundle(), { ACCESS_TOKEN_TTL_SECONDS: '3600', TEST_DATABASE_URL: scratch.url });
    const server = stack.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await stack?.stop();
    await scratch?.drop();
  });

  it(
    'answers every operation as its document says: no 5xx, every status, body, content type and header declared',
    async () => {
      const doc = (await stack.http.get('/docs/openapi.json').expect(200)).body as { paths: Record<string, object> };
      const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
      const cwc = await as(stack, 'cwc.jaipur');
      const { caseId } = (await stack.http.post('/cases').set(cwc).send({ track: 'CNCP', districtCode: 'RJ-JAIPUR', child: { name: 'Asha' } }).expect(201)).body as { caseId: string };
      const problems: string[] = [];
      for (const username of bounds.users) {
        const token = (await as(stack, username)).Authorization.replace(/^Bearer /, '');
        const logoutToken = (await signIn(stack, username)).accessToken;
        const run = await runSchemathesis(baseUrl, { token, logoutToken, caseId }, bounds);
        problems.push(...problemsOf(run).map((p) => `as ${username}: ${p}`));
        expect(run.report.operations.selected).toBe(operations);
      }
      // one string, so that Jest prints schemathesis's account as it wrote it
      expect(problems.join('\n\n')).toBe('');
    },
    (bounds.giveUpSeconds + 30) * bounds.users.length * 1000,
  );
});
