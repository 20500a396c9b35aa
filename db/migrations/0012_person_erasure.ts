import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";
import { createGuard, nowText } from "../schema-sql";

/**
 * Erasure of a person at their request (AVG art. 17). The person's row stays, emptied, so seats,
 * attendance and frozen panels keep their counts; their addresses leave only a salted hash in
 * `suppressed_addresses`, so no later import or mailing reaches them again. Two append-only guards
 * learn one exception each:
 * - a frozen panel member's name and address may be blanked once, together with setting
 *   `erased_at`; the content hash of a frozen panel covers person ids, attributes and reasons, not
 *   names or addresses, so it still verifies afterwards;
 * - an audit entry's `before`, `after` and `summary` may be rewritten together with setting
 *   `redacted_at` (again when a second erased person appears in the same entry, say a meeting's
 *   attendance register); who did what to which record and when stays as written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("people").addColumn("erased_at", "text").execute();
  await db.schema.alterTable("panel_members").addColumn("erased_at", "text").execute();
  await db.schema.alterTable("audit_log").addColumn("redacted_at", "text").execute();
  await db.schema
    .createTable("suppressed_addresses")
    .addColumn("address_hash", "text", (c) => c.primaryKey())
    .addColumn("suppressed_at", "text", (c) => c.notNull().defaultTo(nowText(db)))
    .execute();

  await dropTrigger(db, "audit_log_no_update", "audit_log");
  await createGuard(db, {
    name: "audit_log_no_update",
    table: "audit_log",
    event: "update",
    when: (changed) =>
      `${["id", "at", "user_id", "action", "entity", "entity_id"].map(changed).join(" or ")}
      or new.redacted_at is null`,
    message: "audit_log is append-only: entries cannot be changed",
  });

  await dropTrigger(db, "panel_members_immutable", "panel_members");
  const fixed = [
    ...["wave_id", "person_id", "token", "language"],
    ...["organisation_id", "sector_code", "level", "attributes", "reasons"],
  ];
  const personal = ["first_name", "infix", "last_name", "salutation", "email", "erased_at"];
  await createGuard(db, {
    name: "panel_members_immutable",
    table: "panel_members",
    event: "update",
    when: (changed) =>
      `${fixed.map(changed).join(" or ")}
      or (old.excluded_at is not null and (${changed("excluded_at")} or ${changed("exclusion_reason")}))
      or ((${personal.map(changed).join(" or ")}) and (old.erased_at is not null or new.erased_at is null))`,
    message: "a frozen panel member cannot change; record an exclusion instead",
  });
}

async function dropTrigger(db: Kysely<unknown>, name: string, table: string) {
  await sql.raw(engineOf(db) === "postgres" ? `drop trigger ${name} on ${table}` : `drop trigger ${name}`).execute(db);
}
