// Where the outbox keeps what waits to be sent: IndexedDB, sealed with AES-GCM (WebCrypto). The key is made at
// sign-in and lives only as long as the sign-in: its bytes are kept in sessionStorage (in the tab's memory, like the
// session's tokens; never written to disk, gone when the tab closes) and used as a non-extractable CryptoKey.
// So what a lost phone's storage holds is ciphertext whose key no longer exists. See docs/offline.md.
import type { KeyValueStore } from './i18n.js';
import type { OutboxItem, OutboxStore } from './outbox.js';

const KEY_SLOT = 'raksha.outboxKey';
const DB_NAME = 'raksha';
const STORE = 'outbox';
const RECORD = 'items';

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** The list sealed under the key: a fresh 96-bit IV each time (AES-GCM's rule). */
export async function seal(key: CryptoKey, items: OutboxItem[]): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(items)));
  return { iv, data };
}

/** The list, or null when the key is not the one it was sealed with (a session that ended). */
export async function unseal(key: CryptoKey, sealed: Sealed): Promise<OutboxItem[] | null> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv }, key, sealed.data);
    const items = JSON.parse(new TextDecoder().decode(plain)) as unknown;
    return Array.isArray(items) ? (items as OutboxItem[]) : [];
  } catch {
    return null;
  }
}

/** This sign-in's key: made once, kept in the session store, imported non-extractable. */
export async function sessionKey(session: KeyValueStore): Promise<CryptoKey> {
  let raw = session.getItem(KEY_SLOT);
  if (!raw) {
    raw = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    session.setItem(KEY_SLOT, raw);
  }
  const bytes = Uint8Array.from(atob(raw), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

function database(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => open.result.createObjectStore(STORE);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB'));
  });
}

function request<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return database().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = run(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result as T);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB'));
        };
      }),
  );
}

/** The outbox's store in the browser: one sealed record in IndexedDB. */
export class SealedOutboxStore implements OutboxStore {
  private key: Promise<CryptoKey> | undefined;
  constructor(private readonly session: KeyValueStore) {}

  private keyOf(): Promise<CryptoKey> {
    this.key ??= sessionKey(this.session);
    return this.key;
  }

  async load(): Promise<OutboxItem[]> {
    const sealed = await request<Sealed | undefined>('readonly', (s) => s.get(RECORD));
    if (!sealed) return [];
    const items = await unseal(await this.keyOf(), sealed);
    // sealed under a sign-in that has ended: nobody can read it any more, so it goes
    if (items === null) await this.erase();
    return items ?? [];
  }

  async save(items: OutboxItem[]): Promise<void> {
    if (items.length === 0) {
      await request('readwrite', (s) => s.delete(RECORD));
      return;
    }
    const sealed = await seal(await this.keyOf(), items);
    await request('readwrite', (s) => s.put(sealed, RECORD));
  }

  /** Sign-out: the sealed record and the key are both gone. */
  async erase(): Promise<void> {
    await request('readwrite', (s) => s.delete(RECORD));
    this.session.removeItem(KEY_SLOT);
    this.key = undefined;
  }
}
