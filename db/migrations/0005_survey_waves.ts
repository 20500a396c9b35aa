import { type Kysely, sql } from "kysely";

/**
 * Survey waves (metingen) and their frozen panels. A wave's rules are data (JSON, checked by the
 * zod schema in app/services/panel-rules-schema.ts). Once a wave is frozen its rules and its panel
 * are immutable — enforced here by triggers, not only by the models — and a later exclusion is
 * recorded on the member (when, why, by whom), never by deleting the member.
 */
const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);

  await db.schema
    .createTable("survey_waves")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn("reference_date", "text", (c) =>
      c.notNull().check(sql`length(reference_date) = 10 and date(reference_date) = reference_date`),
    )
    // the questionnaire link, with {token} where each member's token goes
    .addColumn("link_template", "text", (c) => c.notNull().check(sql`instr(link_template, '{token}') > 0`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'frozen', 'in_field', 'closed')`),
    )
    .addColumn("method_notes", "text")
    .addColumn("rules", "text", (c) => c.notNull().check(sql`json_valid(rules)`))
    // set by freezing: who, when, the counts per stratum and the content hash of the panel
    .addColumn("frozen_at", "text")
    .addColumn("frozen_by", "integer", (c) => c.references("users.id"))
    .addColumn("frozen_counts", "text", (c) => c.check(sql`frozen_counts is null or json_valid(frozen_counts)`))
    .addColumn("content_hash", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      "survey_waves_frozen_complete",
      sql`(status = 'draft') = (frozen_at is null) and (frozen_at is null) = (content_hash is null)`,
    )
    .execute();
  await sql`create unique index survey_waves_name_unique on survey_waves (name collate nocase)`.execute(db);

  await run(`create trigger survey_waves_frozen_rules before update on survey_waves
    when old.status <> 'draft' and (new.rules is not old.rules or new.reference_date is not old.reference_date
      or new.frozen_at is not old.frozen_at or new.content_hash is not old.content_hash or new.frozen_counts is not old.frozen_counts)
    begin select raise(abort, 'survey wave is frozen: its rules, reference date and panel cannot change'); end`);
  await run(`create trigger survey_waves_no_return_to_draft before update of status on survey_waves
    when old.status <> 'draft' and new.status = 'draft'
    begin select raise(abort, 'a frozen survey wave cannot return to draft'); end`);
  await run(`create trigger survey_waves_no_delete_frozen before delete on survey_waves
    when old.status <> 'draft'
    begin select raise(abort, 'a frozen survey wave cannot be deleted'); end`);

  await db.schema
    .createTable("panel_members")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("wave_id", "integer", (c) => c.notNull().references("survey_waves.id"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    // random and unguessable, for the questionnaire link
    .addColumn("token", "text", (c) => c.notNull().unique())
    // the person as on the reference date
    .addColumn("first_name", "text")
    .addColumn("infix", "text")
    .addColumn("last_name", "text", (c) => c.notNull())
    .addColumn("salutation", "text")
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull())
    .addColumn("organisation_id", "integer", (c) => c.references("organisations.id"))
    .addColumn("sector_code", "text")
    .addColumn("level", "text")
    // every attribute as on the reference date (organisation, sector, subregions, bodies, roles, level): JSON
    .addColumn("attributes", "text", (c) => c.notNull().check(sql`json_valid(attributes)`))
    // why the person is in the panel (which seats, which rules): JSON array
    .addColumn("reasons", "text", (c) => c.notNull().check(sql`json_valid(reasons)`))
    // a later exclusion (left the network, asked not to be mailed): recorded, never deleted
    .addColumn("excluded_at", "text")
    .addColumn("excluded_by", "integer", (c) => c.references("users.id"))
    .addColumn("exclusion_reason", "text")
    .addCheckConstraint("panel_members_exclusion", sql`(excluded_at is null) = (exclusion_reason is null)`)
    .addUniqueConstraint("panel_members_wave_person", ["wave_id", "person_id"])
    .execute();
  await db.schema.createIndex("panel_members_person").on("panel_members").columns(["person_id", "wave_id"]).execute();

  await run(`create trigger panel_members_immutable before update on panel_members
    when new.wave_id is not old.wave_id or new.person_id is not old.person_id or new.token is not old.token
      or new.first_name is not old.first_name or new.infix is not old.infix or new.last_name is not old.last_name
      or new.salutation is not old.salutation or new.email is not old.email or new.language is not old.language
      or new.organisation_id is not old.organisation_id or new.sector_code is not old.sector_code or new.level is not old.level
      or new.attributes is not old.attributes or new.reasons is not old.reasons
      or (old.excluded_at is not null and (new.excluded_at is not old.excluded_at or new.exclusion_reason is not old.exclusion_reason))
    begin select raise(abort, 'a frozen panel member cannot change; record an exclusion instead'); end`);
  await run(`create trigger panel_members_no_delete before delete on panel_members
    begin select raise(abort, 'panel members are never deleted; record an exclusion instead'); end`);
  await run(`create trigger panel_members_only_while_freezing before insert on panel_members
    when (select frozen_at from survey_waves where id = new.wave_id) is not null
    begin select raise(abort, 'a frozen panel gets no new members'); end`);
}
