import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataKeyRing } from '@raksha/config';

/** What a sealed value of this format starts with: `v2.` and its key-encryption key's id (8 hex digits), or v1's. */
const SEALED_TEXT = /^v[12]\.[0-9a-f]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)?$/;

/**
 * Seals personal data before it reaches the database (docs/sealed-fields.md), by envelope encryption: each value is
 * encrypted (AES-256-GCM) under a data key of its own, made for it, and that data key is stored beside it wrapped
 * (AES-256-GCM) by the key ring's current key, the key-encryption key. Both are bound to the value's row and field
 * (`boundTo`, the AAD), so a sealed value copied onto another row or field does not open.
 *
 * Stored as `v2.<key id>.<wrapped data key>.<nonce>.<ciphertext>.<tag>` (base64url). The key id names the
 * key-encryption key, so after a rotation new values take the new key, older ones still open with the retired key
 * they name, and re-sealing them (`reseal`) rewraps only their 60-byte data key, not the value.
 * Values of the first format, `v1.<key id>.<nonce>.<ciphertext>.<tag>` (sealed directly with the ring's key), still
 * open; `reseal` turns them into v2.
 */
export class Sealer {
  constructor(private readonly keys: DataKeyRing) {}

  /** The id of the key new values are wrapped with. */
  get keyId(): string {
    return this.keys.current.id;
  }

  seal(plain: unknown, boundTo: string): string {
    return this.sealBytes(Buffer.from(JSON.stringify(plain), 'utf8'), boundTo);
  }

  open(sealed: string, boundTo: string): unknown {
    return JSON.parse(this.openBytes(sealed, boundTo).toString('utf8'));
  }

  /** Text sealed as text (an address, a place): opens with openText. */
  sealText(plain: string, boundTo: string): string {
    return this.sealBytes(Buffer.from(plain, 'utf8'), boundTo);
  }

  openText(sealed: string, boundTo: string): string {
    return this.openBytes(sealed, boundTo).toString('utf8');
  }

  /** Bytes (a photo, an uploaded medical report's file) sealed the same way, in the same format. */
  sealBytes(plain: Buffer, boundTo: string): string {
    const dataKey = randomBytes(32);
    const wrapped = gcm(this.keys.current.key, dataKey, boundTo);
    const body = gcm(dataKey, plain, boundTo);
    return ['v2', this.keyId, wrapped.toString('base64url'), body.subarray(0, 12).toString('base64url'), body.subarray(12, -16).toString('base64url'), body.subarray(-16).toString('base64url')].join('.');
  }

  openBytes(sealed: string, boundTo: string): Buffer {
    const parts = sealed.split('.');
    const [version, keyId] = parts;
    if (version === 'v1' && parts.length === 5) {
      const [, , nonce, body, tag] = parts as [string, string, string, string, string];
      return ungcm(this.keyNamed(keyId), b64(nonce), b64(body), b64(tag), boundTo);
    }
    if (version !== 'v2' || parts.length !== 6) throw new SealError('not a sealed value this version wrote');
    const [, , wrapped, nonce, body, tag] = parts as [string, string, string, string, string, string];
    return ungcm(this.dataKeyOf(keyId, wrapped, boundTo), b64(nonce), b64(body), b64(tag), boundTo);
  }

  /** The id of the key-encryption key (v2) or data key (v1) a sealed value names; undefined when it is not one. */
  static keyIdOf(sealed: string): string | undefined {
    return Sealer.isSealed(sealed) ? sealed.split('.')[1] : undefined;
  }

  /** Whether a stored text is a sealed value (v1 or v2) rather than clear text stored before sealing. */
  static isSealed(stored: string): boolean {
    return SEALED_TEXT.test(stored);
  }

  /** Whether a sealed value should be re-sealed: v1, or wrapped by a key other than the current one. */
  isStale(sealed: string): boolean {
    return !sealed.startsWith(`v2.${this.keyId}.`);
  }

  /**
   * The same value under the current key, for the same row and field: a v2 value's data key is unwrapped with the
   * retired key it names and wrapped again with the current one (the value's own ciphertext is kept); a v1 value is
   * opened and sealed anew. A value already under the current key is returned as it is.
   */
  reseal(sealed: string, boundTo: string): string {
    if (!this.isStale(sealed)) return sealed;
    const parts = sealed.split('.');
    if (parts[0] !== 'v2' || parts.length !== 6) return this.sealBytes(this.openBytes(sealed, boundTo), boundTo);
    const [, keyId, wrapped, ...body] = parts as [string, string, string, string, string, string];
    const dataKey = this.dataKeyOf(keyId, wrapped, boundTo);
    return ['v2', this.keyId, gcm(this.keys.current.key, dataKey, boundTo).toString('base64url'), ...body].join('.');
  }

  private keyNamed(keyId: string | undefined): Buffer {
    const key = this.keys.byId(keyId ?? '');
    if (!key) throw new SealError(`sealed with key ${keyId}, which is neither the current data key nor a retired one`);
    return key;
  }

  private dataKeyOf(keyId: string | undefined, wrapped: string, boundTo: string): Buffer {
    const w = b64(wrapped);
    if (w.length !== 12 + 32 + 16) throw new SealError('not a sealed value this version wrote');
    return ungcm(this.keyNamed(keyId), w.subarray(0, 12), w.subarray(12, -16), w.subarray(-16), boundTo);
  }
}

/** nonce (12) ‖ ciphertext ‖ tag (16). */
function gcm(key: Buffer, plain: Buffer, boundTo: string): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

const b64 = (text: string) => Buffer.from(text, 'base64url');

function ungcm(key: Buffer, nonce: Buffer, body: Buffer, tag: Buffer, boundTo: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new SealError('the sealed value was altered or belongs to another record');
  }
}

export class SealError extends Error {
  override readonly name = 'SealError';
}
