import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const PSEUDONYM_SECRET_MIN_LENGTH = 32;

export class PseudonymSecretError extends Error {}

/**
 * The key of the research pseudonyms. Pseudonyms must stay the same across waves and restarts,
 * so the secret must too: from KRING_PSEUDONYM_SECRET when set (at least 32 characters), else
 * generated once and kept in `pseudonym.secret` beside the database (mode 0600), so a demo or
 * development install works without configuration. Losing the secret breaks the link between
 * the pseudonyms of earlier and later waves.
 */
export function pseudonymSecret(databasePath: string, env: Partial<Record<string, string>> = process.env): string {
  const configured = env.KRING_PSEUDONYM_SECRET;
  if (configured !== undefined && configured !== "") {
    if (configured.length < PSEUDONYM_SECRET_MIN_LENGTH) {
      throw new PseudonymSecretError(
        `KRING_PSEUDONYM_SECRET must be at least ${PSEUDONYM_SECRET_MIN_LENGTH} characters long (it has ${configured.length}).`,
      );
    }
    return configured;
  }
  const file = join(dirname(databasePath), "pseudonym.secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length < PSEUDONYM_SECRET_MIN_LENGTH) {
      throw new PseudonymSecretError(
        `${file} holds no usable pseudonym secret (at least ${PSEUDONYM_SECRET_MIN_LENGTH} characters).`,
      );
    }
    return stored;
  }
  mkdirSync(dirname(file), { recursive: true });
  const generated = randomBytes(32).toString("hex");
  // "wx": never overwrite a secret another process wrote in the meantime
  try {
    writeFileSync(file, `${generated}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return pseudonymSecret(databasePath, env);
    throw error;
  }
  chmodSync(file, 0o600);
  return generated;
}
