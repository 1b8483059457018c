import { describe, expect, it } from '@jest/globals';
import { createCipheriv, randomBytes } from 'node:crypto';
import { DataKeyRing } from '@raksha/config';
import { Sealer } from '../src/sealing.js';

describe(Sealer.name, () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const note = { diagnosis: 'asthma' };

  it('after a key rotation, seals with the new key and still opens what the retired key sealed', () => {
    const sealedBefore = new Sealer(new DataKeyRing(oldKey)).seal(note, 'entry-1');
    const sut = new Sealer(new DataKeyRing(newKey, [oldKey]));
    const sealedAfter = sut.seal(note, 'entry-2');
    expect(sealedAfter.split('.')[1]).toBe(sut.keyId);
    expect(sealedAfter.split('.')[1]).not.toBe(sealedBefore.split('.')[1]);
    expect(sut.open(sealedBefore, 'entry-1')).toEqual(note);
    expect(sut.open(sealedAfter, 'entry-2')).toEqual(note);
  });

  it('does not open a value sealed with a key the ring no longer holds', () => {
    const sealed = new Sealer(new DataKeyRing(oldKey)).seal(note, 'entry-1');
    expect(() => new Sealer(new DataKeyRing(newKey)).open(sealed, 'entry-1')).toThrow(/neither the current data key nor a retired one/);
  });
});

describe('envelope sealing (docs/sealed-fields.md)', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const before = new Sealer(new DataKeyRing(oldKey));
  const after = new Sealer(new DataKeyRing(newKey, [oldKey]));

  it('seals each value under a data key of its own, wrapped by the current key and bound to its row and field', () => {
    const a = before.sealText('9876543210', 'report:1:contact');
    const b = before.sealText('9876543210', 'report:1:contact');
    expect(a.split('.')).toHaveLength(6);
    expect(a.split('.')[0]).toBe('v2');
    expect(Sealer.keyIdOf(a)).toBe(before.keyId);
    // A fresh data key and nonce each time: the same number seals to different text.
    expect(a.split('.')[2]).not.toBe(b.split('.')[2]);
    expect(a).not.toContain('9876543210');
    expect(before.openText(a, 'report:1:contact')).toBe('9876543210');
    expect(() => before.openText(a, 'report:2:contact')).toThrow(/belongs to another record/);
  });

  it('re-seals under the new key by rewrapping the data key; v1 values become v2; both still open before and after', () => {
    const v2 = before.sealBytes(Buffer.from('photo bytes'), 'report:1:photo');
    const v1 = ['v1', before.keyId].join('.'); // a v1 value as the first format wrote it
    const v1Sealed = legacyV1(oldKey, before.keyId, Buffer.from('"asthma"'), 'entry-1');
    expect(after.isStale(v2)).toBe(true);
    expect(after.openBytes(v2, 'report:1:photo').toString()).toBe('photo bytes');
    const moved = after.reseal(v2, 'report:1:photo');
    expect(Sealer.keyIdOf(moved)).toBe(after.keyId);
    expect(moved.split('.').slice(3)).toEqual(v2.split('.').slice(3));
    expect(after.isStale(moved)).toBe(false);
    expect(after.openBytes(moved, 'report:1:photo').toString()).toBe('photo bytes');
    expect(after.open(v1Sealed, 'entry-1')).toBe('asthma');
    const upgraded = after.reseal(v1Sealed, 'entry-1');
    expect(upgraded.startsWith(`v2.${after.keyId}.`)).toBe(true);
    expect(after.open(upgraded, 'entry-1')).toBe('asthma');
    expect(Sealer.isSealed(v1)).toBe(false);
    expect(Sealer.isSealed('Near the bus stand, Jaipur')).toBe(false);
    expect(Sealer.isSealed(upgraded) && Sealer.isSealed(v1Sealed)).toBe(true);
  });
});

/** A value as the first format (v1: AES-256-GCM straight under the ring's key) sealed it, before envelopes. */
function legacyV1(key: Buffer, keyId: string, plain: Buffer, boundTo: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return ['v1', keyId, nonce.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}
