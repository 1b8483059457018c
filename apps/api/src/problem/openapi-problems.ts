// Every operation's refusals in the OpenAPI document, derived from what the route is (public or signed-in,
// its parameters, body, headers, method), each with the problem+json schema, so clients and fuzzers can rely
// on the document for every status an operation answers.
import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { problemDetails } from '@raksha/contracts';
import { PUBLIC_ROUTE } from '../auth/decorators.js';

/** What each refusal means, as the document says it. */
const MEANING: Record<number, string> = {
  400: 'Invalid input (each field named), malformed or non-UTF-8 JSON, or a body nested too deeply',
  401: 'Not signed in, or the token is not valid now; at sign-in, a wrong username or password',
  403: 'Your role may not do this',
  404: 'No such record in your jurisdiction',
  409: 'The record cannot take this now, or it changed since you read it',
  410: "The case's records were destroyed under s.24(2) of the Juvenile Justice Act; or the link has expired or was used",
  413: 'The request body is too large',
  415: 'The body is not of a type this operation takes',
  422: 'A reused Idempotency-Key, or a request the record refuses as a whole',
  428: 'Send If-Match with the ETag you read',
  429: 'Too many requests (Retry-After says when to try again)',
  500: 'Internal error (nothing internal is disclosed)',
  503: 'A service the request needs is unavailable; retry later',
};

interface Operation {
  operationId?: string;
  security?: Record<string, unknown>[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
  responses: Record<string, unknown>;
}

/** The operationIds (Controller_method, Swagger's default) of the routes reachable without signing in. */
export function publicOperations(controllers: readonly (new (...args: never[]) => unknown)[]): Set<string> {
  const ids = new Set<string>();
  for (const controller of controllers) {
    const classPublic = Reflect.getMetadata(PUBLIC_ROUTE, controller) === true;
    for (const method of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[method];
      if (method !== 'constructor' && typeof handler === 'function' && (classPublic || Reflect.getMetadata(PUBLIC_ROUTE, handler) === true)) ids.add(`${controller.name}_${method}`);
    }
  }
  return ids;
}

/** Paths whose records go with a case's: once its records are destroyed under JJ Act s.24(2), each answers 410. */
const GONE_WITH_THE_CASE = /^\/(cases|reports|match-candidates|admissions|partner\/v1\/cases)\/\{/;

const PLACE_PARAMETERS = new Set(['stateCode', 'districtCode', 'thanaCode']);

/** The refusals an operation can answer, from its facts. */
export function problemStatuses(method: string, op: Operation, isPublic: boolean, path = ''): number[] {
  const params = op.parameters ?? [];
  const header = (name: string) => params.some((p) => p.in === 'header' && p.name.toLowerCase() === name.toLowerCase());
  const changes = method !== 'get' && method !== 'head';
  const statuses = new Set([429, 500, 503]);
  if (!isPublic) [401, 403].forEach((s) => statuses.add(s));
  if (isPublic && changes) statuses.add(401); // sign-in and refresh refuse credentials
  if (params.length > 0 || op.requestBody) statuses.add(400);
  if (params.some((p) => p.in === 'path')) statuses.add(404);
  // A place named in the query (a dashboard's state or district) is 404 outside the jurisdiction, like a path id.
  if (params.some((p) => p.in === 'query' && PLACE_PARAMETERS.has(p.name))) statuses.add(404);
  // A partner system's write names a place, which is 404 outside its jurisdiction (security scheme `partner`).
  if (changes && op.security?.some((s) => 'partner' in s)) statuses.add(404);
  if (op.requestBody || changes) [400, 413].forEach((s) => statuses.add(s));
  if (op.requestBody?.content && Object.keys(op.requestBody.content).some((type) => type !== 'application/json')) statuses.add(415);
  if (changes && !isPublic) [409, 422].forEach((s) => statuses.add(s));
  if (header('Idempotency-Key')) statuses.add(422);
  if (header('If-Match')) [409, 428].forEach((s) => statuses.add(s));
  if (GONE_WITH_THE_CASE.test(path)) statuses.add(410);
  // An invitation or password-reset link's token: unknown, expired or used answers 410.
  if (isPublic && changes && op.requestBody?.content?.['application/json']?.schema?.properties?.token) statuses.add(410);
  return [...statuses].sort((a, b) => a - b);
}

/** Adds the ProblemDetails schema and every operation's refusals to the document. */
export function withProblemResponses(doc: OpenAPIObject, publicIds: ReadonlySet<string>): OpenAPIObject {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(problemDetails, { io: 'output', target: 'openapi-3.0' }) as Record<string, unknown>;
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ProblemDetails: schema as never } };
  const content = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      for (const status of problemStatuses(method, op, publicIds.has(op.operationId ?? ''), path)) {
        op.responses[String(status)] ??= { description: MEANING[status], content };
      }
    }
  }
  return doc;
}
