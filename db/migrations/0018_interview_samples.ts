import { type Kysely, sql } from "kysely";
import { createGuard, jsonCheck, nowText, primaryId } from "../schema-sql";

/**
 * Interview samples drawn from a frozen panel (decision 035). A sample keeps what its method
 * paragraph states — size, seed, generator, the strata with their populations and allocations,
 * who drew it and when — and the people drawn. Like the panel it comes from, it is a record of a
 * draw: the database refuses to change or delete it. Names are not copied: they are read from the
 * panel's members, so an erasure there (migration 0012) reaches the sample too.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = primaryId(db);

  await db.schema
    .createTable("interview_samples")
    .addColumn("id", "integer", id)
    .addColumn("wave_id", "integer", (c) => c.notNull().references("survey_waves.id"))
    .addColumn("size", "integer", (c) => c.notNull().check(sql`size > 0`))
    .addColumn("seed", "integer", (c) => c.notNull().check(sql`seed > 0`))
    .addColumn("prng", "text", (c) => c.notNull())
    // the eligible panel members the sample was drawn from
    .addColumn("population", "integer", (c) => c.notNull().check(sql`population >= size`))
    // JSON: the strata in order, each with its population and allocation
    .addColumn("strata", "text", (c) => c.notNull().check(jsonCheck(db, "strata")))
    .addColumn("drawn_at", "text", (c) => c.notNull().defaultTo(nowText(db)))
    .addColumn("drawn_by", "integer", (c) => c.references("users.id"))
    .execute();
  await db.schema.createIndex("interview_samples_wave").on("interview_samples").column("wave_id").execute();

  await db.schema
    .createTable("interview_sample_members")
    .addColumn("id", "integer", id)
    .addColumn("sample_id", "integer", (c) => c.notNull().references("interview_samples.id"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    // the index of the member's stratum in the sample's strata
    .addColumn("stratum", "integer", (c) => c.notNull().check(sql`stratum >= 0`))
    .addUniqueConstraint("interview_sample_members_person", ["sample_id", "person_id"])
    .execute();

  for (const table of ["interview_samples", "interview_sample_members"]) {
    for (const event of ["update", "delete"]) {
      await createGuard(db, {
        name: `${table}_no_${event}`,
        table,
        event,
        when: null,
        message: "an interview sample is a record of a draw: it cannot change; draw a new one",
      });
    }
  }
}
