import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bundleCaseWorkflows } from '@raksha/worker/workflow-bundle';
import { startStack, type Stack } from '@raksha/test-support/stack';

describe('GET /health', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(await bundleCaseWorkflows());
  });
  afterAll(() => stack?.stop());

  it('reports PostgreSQL, Redis and Temporal as up when all three answer', async () => {
    const res = await stack.http.get('/health').expect(200);
    expect(res.body.status).toBe('up');
    expect(res.body.dependencies.postgres.status).toBe('up');
    expect(res.body.dependencies.redis.status).toBe('up');
    expect(res.body.dependencies.temporal.status).toBe('up');
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await stack.http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/health', '/cases', '/cases/{id}', '/cases/{id}/events']));
    const ui = await stack.http.get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger-ui');
  });
});
