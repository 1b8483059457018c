// How sealed fields are stored and read back, one place for every repository that keeps one (docs/sealed-fields.md).
// Rows written before a field was sealed hold clear text: reads pass it through, and the re-seal job seals it.
import { Sealer } from './sealing.js';

/** What a sealed value is bound to (its AAD): the table's record and the field, so it opens nowhere else. */
export const sealedFieldBinding = {
  reportContact: (reportId: string) => `report:${reportId}:reporterContact`,
  reportPlace: (reportId: string) => `report:${reportId}:placeText`,
  reportPhoto: (reportId: string) => `report:${reportId}:photo`,
  faceDescriptor: (reportId: string) => `face:${reportId}:descriptor`,
  childProfile: (caseId: string, version: number) => `child-profile:${caseId}:${version}`,
  efileDetails: (entryId: string) => entryId,
  totpSecret: (userId: string) => `totp:${userId}`,
  caseStep: (caseId: string, sequence: number) => `case-step:${caseId}:${sequence}`,
} as const;

/** Text sealed for storage; null stays null. */
export function sealedText(sealer: Sealer, plain: string | null, boundTo: string): string | null {
  return plain === null ? null : sealer.sealText(plain, boundTo);
}

/** Stored text opened: sealed text opens, clear text from before sealing passes through. */
export function openedText(sealer: Sealer, stored: string | null, boundTo: string): string | null {
  if (stored === null || !Sealer.isSealed(stored)) return stored;
  return sealer.openText(stored, boundTo);
}

/** A JSON value sealed for a Json column: stored as a JSON string holding the sealed text. */
export function sealedJson(sealer: Sealer, plain: unknown, boundTo: string): string {
  return sealer.seal(plain, boundTo);
}

/** A Json column read back: a sealed string opens, an object stored before sealing passes through. */
export function openedJson<T>(sealer: Sealer, stored: unknown, boundTo: string): T | null {
  if (stored === null || stored === undefined) return null;
  if (typeof stored === 'string' && Sealer.isSealed(stored)) return sealer.open(stored, boundTo) as T;
  return stored as T;
}

/** Bytes sealed for a bytea column: the sealed text's bytes (as the document vault stores sealed files). */
export function sealedBytes(sealer: Sealer, plain: Uint8Array, boundTo: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(sealer.sealBytes(Buffer.from(plain), boundTo), 'utf8'));
}

/**
 * Whether stored bytes are a sealed value: `v1.` or `v2.`, eight hex digits of a key id and a dot. A JPEG or a PNG never
 * starts so (a raw face descriptor is told apart by its length: FaceRepository). Only the first 12 bytes are read: the
 * matcher asks this of every descriptor of a block.
 */
export function isSealedBytes(stored: Uint8Array): boolean {
  if (stored.length < 20) return false;
  if (stored[0] !== 0x76 || (stored[1] !== 0x31 && stored[1] !== 0x32) || stored[2] !== 0x2e || stored[11] !== 0x2e) return false;
  for (let i = 3; i < 11; i++) {
    const c = stored[i]!;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

/** Stored bytes opened; bytes stored before sealing pass through. */
export function openedBytes(sealer: Sealer, stored: Uint8Array, boundTo: string): Buffer {
  const b = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  return isSealedBytes(stored) ? sealer.openBytes(b.toString('utf8'), boundTo) : b;
}

/**
 * A CICL case's offence details on its timeline (docs/sealed-fields.md): which fields of which steps are sealed. The
 * rest of each payload stays in clear (the step's type, its order, its dates); the sealed fields go, together, into
 * the payload's `sealed` text, bound to the case and the step.
 */
export const SEALED_STEP_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // the FIR and what the child is alleged to have done
  APPREHENDED_FOR_OFFENCE: ['firRef', 'allegedOffence'],
  // s.14, s.15: the offence's category (petty, serious, heinous), the age at the offence and the FIR
  PRODUCED_BEFORE_JJB: ['offenceCategory', 'ageAtOffence', 'firRef'],
};

/**
 * A step's payload as the timeline stores it (the step's sealed fields sealed together under `sealed`) and as the
 * audit chain records it (without them: `sealedFields` names them). Other steps' payloads are stored as they are.
 */
export function sealedStepPayload(sealer: Sealer, step: { caseId: string; sequence: number; eventType: string; payload: Record<string, unknown> }): { stored: Record<string, unknown>; audited: Record<string, unknown> } {
  const fields = (SEALED_STEP_FIELDS[step.eventType] ?? []).filter((f) => step.payload[f] !== undefined);
  if (fields.length === 0) return { stored: step.payload, audited: step.payload };
  const clear = Object.fromEntries(Object.entries(step.payload).filter(([k]) => !fields.includes(k)));
  const secret = Object.fromEntries(fields.map((f) => [f, step.payload[f]]));
  return { stored: { ...clear, sealed: sealer.seal(secret, sealedFieldBinding.caseStep(step.caseId, step.sequence)) }, audited: { ...clear, sealedFields: fields } };
}

/** A timeline payload read back: its sealed fields opened into it (a payload stored before sealing passes through). */
export function openedStepPayload(sealer: Sealer, step: { caseId: string; sequence: number; payload: unknown }): Record<string, unknown> {
  const payload = (step.payload ?? {}) as Record<string, unknown>;
  if (typeof payload.sealed !== 'string' || !Sealer.isSealed(payload.sealed)) return payload;
  const { sealed, ...clear } = payload;
  return { ...clear, ...(sealer.open(sealed, sealedFieldBinding.caseStep(step.caseId, step.sequence)) as Record<string, unknown>) };
}
