import type { DB } from "../../db/index";
import type { Trx } from "./audit.server";

/**
 * The audit entries that hold something of one person: the entries of their own record (their row
 * with its addresses and consents), of their jobs and seats, and any other entry where a row names
 * them (`"person_id":N`) or one of their addresses appears. What an access request shows and what
 * an erasure redacts are the same entries. One pass over the log's text: such requests are rare,
 * the log may be long.
 */
export async function auditEntriesAbout(db: DB | Trx, personId: number, addresses: readonly string[]) {
  const [jobs, seats] = await Promise.all([
    db.selectFrom("affiliations").select("id").where("person_id", "=", personId).execute(),
    db.selectFrom("seats").select("id").where("person_id", "=", personId).execute(),
  ]);
  const own: Record<string, Set<string>> = {
    people: new Set([String(personId)]),
    affiliations: new Set(jobs.map((job) => String(job.id))),
    seats: new Set(seats.map((seat) => String(seat.id))),
  };
  // "_" in an address is a LIKE wildcard: a few more candidates, which the callers check exactly
  const needles = [`%"person_id":${personId},%`, `%"person_id":${personId}}%`].concat(
    addresses.map((address) => `%${address}%`),
  );
  const entries = await db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.user_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.entity",
      "audit_log.entity_id",
      "audit_log.summary",
      "audit_log.before",
      "audit_log.after",
      "audit_log.redacted_at",
      "users.name as user_name",
    ])
    .where((eb) =>
      eb.or([
        ...Object.entries(own)
          .filter(([, ids]) => ids.size > 0)
          .map(([entity, ids]) =>
            eb.and([eb("audit_log.entity", "=", entity), eb("audit_log.entity_id", "in", [...ids])]),
          ),
        ...needles.flatMap((needle) => [
          eb("audit_log.before", "like", needle),
          eb("audit_log.after", "like", needle),
          eb("audit_log.summary", "like", needle),
        ]),
      ]),
    )
    .orderBy("audit_log.id")
    .execute();
  return entries.map((entry) => ({ ...entry, ownRecord: own[entry.entity]?.has(entry.entity_id) ?? false }));
}
