import type { Request, Response } from 'express';
import { importTooLarge, invalidInput, problem } from '../problem/domain-errors.js';
import { IMPORT_LIMITS, describeIssues, importJsonBody } from '@raksha/contracts';
import { invalidUtf8, nulCharacter, utf8Text } from '../problem/request-body.js';

/**
 * The CSV text of an import request: a `text/csv` body read here (the app parses JSON bodies only, up to
 * its usual limit), or `{ "csv": "..." }` as JSON.
 */
export async function importText(req: Request): Promise<string> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    const parsed = importJsonBody.safeParse(req.body);
    if (!parsed.success) throw invalidInput(describeIssues(parsed.error.issues));
    return parsed.data.csv;
  }
  if (type !== 'text/csv') throw problem('unsupported-media-type', `content-type ${type || '(none)'} is not text/csv or application/json`);
  const tooLarge = () => importTooLarge(`the file is over ${IMPORT_LIMITS.bytes} bytes; split it`, IMPORT_LIMITS);
  if (Number(req.headers['content-length'] ?? 0) > IMPORT_LIMITS.bytes) {
    req.resume(); // drain the body, so the client reads the answer
    throw tooLarge();
  }
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= IMPORT_LIMITS.bytes) chunks.push(chunk);
      else if (size > 8 * IMPORT_LIMITS.bytes) req.destroy(); // a sender that will not stop is cut off
    });
    req.on('end', () => {
      if (size > IMPORT_LIMITS.bytes) return reject(tooLarge());
      const text = utf8Text(Buffer.concat(chunks));
      if (text === undefined) return reject(invalidUtf8());
      return text.includes('\u0000') ? reject(nulCharacter()) : resolve(text);
    });
    req.on('error', reject);
    req.on('close', () => reject(tooLarge())); // after 'end' this changes nothing
  });
}

/** The status of an import's answer: 200 for a dry run, 201 once written, 202 with Location when a job writes it. */
export function answerImport(res: Response, outcome: { dryRun: boolean } | { id: string }): void {
  if ('id' in outcome) {
    res.status(202).location(`/imports/${outcome.id}`);
  } else res.status(outcome.dryRun ? 200 : 201);
}
