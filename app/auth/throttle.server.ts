import type { DB } from "../../db/index";
import {
  ACCOUNT_POLICY,
  ADDRESS_POLICY,
  delayAfterFailures,
  secondsToWait,
  type ThrottlePolicy,
} from "../services/throttle";

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/** Seconds the next login for this account or from this address must still wait; 0 when it may proceed. */
export async function loginWaitSeconds(db: DB, email: string, address: string, now = Date.now()): Promise<number> {
  const rows = await db
    .selectFrom("login_throttle")
    .select("blocked_until")
    .where("key", "in", [accountKey(email), addressKey(address)])
    .execute();
  return Math.max(0, ...rows.map((r) => secondsToWait(r.blocked_until, now)));
}

/**
 * Counts one failure against the key in one statement: two failures at the same moment (two
 * servers, or PostgreSQL's writers side by side) are both counted, none lost between a read and
 * a write. A window that has passed starts again at one.
 */
async function recordFailureFor(db: DB, key: string, policy: ThrottlePolicy, now: number) {
  const { failures } = await db
    .insertInto("login_throttle")
    .values({ key, failures: 1, blocked_until: 0, updated_at: now })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when(eb(eb.ref("excluded.updated_at"), "-", eb.ref("login_throttle.updated_at")), ">", policy.windowMs)
          .then(1)
          .else(eb(eb.ref("login_throttle.failures"), "+", 1))
          .end(),
        updated_at: now,
      })),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  const delay = delayAfterFailures(failures, policy);
  if (!delay) return 0;
  const blockedUntil = now + delay;
  // a longer block another failure set meanwhile stays
  await db
    .updateTable("login_throttle")
    .set({ blocked_until: blockedUntil })
    .where("key", "=", key)
    .where("blocked_until", "<", blockedUntil)
    .execute();
  return blockedUntil;
}

/** Counts a failed login against the account and the address; returns the seconds now to wait. */
export async function recordLoginFailure(db: DB, email: string, address: string, now = Date.now()) {
  const until = Math.max(
    await recordFailureFor(db, accountKey(email), ACCOUNT_POLICY, now),
    await recordFailureFor(db, addressKey(address), ADDRESS_POLICY, now),
  );
  return secondsToWait(until, now);
}

export async function clearLoginFailures(db: DB, email: string) {
  await db.deleteFrom("login_throttle").where("key", "=", accountKey(email)).execute();
}
