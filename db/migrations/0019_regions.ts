import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";
import { nowText } from "../schema-sql";

/**
 * Regions as records of their own (decision 040). Bodies, themes, plans, survey waves, saved
 * searches and meetings belong to a region; a vergadering belongs to its body's region, which the
 * database keeps equal. An organisation works in one or more regions (`organisation_regions`).
 *
 * The region is required for every new row. PostgreSQL says so with NOT NULL; SQLite cannot add a
 * NOT NULL column that references another table, so there triggers refuse a null on insert and
 * update, with the same effect. Themes are rebuilt on SQLite (their name was unique in the table's
 * own definition, which SQLite cannot drop) and so get a real NOT NULL column there.
 *
 * Existing rows go to the register's one region; a register with rows and no region gets one,
 * "Regio", for the beheerder to name. Names of bodies, themes and plans are unique per region.
 */
const REGION_TABLES = ["bodies", "themes", "plans", "survey_waves", "saved_searches", "meetings"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  if (engineOf(db) === "postgres") {
    await migrate(db);
  } else {
    // SQLite's migrations run outside a transaction; the themes rebuild needs one for its deferred keys
    await db.transaction().execute(async (trx) => {
      await sql`pragma defer_foreign_keys = on`.execute(trx);
      await migrate(trx);
    });
  }
}

async function migrate(db: Kysely<unknown>): Promise<void> {
  const postgres = engineOf(db) === "postgres";
  await db.schema.alterTable("regions").addColumn("tagline", "text").execute();
  await addVersion(db);

  const regionId = await regionForExistingRows(db);
  for (const table of REGION_TABLES.filter((name) => postgres || name !== "themes")) {
    await db.schema
      .alterTable(table)
      .addColumn("region_id", "integer", (c) => c.references("regions.id"))
      .execute();
    if (regionId !== null) await sql`update ${sql.table(table)} set region_id = ${regionId}`.execute(db);
    if (postgres) {
      await sql.raw(`alter table ${table} alter column region_id set not null`).execute(db);
    } else {
      await refuseNullRegion(db, table);
    }
    await db.schema.createIndex(`${table}_region`).on(table).column("region_id").execute();
  }
  if (postgres) {
    await sql`alter table themes drop constraint themes_name_key`.execute(db);
  } else {
    await rebuildThemesWithRegion(db, regionId);
  }

  for (const table of ["bodies", "themes", "plans"]) {
    await sql.raw(`drop index if exists ${table}_name_unique`).execute(db);
    const name = postgres ? "lower(name)" : "name collate nocase";
    await sql.raw(`create unique index ${table}_name_unique on ${table} (region_id, ${name})`).execute(db);
  }
  await keepMeetingsInTheirBodysRegion(db);

  await db.schema
    .createTable("organisation_regions")
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .addPrimaryKeyConstraint("organisation_regions_pk", ["organisation_id", "region_id"])
    .execute();
  await db.schema.createIndex("organisation_regions_region").on("organisation_regions").column("region_id").execute();
  await sql`
    insert into organisation_regions (organisation_id, region_id)
    select organisation_subregions.organisation_id, subregions.region_id
      from organisation_subregions join subregions on subregions.id = organisation_subregions.subregion_id
    union
    select seats.organisation_id, bodies.region_id
      from seats join bodies on bodies.id = seats.body_id where seats.organisation_id is not null
    union
    select plans.lead_organisation_id, plans.region_id from plans where plans.lead_organisation_id is not null`.execute(
    db,
  );
}

/**
 * Regions are edited like every other record: against the version the editor saw (their subregions
 * are child rows, changed under the region's version). SQLite cannot add a column whose default is
 * an expression, so there existing rows get the migration's moment and the model writes updated_at
 * on every insert and update.
 */
async function addVersion(db: Kysely<unknown>): Promise<void> {
  const postgres = engineOf(db) === "postgres";
  const migrated = new Date().toISOString();
  await db.schema
    .alterTable("regions")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable("regions")
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(postgres ? nowText(db) : migrated))
    .execute();
}

/** The one region of an existing register, made when it has rows that need one; null when there is nothing to fill. */
async function regionForExistingRows(db: Kysely<unknown>): Promise<number | null> {
  const { rows: regions } = await sql<{ id: number }>`select id from regions order by id limit 1`.execute(db);
  if (regions[0]) return Number(regions[0].id);
  const { rows: used } = await sql<{ n: number }>`
    select ${sql.raw(REGION_TABLES.map((table) => `(select count(*) from ${table})`).join(" + "))} as n`.execute(db);
  if (Number(used[0]?.n ?? 0) === 0) return null;
  const { rows: made } = await sql<{ id: number }>`
    insert into regions (code, name) values ('regio', 'Regio') returning id`.execute(db);
  return Number(made[0]!.id);
}

async function refuseNullRegion(db: Kysely<unknown>, table: string): Promise<void> {
  for (const event of ["insert", "update of region_id"]) {
    await sql
      .raw(
        `create trigger ${table}_region_required_${event.startsWith("insert") ? "insert" : "update"}
         before ${event} on ${table} when new.region_id is null
         begin select raise(abort, 'NOT NULL constraint failed: ${table}.region_id'); end`,
      )
      .execute(db);
  }
}

/** SQLite: the themes table again, without the table-wide unique name and with a required region. */
async function rebuildThemesWithRegion(db: Kysely<unknown>, regionId: number | null): Promise<void> {
  const now = nowText(db);
  await sql`create table themes_before_regions as select * from themes`.execute(db);
  await sql`drop table themes`.execute(db);
  await db.schema
    .createTable("themes")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('inhoudelijk', 'randvoorwaardelijk')`))
    .addColumn("description", "text")
    .addColumn("archived_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("region_id", "integer", (c) => c.notNull().references("regions.id"))
    .execute();
  // inserting the rows back settles the keys the drop left dangling (bodies and plans name their theme)
  await sql`
    insert into themes (id, name, kind, description, archived_at, version, created_at, updated_at, region_id)
    select id, name, kind, description, archived_at, version, created_at, updated_at, ${regionId}
      from themes_before_regions`.execute(db);
  await sql`drop table themes_before_regions`.execute(db);
  await db.schema.createIndex("themes_region").on("themes").column("region_id").execute();
}

/**
 * A vergadering is in its body's region: a meeting that says otherwise is refused, and so is moving
 * a body with meetings to another region. Events (no body) have a region of their own.
 */
async function keepMeetingsInTheirBodysRegion(db: Kysely<unknown>): Promise<void> {
  const meetingMessage = "a meeting of a body is in the region of its body";
  const bodyMessage = "a body with meetings cannot move to another region";
  if (engineOf(db) === "postgres") {
    await sql`create function meetings_in_body_region() returns trigger language plpgsql as $$
      begin
        if new.body_id is not null
           and new.region_id is distinct from (select region_id from bodies where id = new.body_id) then
          raise exception '${sql.raw(meetingMessage)}' using errcode = 'restrict_violation';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger meetings_in_body_region before insert or update of body_id, region_id on meetings
      for each row execute function meetings_in_body_region()`.execute(db);
    await sql`create function bodies_keep_meetings_region() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from meetings where body_id = new.id and region_id <> new.region_id) then
          raise exception '${sql.raw(bodyMessage)}' using errcode = 'restrict_violation';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger bodies_keep_meetings_region before update of region_id on bodies
      for each row when (new.region_id is distinct from old.region_id)
      execute function bodies_keep_meetings_region()`.execute(db);
    return;
  }
  const meetingOutsideRegion = `new.body_id is not null
    and new.region_id is not (select region_id from bodies where id = new.body_id)`;
  for (const [name, event] of [
    ["insert", "insert"],
    ["update", "update of body_id, region_id"],
  ]) {
    await sql
      .raw(
        `create trigger meetings_in_body_region_${name} before ${event} on meetings when ${meetingOutsideRegion}
         begin select raise(abort, '${meetingMessage}'); end`,
      )
      .execute(db);
  }
  await sql
    .raw(
      `create trigger bodies_keep_meetings_region before update of region_id on bodies
       when new.region_id is not old.region_id
         and exists (select 1 from meetings where body_id = new.id and region_id <> new.region_id)
       begin select raise(abort, '${bodyMessage}'); end`,
    )
    .execute(db);
}
