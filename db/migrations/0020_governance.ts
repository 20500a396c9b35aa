import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";
import { isoDateCheck, nowText, primaryId } from "../schema-sql";

/**
 * The governance the sources describe (decisions 038 and 039).
 *
 * A body or plan may span several subregions (the Mijnstreek Coalitie spans the Westelijke and
 * Oostelijke Mijnstreek) and a plan may carry several funding markers (the annual report's plans
 * table gives some two): `body_subregions`, `plan_subregions` and `plan_funding_markers` hold them,
 * filled from the single columns, which are then dropped so that nothing can read or write the
 * old single value again.
 *
 * A seat may represent a constituency (achterban: a sector, a subregion, or a sector in a
 * subregion) instead of one organisation, never both. A body may state how often it meets as an
 * interval in weeks (every 2–4 weeks) beside the yearly number, and how it decides. A theme or
 * programme has programme leads: people, each for a period.
 */

const DECISION_MODES = ["consent", "consensus", "consensus_anders_meerderheid", "meerderheid", "unaniem"];
const FUNDING_MARKERS = ["iza", "andere", "wachtlijst_iza", "geen_iza", "white_spot"];

const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(", ")})`);

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = engineOf(db) === "postgres";
  const now = nowText(db);

  for (const owner of ["body", "plan"] as const) {
    const table = `${owner}_subregions`;
    await db.schema
      .createTable(table)
      .addColumn(`${owner}_id`, "integer", (c) => c.notNull().references(`${owner === "body" ? "bodies" : "plans"}.id`))
      .addColumn("subregion_id", "integer", (c) => c.notNull().references("subregions.id"))
      .addPrimaryKeyConstraint(`${table}_pk`, [`${owner}_id`, "subregion_id"])
      .execute();
    await db.schema.createIndex(`${table}_subregion`).on(table).column("subregion_id").execute();
    const source = owner === "body" ? "bodies" : "plans";
    await sql
      .raw(
        `insert into ${table} (${owner}_id, subregion_id) select id, subregion_id from ${source} where subregion_id is not null`,
      )
      .execute(db);
    await db.schema.alterTable(source).dropColumn("subregion_id").execute();
  }

  await db.schema
    .createTable("plan_funding_markers")
    .addColumn("plan_id", "integer", (c) => c.notNull().references("plans.id"))
    .addColumn("marker", "text", (c) => c.notNull().check(inList("marker", FUNDING_MARKERS)))
    .addPrimaryKeyConstraint("plan_funding_markers_pk", ["plan_id", "marker"])
    .execute();
  await sql`insert into plan_funding_markers (plan_id, marker) select id, funding_status from plans`.execute(db);
  await db.schema.alterTable("plans").dropColumn("funding_status").execute();

  // SQLite adds no table constraint to an existing table: the check rides on the last new column there
  const oneOrOther =
    "organisation_id is null or (constituency_sector_id is null and constituency_subregion_id is null)";
  await db.schema
    .alterTable("seats")
    .addColumn("constituency_sector_id", "integer", (c) => c.references("sectors.id"))
    .execute();
  await db.schema
    .alterTable("seats")
    .addColumn("constituency_subregion_id", "integer", (c) =>
      postgres ? c.references("subregions.id") : c.references("subregions.id").check(sql.raw(oneOrOther)),
    )
    .execute();
  if (postgres) {
    await sql
      .raw(`alter table seats add constraint seats_organisation_or_constituency check (${oneOrOther})`)
      .execute(db);
  }

  const intervalCheck =
    "(meeting_interval_min_weeks is null) = (meeting_interval_max_weeks is null) and " +
    "(meeting_interval_max_weeks is null or " +
    "(meeting_interval_min_weeks <= meeting_interval_max_weeks and meeting_interval_max_weeks <= 52))";
  await db.schema
    .alterTable("bodies")
    .addColumn("meeting_interval_min_weeks", "integer", (c) =>
      c.check(sql`meeting_interval_min_weeks is null or meeting_interval_min_weeks >= 1`),
    )
    .execute();
  await db.schema
    .alterTable("bodies")
    .addColumn("meeting_interval_max_weeks", "integer", (c) => (postgres ? c : c.check(sql.raw(intervalCheck))))
    .execute();
  if (postgres) {
    await sql.raw(`alter table bodies add constraint bodies_meeting_interval check (${intervalCheck})`).execute(db);
  }
  await db.schema
    .alterTable("bodies")
    .addColumn("decision_mode", "text", (c) =>
      c.check(sql`decision_mode is null or ${inList("decision_mode", DECISION_MODES)}`),
    )
    .execute();

  await db.schema
    .createTable("theme_leads")
    .addColumn("id", "integer", primaryId(db))
    .addColumn("theme_id", "integer", (c) => c.notNull().references("themes.id"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("start_date", "text", (c) => c.notNull().check(isoDateCheck(db, "start_date", false)))
    .addColumn("end_date", "text", (c) => c.check(isoDateCheck(db, "end_date")))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("theme_leads_period", sql`end_date is null or start_date <= end_date`)
    .execute();
  await db.schema.createIndex("theme_leads_theme").on("theme_leads").columns(["theme_id", "start_date"]).execute();
  await db.schema.createIndex("theme_leads_person").on("theme_leads").column("person_id").execute();
}
