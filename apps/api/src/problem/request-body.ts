// Bounds on what a request body may be, checked on the raw bytes before anything parses them: a body
// too large (413), nested too deeply (400), not UTF-8 (400) or holding a NUL character (400) is refused at the
// edge, never a 500 later.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError } from './domain-errors.js';

/**
 * The largest JSON body: a report with the largest photo the schema allows (PHOTO_BASE64_MAX characters)
 * and every other field at its longest, each character written as a `\uXXXX` escape, fits with room to spare
 * (request-body.spec.ts builds that report and checks).
 */
export const JSON_BODY_MAX_BYTES = 512 * 1024;
/** Deeper than any body the API's schemas take (a case event's ICP goals are at depth 4): deeper is a probe. */
export const JSON_DEPTH_MAX = 16;
/** A case event's payload, written as JSON: references and reasons, never documents. */
export const EVENT_PAYLOAD_MAX_BYTES = 128 * 1024;

/** A body-parser failure the problem filter knows by its `type`. */
class BodyRefused extends Error {
  readonly status = 400;
  constructor(
    readonly type: 'entity.too.deep' | 'entity.invalid.utf8' | 'entity.nul',
    message: string,
  ) {
    super(message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of a body; undefined if it is not UTF-8 (refuse it: replacement characters stored in its place would corrupt a record). */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
export const invalidUtf8 = () => new DomainError('invalid-utf8', 'the request body is not valid UTF-8');
export const nulCharacter = () => new DomainError('invalid-input', 'a text in the request body holds a NUL character (\\u0000), which no record can keep');

/** The deepest nesting of objects and arrays in JSON text, counted without parsing; stops counting past `max`. */
export function jsonDepth(bytes: Uint8Array, max = JSON_DEPTH_MAX): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++; // a backslash escapes the next character
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > deepest && (deepest = depth) > max) return deepest;
    } else if (b === 0x7d || b === 0x5d) depth--;
  }
  return deepest;
}

/** `\u0000` written in JSON text (an escaped backslash before `u0000` is not one): PostgreSQL stores no NUL in text or JSON. */
const JSON_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

/** Body-parser's `verify`: runs on the raw bytes of every JSON body before it is parsed. */
export function verifyJsonBody(_req: IncomingMessage, _res: ServerResponse, body: Buffer): void {
  const text = utf8Text(body);
  if (text === undefined) throw new BodyRefused('entity.invalid.utf8', 'the request body is not valid UTF-8');
  if (JSON_NUL.test(text)) throw new BodyRefused('entity.nul', 'a text in the request body holds a NUL character (\\u0000), which no record can keep');
  if (jsonDepth(body) > JSON_DEPTH_MAX) throw new BodyRefused('entity.too.deep', `the request body nests objects and arrays more than ${JSON_DEPTH_MAX} deep`);
}

/** The options of the app's JSON body parser. */
export const jsonBodyOptions = { limit: JSON_BODY_MAX_BYTES, verify: verifyJsonBody };

/** A case event's payload over EVENT_PAYLOAD_MAX_BYTES: refused before it reaches the workflow or the timeline. */
export function checkEventPayloadSize(payload: Record<string, unknown>): void {
  const bytes = Buffer.byteLength(JSON.stringify(payload));
  if (bytes > EVENT_PAYLOAD_MAX_BYTES) {
    throw new DomainError('payload-too-large', `the event's payload is ${bytes} bytes; at most ${EVENT_PAYLOAD_MAX_BYTES}`, { field: 'payload', limit: EVENT_PAYLOAD_MAX_BYTES });
  }
}

/** The problem a body-parser failure answers, by the parser's `type` (undefined: not a refusal of the body). */
export function bodyParserProblem(cause: { type?: string; message?: string } | undefined): DomainError | undefined {
  switch (cause?.type) {
    case 'entity.parse.failed':
      return new DomainError('malformed-json', cause.message ?? 'the request body is not valid JSON');
    case 'entity.too.large':
      return new DomainError('payload-too-large', `the request body is larger than ${JSON_BODY_MAX_BYTES} bytes`, { limit: JSON_BODY_MAX_BYTES });
    case 'entity.too.deep':
      return new DomainError('body-too-deep', cause.message ?? '', { limit: JSON_DEPTH_MAX });
    case 'entity.invalid.utf8':
      return invalidUtf8();
    case 'entity.nul':
      return nulCharacter();
    default:
      return undefined;
  }
}
