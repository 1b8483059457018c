// Issue #22: an event's payload took fields its schema does not define ("isAdmin": true) and the timeline
// stored them. Every object an event carries, at any depth, is strict: walked here, schema by schema.
import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import { CASE_EVENT_TYPES, caseEventSchemas, initialCaseSnapshot, parseCaseEvent, sampleEvents, SAMPLE_ICP_GOALS } from '../src/index.js';
import { T0 } from './support.js';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every object schema reachable from `schema`, with its path, and whether it refuses unknown keys. */
function objectsIn(schema: z.ZodType, path: string): { path: string; strict: boolean }[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return [
        { path, strict: def.catchall !== undefined && defOf(def.catchall).type === 'never' },
        ...Object.entries(def.shape ?? {}).flatMap(([key, child]) => objectsIn(child, path ? `${path}.${key}` : key)),
      ];
    case 'array':
      return objectsIn(def.element!, `${path}[]`);
    case 'record':
      return [{ path, strict: false }];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return objectsIn(def.innerType!, path);
    case 'pipe':
      return [...objectsIn(def.in!, path), ...objectsIn(def.out!, path)];
    case 'union':
      return (def.options ?? []).flatMap((o) => objectsIn(o, path));
    default:
      return [];
  }
}

/** Every path to a plain object inside a value (the value itself is ''). */
function objectPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objectPaths(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objectPaths(v, [...path, k]))];
}

function withField(value: unknown, at: (string | number)[]): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const step of at) node = node[step] as Record<string | number, unknown>;
  node.isAdmin = true;
  return copy;
}

describe('event payloads are strict at every depth', () => {
  it.each(CASE_EVENT_TYPES)('%s: every object in its schema refuses unknown fields', (type) => {
    const objects = objectsIn(caseEventSchemas[type] as unknown as z.ZodType, '');
    expect(objects.length).toBeGreaterThan(0);
    expect(objects.filter((o) => !o.strict)).toEqual([]);
  });

  const context = initialCaseSnapshot({ caseId: 'case-1', track: 'CNCP', registeredAt: T0, child: { ageYears: 10 }, districtCode: 'RJ-JAIPUR', stateCode: 'RJ' }).context;
  const samples = CASE_EVENT_TYPES.flatMap((type) => sampleEvents(type, context, T0).slice(0, 1));

  it('takes every sample event as it is', () => {
    expect(samples.length).toBeGreaterThan(30);
    for (const sample of samples) expect(parseCaseEvent(sample)).toMatchObject({ ok: true });
  });

  it('refuses an unknown field in any object of a sample event, naming the field', () => {
    const probes = samples.flatMap((sample) => objectPaths(sample).map((at) => ({ sample, at })));
    expect(probes.some(({ at }) => at.length > 1)).toBe(true); // nested objects were probed, not only the top
    for (const { sample, at } of probes) {
      expect(parseCaseEvent(withField(sample, at))).toEqual({ ok: false, issues: [{ path: [...at, 'isAdmin'].join('.'), message: 'not a field of this event', code: 'unrecognized_keys' }] });
    }
  });

  it("names an unknown field inside an ICP's goals by its place", () => {
    const event = { type: 'ICP_PREPARED', at: T0, icpRef: 'ICP/1', goals: SAMPLE_ICP_GOALS.map((g, i) => (i === 2 ? { ...g, owner: 'me' } : g)) };
    expect(parseCaseEvent(event)).toEqual({ ok: false, issues: [{ path: 'goals.2.owner', message: 'not a field of this event', code: 'unrecognized_keys' }] });
  });
});
