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

async function recordFailureFor(db: DB, key: string, policy: ThrottlePolicy, now: number) {
  const row = await db.selectFrom("login_throttle").selectAll().where("key", "=", key).executeTakeFirst();
  const stale = !row || now - row.updated_at > policy.windowMs;
  const failures = (stale ? 0 : row.failures) + 1;
  const delay = delayAfterFailures(failures, policy);
  const values = { failures, blocked_until: delay ? now + delay : 0, updated_at: now };
  await db
    .insertInto("login_throttle")
    .values({ key, ...values })
    .onConflict((oc) => oc.column("key").doUpdateSet(values))
    .execute();
  return values.blocked_until;
}

/** Counts a failed login against the account and the address; returns the seconds now to wait. */
export async function recordLoginFailure(db: DB, email: string, address: string, now = Date.now()) {
  const until = await db
    .transaction()
    .execute(async (trx) =>
      Math.max(
        await recordFailureFor(trx, accountKey(email), ACCOUNT_POLICY, now),
        await recordFailureFor(trx, addressKey(address), ADDRESS_POLICY, now),
      ),
    );
  return secondsToWait(until, now);
}

export async function clearLoginFailures(db: DB, email: string) {
  await db.deleteFrom("login_throttle").where("key", "=", accountKey(email)).execute();
}
