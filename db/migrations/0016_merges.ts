import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";
import { jsonCheck, nowText, primaryId } from "../schema-sql";

/**
 * Merging a duplicate person or organisation into the record that survives, and undoing it
 * (decision 032). The merged record's row stays, marked with the survivor it went into, so its old
 * address can redirect and a frozen panel that drew it still names a real row.
 *
 * `merges` is one merge: which record went into which, the survivor's field values it replaced and
 * the versions both records had afterwards. `merge_rows` holds every row the merge touched, whole,
 * as it was before and after (the two records themselves, a row moved to the survivor, a row removed
 * because the survivor already had its twin, a row added such as a carried-over opt-out), so an undo can put each back
 * exactly and can tell when something changed it since. Neither table has a foreign key to the
 * records: like the audit log, the bookkeeping names what it describes without holding on to it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = nowText(db);
  const id = primaryId(db);
  for (const table of ["people", "organisations"] as const) {
    await db.schema
      .alterTable(table)
      .addColumn("merged_into_id", "integer", (c) => c.references(`${table}.id`))
      .execute();
    await db.schema.alterTable(table).addColumn("merged_at", "text").execute();
    await db.schema.createIndex(`${table}_merged_into`).on(table).column("merged_into_id").execute();
  }
  // a merged organisation keeps its name, which the survivor may now carry: only current names are unique
  await sql`drop index organisations_name_unique`.execute(db);
  const name = engineOf(db) === "postgres" ? "lower(name)" : "name collate nocase";
  await sql
    .raw(`create unique index organisations_name_unique on organisations (${name}) where merged_into_id is null`)
    .execute(db);

  await db.schema
    .createTable("merges")
    .addColumn("id", "integer", id)
    .addColumn("entity", "text", (c) => c.notNull().check(sql`entity in ('people', 'organisations')`))
    .addColumn("survivor_id", "integer", (c) => c.notNull())
    .addColumn("merged_id", "integer", (c) => c.notNull())
    // per field the survivor's value before and the value kept: JSON {field: {before, after}}
    .addColumn("fields", "text", (c) => c.notNull().check(jsonCheck(db, "fields")))
    .addColumn("survivor_version", "integer", (c) => c.notNull())
    .addColumn("merged_version", "integer", (c) => c.notNull())
    .addColumn("merged_by", "integer", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("undone_at", "text")
    .addColumn("undone_by", "integer", (c) => c.references("users.id"))
    .addCheckConstraint("merges_two_records", sql`survivor_id <> merged_id`)
    .execute();
  await db.schema.createIndex("merges_survivor").on("merges").columns(["entity", "survivor_id"]).execute();
  await db.schema.createIndex("merges_merged").on("merges").columns(["entity", "merged_id"]).execute();

  await db.schema
    .createTable("merge_rows")
    .addColumn("id", "integer", id)
    .addColumn("merge_id", "integer", (c) => c.notNull().references("merges.id"))
    .addColumn("table_name", "text", (c) => c.notNull())
    .addColumn("change", "text", (c) => c.notNull().check(sql`change in ('updated', 'removed', 'added')`))
    // the whole row as JSON before the merge (null when the merge added it) and after (null when it removed it)
    .addColumn("before", "text", (c) => c.check(jsonCheck(db, "before", true)))
    .addColumn("after", "text", (c) => c.check(jsonCheck(db, "after", true)))
    .addCheckConstraint(
      "merge_rows_states",
      sql`(change = 'added') = (before is null) and (change = 'removed') = (after is null)`,
    )
    .execute();
  await db.schema.createIndex("merge_rows_merge").on("merge_rows").column("merge_id").execute();
}
