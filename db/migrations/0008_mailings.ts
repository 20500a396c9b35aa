import { type Kysely, sql } from "kysely";
import { epochMillis, isoDateCheck, jsonCheck, nowText, primaryId } from "../schema-sql";

/**
 * Survey mailings: the messages of a wave (invitation, two reminders, thanks; Dutch and English),
 * the mailings started from a frozen panel, their outbox (one row per recipient, the sender's
 * delivery log) and the responses read back from the survey tool.
 *
 * The outbox is what makes sending safe to resume: a row is marked `sending` (committed) before it
 * is handed to SMTP and `sent` with the server's answer after, so after a crash a row left in
 * `sending` is known to be "perhaps sent" (`unknown`) and is never sent again without a person
 * deciding so. One mailing per wave and kind: starting one twice gives one.
 */
const KINDS = sql`('invitation', 'reminder1', 'reminder2', 'thanks')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const now = nowText(db);
  const id = primaryId(db);
  const isoDay = (column: string) => isoDateCheck(db, column);
  await db.schema
    .alterTable("survey_waves")
    .addColumn("closes_on", "text", (c) => c.check(isoDay("closes_on")))
    .execute();

  await db.schema
    .createTable("wave_messages")
    .addColumn("id", "integer", id)
    .addColumn("wave_id", "integer", (c) => c.notNull().references("survey_waves.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ${KINDS}`))
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('nl', 'en')`))
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("wave_messages_wave_kind_language", ["wave_id", "kind", "language"])
    .execute();

  await db.schema
    .createTable("mailings")
    .addColumn("id", "integer", id)
    .addColumn("wave_id", "integer", (c) => c.notNull().references("survey_waves.id"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ${KINDS}`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("sending")
        .check(sql`status in ('sending', 'paused', 'done')`),
    )
    // the sender starts no earlier than this moment (UTC)
    .addColumn("start_at", "text", (c) => c.notNull())
    // null: as fast as the SMTP server takes them
    .addColumn("rate_per_minute", "integer", (c) => c.check(sql`rate_per_minute is null or rate_per_minute > 0`))
    // the messages as they were when the mailing started (subject and body per language): JSON
    .addColumn("messages", "text", (c) => c.notNull().check(jsonCheck(db, "messages")))
    .addColumn("closes_on", "text", (c) => c.check(isoDay("closes_on")))
    // where the links in the messages point (https://kring.example.nl)
    .addColumn("link_origin", "text", (c) => c.notNull())
    .addColumn("paused_reason", "text")
    .addColumn("finished_at", "text")
    .addColumn("created_by", "integer", (c) => c.references("users.id"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("mailings_wave_kind", ["wave_id", "kind"])
    .execute();

  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "integer", id)
    .addColumn("mailing_id", "integer", (c) => c.notNull().references("mailings.id"))
    .addColumn("panel_member_id", "integer", (c) => c.notNull().references("panel_members.id"))
    .addColumn("person_id", "integer", (c) => c.notNull().references("people.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('nl', 'en')`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("waiting")
        .check(sql`status in ('waiting', 'sending', 'sent', 'failed', 'unknown', 'withdrawn')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    // the reason of a failure, a retry or a withdrawal, as the page shows it
    .addColumn("last_error", "text")
    .addColumn("smtp_response", "text")
    .addColumn("message_id", "text")
    .addColumn("sent_at", "text")
    .addColumn("bounced_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("mail_outbox_mailing_member", ["mailing_id", "panel_member_id"])
    .execute();
  await db.schema.createIndex("mail_outbox_due").on("mail_outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema.createIndex("mail_outbox_person").on("mail_outbox").columns(["person_id", "sent_at"]).execute();
  await db.schema.createIndex("mail_outbox_mailing").on("mail_outbox").columns(["mailing_id", "status"]).execute();

  await db.schema
    .createTable("panel_responses")
    .addColumn("panel_member_id", "integer", (c) => c.primaryKey().references("panel_members.id"))
    .addColumn("started_at", "text")
    .addColumn("completed_at", "text")
    // which upload said so: "limesurvey-deelnemers", "limesurvey-antwoorden", "qualtrics"
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(now))
    .execute();

  // requests per key (a public page and a client address) in the current window: the public
  // unsubscribe pages are open to anyone, so how often one address may use them is limited
  await db.schema
    .createTable("request_limits")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", epochMillis(db), (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .execute();

  // an address that bounced stays in the register, flagged, until someone corrects it
  await db.schema.alterTable("person_emails").addColumn("bounced_at", "text").execute();
  await db.schema.alterTable("person_emails").addColumn("bounce_reason", "text").execute();
}
