import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";
import { createCheckFunctions, isoDateCheck, nowText, primaryId, uniqueIgnoringCase } from "../schema-sql";

/**
 * The registry domain of the design: regions, sectors, organisations, people,
 * affiliations, themes, bodies, plans and seats.
 *
 * Day dates are ISO `YYYY-MM-DD` text; an end date is the last day (inclusive),
 * null means ongoing. Moments are UTC ISO timestamps. Editable records carry a
 * `version` that every update increments, so a stale form can be refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createCheckFunctions(db);
  const now = nowText(db);
  const isoDate = (column: string) => isoDateCheck(db, column);
  const id = primaryId(db);
  await db.schema
    .createTable("regions")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable("subregions")
    .addColumn("id", "integer", id)
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addUniqueConstraint("subregions_region_name_unique", ["region_id", "name"])
    .execute();

  await db.schema
    .createTable("sectors")
    .addColumn("id", "integer", id)
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name_nl", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable("organisations")
    .addColumn("id", "integer", id)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("short_name", "text")
    .addColumn("sector_id", "integer", (c) => c.notNull().references("sectors.id"))
    .addColumn("iza_signatory", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`iza_signatory in (0, 1)`),
    )
    .addColumn("parent_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("website", "text")
    .addColumn("email", "text")
    .addColumn("phone", "text")
    .addColumn("address", "text")
    .addColumn("notes", "text")
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("organisations_not_own_parent", sql`parent_id is null or parent_id <> id`)
    .execute();
  await uniqueIgnoringCase(db, "organisations_name_unique", "organisations", "name");
  await db.schema.createIndex("organisations_sector").on("organisations").column("sector_id").execute();
  await db.schema.createIndex("organisations_parent").on("organisations").column("parent_id").execute();

  await db.schema
    .createTable("organisation_subregions")
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("subregion_id", "integer", (c) => c.notNull().references("subregions.id"))
    .addPrimaryKeyConstraint("organisation_subregions_pk", ["organisation_id", "subregion_id"])
    .execute();
  await db.schema
    .createIndex("organisation_subregions_subregion")
    .on("organisation_subregions")
    .column("subregion_id")
    .execute();

  await db.schema
    .createTable("people")
    .addColumn("id", "integer", id)
    .addColumn("first_name", "text")
    .addColumn("infix", "text")
    .addColumn("last_name", "text", (c) => c.notNull())
    .addColumn("initials", "text")
    .addColumn("salutation", "text")
    .addColumn("title", "text")
    .addColumn("phone", "text")
    .addColumn("preferred_language", "text", (c) =>
      c
        .notNull()
        .defaultTo("nl")
        .check(sql`preferred_language in ('nl', 'en')`),
    )
    .addColumn("notes", "text")
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  // Dutch lists sort on the achternaam without its tussenvoegsel.
  await sql
    .raw(
      engineOf(db) === "postgres"
        ? "create index people_sort on people (lower(last_name), lower(first_name))"
        : "create index people_sort on people (last_name collate nocase, first_name collate nocase)",
    )
    .execute(db);

  await db.schema
    .createTable("person_emails")
    .addColumn("id", "integer", id)
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull().check(sql`email = lower(email) and email like '%_@_%'`))
    .addColumn("is_primary", "integer", (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`is_primary in (0, 1)`),
    )
    .execute();
  await db.schema.createIndex("person_emails_email_unique").on("person_emails").column("email").unique().execute();
  await db.schema.createIndex("person_emails_person").on("person_emails").column("person_id").execute();
  await db.schema
    .createIndex("person_emails_one_primary")
    .on("person_emails")
    .column("person_id")
    .unique()
    .where(sql.ref("is_primary"), "=", 1)
    .execute();

  await db.schema
    .createTable("consents")
    .addColumn("id", "integer", id)
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('research', 'news')`))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('given', 'withdrawn')`))
    .addColumn("recorded_on", "text", (c) => c.notNull().check(isoDate("recorded_on")))
    .addColumn("source", "text")
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("consents_person_purpose")
    .on("consents")
    .columns(["person_id", "purpose", "recorded_on"])
    .execute();

  await db.schema
    .createTable("affiliations")
    .addColumn("id", "integer", id)
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id"))
    .addColumn("function_title", "text")
    .addColumn("start_date", "text", (c) => c.check(isoDate("start_date")))
    .addColumn("end_date", "text", (c) => c.check(isoDate("end_date")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("affiliations_period", sql`start_date is null or end_date is null or start_date <= end_date`)
    .execute();
  await db.schema.createIndex("affiliations_person").on("affiliations").columns(["person_id", "start_date"]).execute();
  await db.schema.createIndex("affiliations_organisation").on("affiliations").column("organisation_id").execute();

  await db.schema
    .createTable("themes")
    .addColumn("id", "integer", id)
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('inhoudelijk', 'randvoorwaardelijk')`))
    .addColumn("description", "text")
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("bodies")
    .addColumn("id", "integer", id)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("abbreviation", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull().check(sql`level in ('strategisch', 'tactisch', 'operationeel')`))
    .addColumn("parent_id", "integer", (c) => c.references("bodies.id"))
    .addColumn("subregion_id", "integer", (c) => c.references("subregions.id"))
    .addColumn("theme_id", "integer", (c) => c.references("themes.id"))
    .addColumn("description", "text")
    .addColumn("active_from", "text", (c) => c.check(isoDate("active_from")))
    .addColumn("active_to", "text", (c) => c.check(isoDate("active_to")))
    .addColumn("meetings_per_year", "integer", (c) => c.check(sql`meetings_per_year is null or meetings_per_year >= 0`))
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("bodies_not_own_parent", sql`parent_id is null or parent_id <> id`)
    .addCheckConstraint("bodies_period", sql`active_from is null or active_to is null or active_from <= active_to`)
    .execute();
  await uniqueIgnoringCase(db, "bodies_name_unique", "bodies", "name");
  await db.schema.createIndex("bodies_parent").on("bodies").column("parent_id").execute();
  await db.schema.createIndex("bodies_level").on("bodies").column("level").execute();

  await db.schema
    .createTable("plans")
    .addColumn("id", "integer", id)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("theme_id", "integer", (c) => c.references("themes.id"))
    .addColumn("funding_status", "text", (c) =>
      c.notNull().check(sql`funding_status in ('iza', 'andere', 'wachtlijst_iza', 'geen_iza', 'white_spot')`),
    )
    .addColumn("lead_organisation_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("subregion_id", "integer", (c) => c.references("subregions.id"))
    .addColumn("team_body_id", "integer", (c) => c.references("bodies.id").unique())
    .addColumn("description", "text")
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();
  await uniqueIgnoringCase(db, "plans_name_unique", "plans", "name");

  await db.schema
    .createTable("seats")
    .addColumn("id", "integer", id)
    .addColumn("body_id", "integer", (c) => c.notNull().references("bodies.id"))
    // null: a vacant seat, shown as an open place on the roster
    .addColumn("person_id", "integer", (c) => c.references("people.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("start_date", "text", (c) => c.notNull().check(isoDate("start_date")))
    .addColumn("end_date", "text", (c) => c.check(isoDate("end_date")))
    .addColumn("note", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("seats_period", sql`end_date is null or start_date <= end_date`)
    .execute();
  await db.schema.createIndex("seats_body_period").on("seats").columns(["body_id", "start_date", "end_date"]).execute();
  await db.schema.createIndex("seats_person").on("seats").columns(["person_id", "start_date"]).execute();
  await db.schema.createIndex("seats_organisation").on("seats").column("organisation_id").execute();
}
