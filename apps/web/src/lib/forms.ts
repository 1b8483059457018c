// Event forms generated from the machine's own zod event schemas: the fields a person fills in,
// the payload built from them, and the schema's verdict on it before anything is sent.
import { z } from 'zod';
import { caseEventSchemas, type CaseEventType } from '@raksha/case-machine';
import { describeIssues, type FieldIssue } from '@raksha/contracts';

interface JsonSchema {
  type?: string;
  enum?: string[];
  format?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

interface FieldBase {
  name: string;
  required: boolean;
}
export type FormField =
  | (FieldBase & { kind: 'text'; long: boolean; minLength?: number })
  | (FieldBase & { kind: 'number'; integer: boolean; min?: number; max?: number })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'enum'; options: string[] })
  | (FieldBase & { kind: 'date' })
  /** a place from the registry (an order placing the child names it) */
  | (FieldBase & { kind: 'place' })
  /** a list with one entry per domain (care plan goals, review progress) */
  | (FieldBase & { kind: 'perDomain'; domains: string[]; entry: 'goal' | 'progress'; statuses: string[] });

export type FormValues = Record<string, string>;

/** The time and type are the system's: the workflow stamps `at`, the form chose `type`, the API names the place. */
const SYSTEM_FIELDS = new Set(['type', 'at', 'placeName']);
const SAFE_MAX = 1_000_000;

export function eventFields(type: CaseEventType): FormField[] {
  const schema = z.toJSONSchema(caseEventSchemas[type], { io: 'input' }) as JsonSchema;
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {})
    .filter(([name]) => !SYSTEM_FIELDS.has(name))
    .map(([name, p]) => fieldOf(name, p, required.has(name)));
}

function fieldOf(name: string, p: JsonSchema, required: boolean): FormField {
  if (p.type === 'array' && p.items?.properties?.domain?.enum) {
    const props = p.items.properties;
    return { name, required, kind: 'perDomain', domains: props.domain!.enum!, entry: props.status ? 'progress' : 'goal', statuses: props.status?.enum ?? [] };
  }
  if (name === 'placeId') return { name, required, kind: 'place' };
  if (p.enum) return { name, required, kind: 'enum', options: p.enum };
  if (p.type === 'boolean') return { name, required, kind: 'boolean' };
  if (p.type === 'integer' || p.type === 'number') {
    return {
      name,
      required,
      kind: 'number',
      integer: p.type === 'integer',
      ...(p.minimum !== undefined && { min: p.minimum }),
      ...(p.maximum !== undefined && p.maximum < SAFE_MAX && { max: p.maximum }),
    };
  }
  if (p.format === 'date') return { name, required, kind: 'date' };
  return { name, required, kind: 'text', long: (p.minLength ?? 0) >= 10, ...(p.minLength !== undefined && { minLength: p.minLength }) };
}

/** Form keys of a per-domain entry: `goals.HEALTH`, `progress.HEALTH.status`, `progress.HEALTH.note`. */
export const domainKey = (field: string, domain: string, part?: string) => [field, domain, part].filter(Boolean).join('.');

/** The payload the form's values make: empty optional fields left out, numbers and yes/no as such. */
export function buildPayload(fields: FormField[], values: FormValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.kind === 'perDomain') {
      const entries = f.domains.flatMap((domain): Record<string, unknown>[] => {
        if (f.entry === 'goal') {
          const goal = (values[domainKey(f.name, domain)] ?? '').trim();
          return goal ? [{ domain, goal }] : [];
        }
        const status = values[domainKey(f.name, domain, 'status')] ?? '';
        const note = (values[domainKey(f.name, domain, 'note')] ?? '').trim();
        return status ? [{ domain, status, ...(note && { note }) }] : [];
      });
      if (entries.length || f.required) payload[f.name] = entries;
      continue;
    }
    const raw = (values[f.name] ?? '').trim();
    if (raw === '') continue;
    if (f.kind === 'number') payload[f.name] = Number(raw);
    else if (f.kind === 'boolean') payload[f.name] = raw === 'true';
    else payload[f.name] = raw;
  }
  return payload;
}

/** The machine's schema on the payload: field name → what is wrong (a message key and its values, as the API gives), empty when it passes. */
export function validatePayload(type: CaseEventType, payload: Record<string, unknown>, at = new Date().toISOString()): Record<string, FieldIssue> {
  const result = caseEventSchemas[type].safeParse({ ...payload, type, at });
  if (result.success) return {};
  const errors: Record<string, FieldIssue> = {};
  for (const issue of describeIssues(result.error.issues)) {
    const field = issue.field.split('.')[0] ?? '';
    errors[field] ??= issue;
  }
  return errors;
}
