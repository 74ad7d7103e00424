import { hash, verify, type Options } from "@node-rs/argon2";

// OWASP's Argon2id minimum (m=19 MiB, t=2, p=1). `algorithm: 2` is Argon2id; the
// package declares it as a const enum, which isolated modules cannot import.
const ARGON2ID_OPTIONS: Options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFC"), ARGON2ID_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize("NFC"));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same Argon2id work as a real check, so an unknown email answers in about
 * the time a known one does (no account enumeration by timing).
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("dummy password for timing equalisation");
  await verifyPassword(await dummyHash, password);
  return false;
}
