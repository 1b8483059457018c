// How a password is stored (argon2id), shared by the API's sign-in and the seed's demo users; its own export path, so only they load the native hasher.
import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes, 1 lane (~20-50 ms).
// The parameters travel inside each hash, so raising them later still verifies older hashes.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** False, never an error, for a wrong password or a malformed stored hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time a real check takes, for a username that does not exist: an unknown user and a
 * wrong password then answer alike in time as well as in words.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('no user has this password');
  await verifyPassword(await dummyHash, password);
}
