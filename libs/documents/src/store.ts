import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Documents' bytes outside the database: each file named by the SHA-256 of what is stored (`ab/abcdef…`), so the
 * same bytes are kept once and a file's name says what it must contain. Writes land whole or not at all (a
 * temporary file renamed into place).
 */
export class DocumentStore {
  constructor(readonly dir: string) {}

  /** Creates the directory (at start-up, so the first document does not find it missing). */
  async ensure(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  pathOf(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a SHA-256: ${hash}`);
    return join(this.dir, hash.slice(0, 2), hash);
  }

  /** Stores the bytes under their hash; the same bytes stored again change nothing. */
  async put(bytes: Uint8Array): Promise<string> {
    const hash = sha256(bytes);
    const path = this.pathOf(hash);
    await mkdir(join(this.dir, hash.slice(0, 2)), { recursive: true, mode: 0o700 });
    const tmp = `${path}.${randomUUID()}.tmp`;
    await writeFile(tmp, bytes, { mode: 0o600, flush: true });
    await rename(tmp, path);
    return hash;
  }

  /** The stored bytes; undefined when the file is missing. */
  async get(hash: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(hash));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
  }

  async remove(hash: string): Promise<void> {
    await rm(this.pathOf(hash), { force: true });
  }
}
