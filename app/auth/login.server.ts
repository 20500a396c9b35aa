import type { DB } from "../../db/index";
import type { User } from "../../db/schema";
import { findUserByEmail } from "../models/users.server";
import { decoyPasswordHash, verifyPassword } from "./password.server";
import { clearLoginFailures, loginWaitSeconds, recordLoginFailure } from "./throttle.server";

export type LoginResult =
  | { ok: true; user: Omit<User, "password_hash"> }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; waitSeconds: number };

/**
 * Checks an e-mail address and password. An unknown address, a wrong password and a disabled
 * account all answer "invalid", after the same argon2 work, so the answer does not tell which
 * accounts exist. While the account or the address is throttled the password is not even checked.
 */
export async function attemptLogin(
  db: DB,
  email: string,
  password: string,
  clientAddress: string,
  now = Date.now(),
): Promise<LoginResult> {
  const address = email.trim().toLowerCase();
  const wait = await loginWaitSeconds(db, address, clientAddress, now);
  if (wait > 0) return { ok: false, reason: "throttled", waitSeconds: wait };

  const user = await findUserByEmail(db, address);
  const passwordMatches = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);
  if (!user || !passwordMatches || user.disabled_at) {
    const waitSeconds = await recordLoginFailure(db, address, clientAddress, now);
    return waitSeconds > 0 ? { ok: false, reason: "throttled", waitSeconds } : { ok: false, reason: "invalid" };
  }

  await clearLoginFailures(db, address);
  const { password_hash: _hash, ...publicUser } = user;
  return { ok: true, user: publicUser };
}
