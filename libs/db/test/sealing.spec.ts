import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
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
