import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKeyRing } from '@raksha/config';

/**
 * Seals sensitive details (medical and counselling notes) before they reach the database: AES-256-GCM with a
 * fresh nonce per record, bound to the record's id so a sealed value copied onto another row does not open.
 * Stored as `v1.<key id>.<nonce>.<ciphertext>.<tag>` (base64url); the key id names the key, so after a rotation
 * new values take the current key and older ones still open with the retired key they name.
 */
export class Sealer {
  constructor(private readonly keys: DataKeyRing) {}

  get keyId(): string {
    return this.keys.current.id;
  }

  seal(plain: unknown, boundTo: string): string {
    return this.sealBytes(Buffer.from(JSON.stringify(plain), 'utf8'), boundTo);
  }

  open(sealed: string, boundTo: string): unknown {
    return JSON.parse(this.openBytes(sealed, boundTo).toString('utf8'));
  }

  /** Bytes (an uploaded medical report's file) sealed the same way, in the same format. */
  sealBytes(plain: Buffer, boundTo: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.current.key, nonce);
    cipher.setAAD(Buffer.from(boundTo));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return ['v1', this.keyId, nonce.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  openBytes(sealed: string, boundTo: string): Buffer {
    const [version, keyId, nonce, body, tag] = sealed.split('.');
    if (version !== 'v1' || !nonce || body === undefined || !tag) throw new SealError('not a sealed value this version wrote');
    const key = this.keys.byId(keyId ?? '');
    if (!key) throw new SealError(`sealed with key ${keyId}, which is neither the current data key nor a retired one`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]);
    } catch {
      throw new SealError('the sealed value was altered or belongs to another record');
    }
  }
}

export class SealError extends Error {
  override readonly name = 'SealError';
}
