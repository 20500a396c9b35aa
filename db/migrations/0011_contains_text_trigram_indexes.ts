import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";

/**
 * The lists' "name contains" filters (containsText in db/dialect.ts: `lower(column) like '%…%'`)
 * read every row: no b-tree index serves a pattern that starts with a wildcard. On PostgreSQL a
 * trigram index (pg_trgm, required since migration 0003) on the same lower(column) does, so the
 * people, organisation and body pickers and the panel's member filter stay quick at national
 * scale. SQLite has no such index; there the tables are read, as before.
 */
const CONTAINS_TEXT_COLUMNS = [
  ["people", "last_name"],
  ["people", "first_name"],
  ["organisations", "name"],
  ["organisations", "short_name"],
  ["bodies", "name"],
  ["bodies", "abbreviation"],
  ["panel_members", "last_name"],
  ["panel_members", "first_name"],
  ["panel_members", "email"],
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) !== "postgres") return;
  for (const [table, column] of CONTAINS_TEXT_COLUMNS) {
    await sql`create index ${sql.id(`${table}_${column}_contains`)} on ${sql.table(table)}
      using gin (lower(${sql.ref(column)}) gin_trgm_ops)`.execute(db);
  }
}
