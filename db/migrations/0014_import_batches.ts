import { type Kysely, sql } from "kysely";
import { jsonCheck, nowText, primaryId } from "../schema-sql";

/**
 * Spreadsheet imports (decision 029). An upload is an `import_batches` row holding the parsed file
 * (JSON) until it is imported or given up, so the mapping and the preview need no second upload;
 * the preview's outcome is kept beside it. The import itself is one transaction that creates the
 * records, lists each with the version it was created at in `import_batch_records` (what an undo
 * checks and removes), and sets the batch `imported`. A batch left `importing` by a killed process
 * never committed anything and is marked `failed` at the next start.
 *
 * `external_ids` are the numbers other systems give organisations and people ("Relatienummer"):
 * one value per source and entity names one record. Attendance gets the index on its seat that an
 * undo's deletes need.
 */
const STATUSES = sql`('uploaded', 'previewing', 'previewed', 'importing', 'imported', 'failed', 'undone')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const now = nowText(db);
  const id = primaryId(db);
  await db.schema
    .createTable("import_batches")
    .addColumn("id", "integer", id)
    .addColumn("file_name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("uploaded")
        .check(sql`status in ${STATUSES}`),
    )
    // the parsed file: { headers, rows, lines, format, encoding, delimiter }; emptied once imported or undone
    .addColumn("content", "text", (c) => c.check(jsonCheck(db, "content", true)))
    .addColumn("row_count", "integer", (c) => c.notNull())
    // column index → field name or null
    .addColumn("mapping", "text", (c) => c.check(jsonCheck(db, "mapping", true)))
    // every row's links, errors and warnings, as the preview showed them
    .addColumn("preview", "text", (c) => c.check(jsonCheck(db, "preview", true)))
    // what the import created, per kind of record
    .addColumn("counts", "text", (c) => c.check(jsonCheck(db, "counts", true)))
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("imported_at", "text")
    .addColumn("imported_by", "integer", (c) => c.references("users.id"))
    .addColumn("undone_at", "text")
    .addColumn("undone_by", "integer", (c) => c.references("users.id"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("import_batches_status").on("import_batches").column("status").execute();

  await db.schema
    .createTable("import_batch_records")
    .addColumn("batch_id", "integer", (c) => c.notNull().references("import_batches.id"))
    .addColumn("entity", "text", (c) =>
      c.notNull().check(sql`entity in ('organisations', 'people', 'affiliations', 'seats')`),
    )
    .addColumn("entity_id", "integer", (c) => c.notNull())
    // the version the import created the record at: an undo is refused once it moved
    .addColumn("version", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("import_batch_records_key", ["batch_id", "entity", "entity_id"])
    .execute();

  await db.schema
    .createTable("external_ids")
    .addColumn("id", "integer", id)
    .addColumn("entity", "text", (c) => c.notNull().check(sql`entity in ('organisations', 'people')`))
    .addColumn("entity_id", "integer", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addUniqueConstraint("external_ids_source_value", ["entity", "source", "value"])
    .execute();
  await db.schema.createIndex("external_ids_record").on("external_ids").columns(["entity", "entity_id"]).execute();

  // an undone import deletes its seats: each delete asks whether attendance still names the seat,
  // which without this index reads the whole register (a million rows nationally) per seat
  await db.schema.createIndex("attendance_seat").on("attendance").column("seat_id").execute();
}
