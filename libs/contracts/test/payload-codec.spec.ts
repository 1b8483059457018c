import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { DataKeyRing } from '@raksha/config';
import { ENCRYPTED_ENCODING, PayloadEncryptionCodec } from '../src/temporal/payload-codec.js';

const registration = { caseId: 'c-1', child: { name: 'Lakshmi Meena', ageYears: 9 } };
const payload = () => defaultPayloadConverter.toPayload(registration)!;
const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? new Uint8Array()).toString('utf8');

describe(PayloadEncryptionCodec.name, () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it("encrypts a workflow payload so the child's name is not in what Temporal stores, and decrypts it back", async () => {
    const sut = new PayloadEncryptionCodec(new DataKeyRing(oldKey));
    const [encoded] = await sut.encode([payload()]);
    expect(text(encoded!.metadata!.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(encoded!.data!).includes('Lakshmi')).toBe(false);
    const [decoded] = await sut.decode([encoded!]);
    expect(defaultPayloadConverter.fromPayload(decoded!)).toEqual(registration);
  });

  it('after a key rotation, writes with the new key and still reads what the retired key wrote', async () => {
    const [before] = await new PayloadEncryptionCodec(new DataKeyRing(oldKey)).encode([payload()]);
    const rotated = new PayloadEncryptionCodec(new DataKeyRing(newKey, [oldKey]));
    const [after] = await rotated.encode([payload()]);
    expect(text(after!.metadata!['encryption-key-id'])).not.toBe(text(before!.metadata!['encryption-key-id']));
    expect((await rotated.decode([before!, after!])).map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([registration, registration]);
  });

  it('passes payloads recorded before encryption through unchanged, so old histories still replay', async () => {
    const plain = payload();
    await expect(new PayloadEncryptionCodec(new DataKeyRing(newKey)).decode([plain])).resolves.toEqual([plain]);
  });

  it('refuses a payload whose key the ring no longer holds, or whose ciphertext was altered', async () => {
    const [encoded] = await new PayloadEncryptionCodec(new DataKeyRing(oldKey)).encode([payload()]);
    await expect(new PayloadEncryptionCodec(new DataKeyRing(newKey)).decode([encoded!])).rejects.toThrow(/neither the current key nor a retired one/);
    const altered = { ...encoded!, data: Buffer.from(encoded!.data!).map((b, i) => (i === 20 ? b ^ 1 : b)) };
    await expect(new PayloadEncryptionCodec(new DataKeyRing(oldKey)).decode([altered])).rejects.toThrow();
  });
});
