import { createHash } from 'node:crypto';

/** One data key and the id that names it wherever something it sealed is stored. */
export interface DataKey {
  id: string;
  key: Buffer;
}

/** A key's id: the first 8 hex digits of its SHA-256, so the id says which key without revealing it. */
export function dataKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

/**
 * The data keys: the current one seals every new value (sealed eFile details, Temporal payloads); retired ones
 * are kept only to open what they sealed before a rotation (RAKSHA_RETIRED_DATA_KEYS).
 */
export class DataKeyRing {
  readonly current: DataKey;
  private readonly byIds: ReadonlyMap<string, Buffer>;

  constructor(current: Buffer, retired: readonly Buffer[] = []) {
    for (const key of [current, ...retired]) if (key.length !== 32) throw new RangeError('a data key must be 32 bytes');
    this.current = { id: dataKeyId(current), key: current };
    this.byIds = new Map([...retired, current].map((key) => [dataKeyId(key), key]));
  }

  /** The key with this id, current or retired; undefined when the ring does not hold it. */
  byId(id: string): Buffer | undefined {
    return this.byIds.get(id);
  }
}
