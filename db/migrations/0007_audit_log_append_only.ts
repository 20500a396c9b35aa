import { type Kysely, sql } from "kysely";

/**
 * The audit log is append-only: what happened stays as it was written. The database itself
 * refuses a change or removal of an entry, whatever code (or tool) tries it. Child rows of a record
 * are logged in the record's own entry (app/models/editing.server.ts), so nothing needs to amend an
 * entry after writing it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create trigger audit_log_no_update before update on audit_log begin
    select raise(abort, 'audit_log is append-only: entries cannot be changed');
  end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log begin
    select raise(abort, 'audit_log is append-only: entries cannot be removed');
  end`.execute(db);
}
