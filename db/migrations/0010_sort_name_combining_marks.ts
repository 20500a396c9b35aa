import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";

/**
 * The sort key's fold now drops exactly the combining marks (U+0300–U+036F) of the canonical
 * decomposition, as PostgreSQL can too (db/sort-name.ts); it used to drop every character with
 * the Unicode Diacritic property, a set PostgreSQL has no name for. Keys stored by the old fold
 * are written again where they differ. PostgreSQL databases were created with the new fold.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === "postgres") return;
  await sql`update people set sort_name = kring_sort_name(last_name, first_name, initials, infix)
    where sort_name <> kring_sort_name(last_name, first_name, initials, infix)`.execute(db);
}
