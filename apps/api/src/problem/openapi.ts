import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { API_RESPONSES } from '@raksha/contracts';

/** A request body's schema for the OpenAPI document, from the same zod schema that validates it. */
export function bodySchema(schema: z.ZodType): { schema: object } {
  // OpenAPI 3.0's dialect (no `const`, `nullable` for null), and its schema objects take no $schema keyword.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'openapi-3.0' }) as Record<string, unknown>;
  return { schema: rest };
}

/** A read whose `format` query parameter takes `csv` (a dashboard's export) answers CSV when asked. */
function answersCsv(operation: { parameters?: unknown[] }, method: string): boolean {
  return method === 'GET' && (operation.parameters ?? []).some((p) => {
    const param = p as { in?: string; name?: string; schema?: { enum?: unknown[] } };
    return param.in === 'query' && param.name === 'format' && param.schema?.enum?.includes('csv') === true;
  });
}

/** Each route's success answer in the document, from the schema its contract publishes (API_RESPONSES). */
export function withResponseSchemas(doc: OpenAPIObject): OpenAPIObject {
  for (const [route, schema] of Object.entries(API_RESPONSES)) {
    if (schema === null) continue;
    const [method, path] = route.split(' ') as [string, string];
    const operation = doc.paths[path.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase() as 'get'];
    const statuses = Object.keys(operation?.responses ?? {}).filter((s) => s.startsWith('2'));
    if (!operation || !statuses.length) continue;
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'output', target: 'openapi-3.0' }) as Record<string, unknown>;
    const content = { 'application/json': { schema: rest }, ...(answersCsv(operation, method) && { 'text/csv': { schema: { type: 'string' } } }) };
    for (const status of statuses) operation.responses[status] = { ...operation.responses[status], content } as never;
  }
  return doc;
}
