import { createHmac, randomBytes } from "node:crypto";
import type { DB } from "../../db/index";
import type { Trx } from "./audit.server";

/**
 * Addresses of erased people, kept only as salted hashes (HMAC-SHA256 with a random key of the
 * register, in `settings`): enough to recognise the address when someone types or imports it
 * again, useless for reading it back. The key travels with a backup of the database.
 */

const SALT_SETTING = "suppression_salt";

async function suppressionSalt(db: DB | Trx): Promise<string> {
  await db
    .insertInto("settings")
    .values({ key: SALT_SETTING, value: randomBytes(32).toString("hex") })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .execute();
  const { value } = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", SALT_SETTING)
    .executeTakeFirstOrThrow();
  return value;
}

const normalised = (address: string) => address.trim().toLowerCase();

function hashWith(salt: string, address: string): string {
  return createHmac("sha256", salt).update(normalised(address)).digest("hex");
}

/** Adds the addresses' hashes to the list (an address already on it stays as it was). */
export async function suppressAddresses(trx: Trx, addresses: readonly string[]): Promise<number> {
  if (addresses.length === 0) return 0;
  const salt = await suppressionSalt(trx);
  const hashes = [...new Set(addresses.map((address) => hashWith(salt, address)))];
  await trx
    .insertInto("suppressed_addresses")
    .values(hashes.map((address_hash) => ({ address_hash })))
    .onConflict((conflict) => conflict.column("address_hash").doNothing())
    .execute();
  return hashes.length;
}

/** Which of the addresses belong to an erased person (as typed; compared without case). */
export async function suppressedAmong(db: DB | Trx, addresses: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (addresses.length === 0) return found;
  const salt = await suppressionSalt(db);
  const byHash = new Map(addresses.map((address) => [hashWith(salt, address), address]));
  const rows = await db
    .selectFrom("suppressed_addresses")
    .select("address_hash")
    .where("address_hash", "in", [...byHash.keys()])
    .execute();
  for (const row of rows) found.add(byHash.get(row.address_hash)!);
  return found;
}
