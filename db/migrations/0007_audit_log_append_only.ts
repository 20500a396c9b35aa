import type { Kysely } from "kysely";
import { createGuard } from "../schema-sql";

/**
 * The audit log is append-only: what happened stays as it was written. The database itself
 * refuses a change or removal of an entry, whatever code (or tool) tries it. Child rows of a record
 * are logged in the record's own entry (app/models/editing.server.ts), so nothing needs to amend an
 * entry after writing it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createGuard(db, {
    name: "audit_log_no_update",
    table: "audit_log",
    event: "update",
    when: null,
    message: "audit_log is append-only: entries cannot be changed",
  });
  await createGuard(db, {
    name: "audit_log_no_delete",
    table: "audit_log",
    event: "delete",
    when: null,
    message: "audit_log is append-only: entries cannot be removed",
  });
}
