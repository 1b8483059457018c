// Temporal stores every workflow's inputs, signals, updates, activity arguments and results in its history, which its
// Web UI and API show to anyone who reaches them. This codec encrypts each payload before it leaves the API or the worker,
// so the history holds ciphertext, never a child's name. Node-only (node:crypto): the workflows never import it; the
// SDK runs codecs outside the workflow sandbox.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type DataConverter, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

/** The keys that encrypt payloads: the data key ring (DataKeyRing in @raksha/config) has this shape. */
export interface PayloadKeys {
  readonly current: { readonly id: string; readonly key: Buffer };
  byId(id: string): Buffer | undefined;
}

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const ENCRYPTION_KEY_ID = 'encryption-key-id';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM over the whole serialised payload (its metadata too: the encoding says what the value is). The key id
 * travels in the payload's metadata, so a rotated key stays readable for histories it encrypted. A payload not marked
 * encrypted passes through decode as it is: histories recorded before encryption (docs/replay.md) still replay.
 */
export class PayloadEncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: PayloadKeys) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys.current;
    return payloads.map((payload) => {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(temporal.api.common.v1.Payload.encode(payload).finish()), cipher.final()]);
      return {
        metadata: { encoding: Buffer.from(ENCRYPTED_ENCODING), [ENCRYPTION_KEY_ID]: Buffer.from(id) },
        data: Buffer.concat([nonce, body, cipher.getAuthTag()]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.encoding) !== ENCRYPTED_ENCODING) return payload;
      const keyId = text(payload.metadata?.[ENCRYPTION_KEY_ID]);
      const key = this.keys.byId(keyId);
      if (!key) throw new ValueError(`payload encrypted with data key ${keyId || '(none named)'}, which is neither the current key nor a retired one`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, NONCE_BYTES));
      decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
      const plain = Buffer.concat([decipher.update(data.subarray(NONCE_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}

const text = (bytes: Uint8Array | null | undefined): string => (bytes ? Buffer.from(bytes).toString('utf8') : '');

/** The data converter of every Temporal client and worker of Raksha: the same keys on both sides. */
export function caseDataConverter(keys: PayloadKeys): DataConverter {
  return { payloadCodecs: [new PayloadEncryptionCodec(keys)] };
}
