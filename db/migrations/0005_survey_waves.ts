import { type Kysely, sql } from "kysely";
import { engineOf } from "../engine";
import {
  containsCheck,
  createGuard,
  isoDateCheck,
  jsonCheck,
  nowText,
  primaryId,
  uniqueIgnoringCase,
} from "../schema-sql";

/**
 * Survey waves (metingen) and their frozen panels. A wave's rules are data (JSON, checked by the
 * zod schema in app/services/panel-rules-schema.ts). Once a wave is frozen its rules and its panel
 * are immutable — enforced here by triggers, not only by the models — and a later exclusion is
 * recorded on the member (when, why, by whom), never by deleting the member.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const now = nowText(db);
  const id = primaryId(db);

  await db.schema
    .createTable("survey_waves")
    .addColumn("id", "integer", id)
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("year", "integer", (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn("reference_date", "text", (c) => c.notNull().check(isoDateCheck(db, "reference_date", false)))
    // the questionnaire link, with {token} where each member's token goes
    .addColumn("link_template", "text", (c) => c.notNull().check(containsCheck(db, "link_template", "{token}")))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'frozen', 'in_field', 'closed')`),
    )
    .addColumn("method_notes", "text")
    .addColumn("rules", "text", (c) => c.notNull().check(jsonCheck(db, "rules")))
    // set by freezing: who, when, the counts per stratum and the content hash of the panel
    .addColumn("frozen_at", "text")
    .addColumn("frozen_by", "integer", (c) => c.references("users.id"))
    .addColumn("frozen_counts", "text", (c) => c.check(jsonCheck(db, "frozen_counts", true)))
    .addColumn("content_hash", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      "survey_waves_frozen_complete",
      sql`(status = 'draft') = (frozen_at is null) and (frozen_at is null) = (content_hash is null)`,
    )
    .execute();
  await uniqueIgnoringCase(db, "survey_waves_name_unique", "survey_waves", "name");

  await createGuard(db, {
    name: "survey_waves_frozen_rules",
    table: "survey_waves",
    event: "update",
    when: (changed) =>
      `old.status <> 'draft' and (${["rules", "reference_date", "frozen_at", "content_hash", "frozen_counts"].map(changed).join(" or ")})`,
    message: "survey wave is frozen: its rules, reference date and panel cannot change",
  });
  await createGuard(db, {
    name: "survey_waves_no_return_to_draft",
    table: "survey_waves",
    event: "update of status",
    when: () => "old.status <> 'draft' and new.status = 'draft'",
    message: "a frozen survey wave cannot return to draft",
  });
  await createGuard(db, {
    name: "survey_waves_no_delete_frozen",
    table: "survey_waves",
    event: "delete",
    when: () => "old.status <> 'draft'",
    message: "a frozen survey wave cannot be deleted",
  });

  await db.schema
    .createTable("panel_members")
    .addColumn("id", "integer", id)
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
    .addColumn("attributes", "text", (c) => c.notNull().check(jsonCheck(db, "attributes")))
    // why the person is in the panel (which seats, which rules): JSON array
    .addColumn("reasons", "text", (c) => c.notNull().check(jsonCheck(db, "reasons")))
    // a later exclusion (left the network, asked not to be mailed): recorded, never deleted
    .addColumn("excluded_at", "text")
    .addColumn("excluded_by", "integer", (c) => c.references("users.id"))
    .addColumn("exclusion_reason", "text")
    .addCheckConstraint("panel_members_exclusion", sql`(excluded_at is null) = (exclusion_reason is null)`)
    .addUniqueConstraint("panel_members_wave_person", ["wave_id", "person_id"])
    .execute();
  await db.schema.createIndex("panel_members_person").on("panel_members").columns(["person_id", "wave_id"]).execute();

  const fixed = [
    ...["wave_id", "person_id", "token", "first_name", "infix", "last_name", "salutation", "email", "language"],
    ...["organisation_id", "sector_code", "level", "attributes", "reasons"],
  ];
  await createGuard(db, {
    name: "panel_members_immutable",
    table: "panel_members",
    event: "update",
    when: (changed) =>
      `${fixed.map(changed).join(" or ")}
      or (old.excluded_at is not null and (${changed("excluded_at")} or ${changed("exclusion_reason")}))`,
    message: "a frozen panel member cannot change; record an exclusion instead",
  });
  await createGuard(db, {
    name: "panel_members_no_delete",
    table: "panel_members",
    event: "delete",
    when: null,
    message: "panel members are never deleted; record an exclusion instead",
  });
  // PostgreSQL's trigger conditions cannot read another table: there the function asks
  const frozenMessage = "a frozen panel gets no new members";
  if (engineOf(db) === "postgres") {
    await sql`create function panel_members_only_while_freezing() returns trigger language plpgsql as $$
      begin
        if (select frozen_at from survey_waves where id = new.wave_id) is not null then
          raise exception '${sql.raw(frozenMessage)}' using errcode = 'restrict_violation';
        end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger panel_members_only_while_freezing before insert on panel_members
      for each row execute function panel_members_only_while_freezing()`.execute(db);
  } else {
    await sql`create trigger panel_members_only_while_freezing before insert on panel_members
      when (select frozen_at from survey_waves where id = new.wave_id) is not null
      begin select raise(abort, '${sql.raw(frozenMessage)}'); end`.execute(db);
  }
}
