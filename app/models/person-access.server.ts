import type { DB } from "../../db/index";
import { parseSnapshot } from "../services/audit-diff";
import { excerptAbout } from "../services/person-redaction";
import { type Actor, recordAudit } from "./audit.server";
import { inTransaction } from "./editing.server";
import { auditEntriesAbout } from "./person-audit.server";

/**
 * Everything Kring holds about one person (AVG art. 15, the right of access), as one plain object:
 * the page shows it, the download is it as JSON. Research pseudonyms and questionnaire tokens are
 * left out: they are keys to other data, not data about the person, and a token opens their
 * questionnaire.
 */
export async function personAccessReport(db: DB, personId: number, now = new Date()) {
  const person = await db.selectFrom("people").selectAll().where("id", "=", personId).executeTakeFirst();
  if (!person) return null;
  const { sort_name: _sortKey, surname_key: _surnameKey, phone_key: _phoneKey, ...register } = person;
  const [emails, consents, jobs, seats, attendance, panels, messages] = await Promise.all([
    db
      .selectFrom("person_emails")
      .select(["email", "is_primary", "bounced_at", "bounce_reason"])
      .where("person_id", "=", personId)
      .orderBy("is_primary", "desc")
      .orderBy("email")
      .execute(),
    db
      .selectFrom("consents")
      .select(["purpose", "status", "recorded_on", "source", "created_at"])
      .where("person_id", "=", personId)
      .orderBy("recorded_on")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("affiliations")
      .innerJoin("organisations", "organisations.id", "affiliations.organisation_id")
      .select([
        "organisations.name as organisation",
        "affiliations.function_title",
        "affiliations.start_date",
        "affiliations.end_date",
      ])
      .where("affiliations.person_id", "=", personId)
      .orderBy("affiliations.start_date")
      .orderBy("affiliations.id")
      .execute(),
    db
      .selectFrom("seats")
      .innerJoin("bodies", "bodies.id", "seats.body_id")
      .leftJoin("organisations", "organisations.id", "seats.organisation_id")
      .select([
        "bodies.name as body",
        "seats.role",
        "organisations.name as on_behalf_of",
        "seats.start_date",
        "seats.end_date",
        "seats.note",
      ])
      .where("seats.person_id", "=", personId)
      .orderBy("seats.start_date")
      .orderBy("seats.id")
      .execute(),
    db
      .selectFrom("attendance")
      .innerJoin("meetings", "meetings.id", "attendance.meeting_id")
      .leftJoin("bodies", "bodies.id", "meetings.body_id")
      .select([
        "meetings.date",
        "meetings.title as meeting",
        "bodies.name as body",
        "attendance.status",
        "attendance.note",
      ])
      .where("attendance.person_id", "=", personId)
      .orderBy("meetings.date")
      .orderBy("meetings.id")
      .execute(),
    db
      .selectFrom("panel_members")
      .innerJoin("survey_waves", "survey_waves.id", "panel_members.wave_id")
      .leftJoin("panel_responses", "panel_responses.panel_member_id", "panel_members.id")
      .select([
        "survey_waves.name as wave",
        "survey_waves.reference_date",
        "panel_members.first_name",
        "panel_members.infix",
        "panel_members.last_name",
        "panel_members.email",
        "panel_members.reasons",
        "panel_members.excluded_at",
        "panel_members.exclusion_reason",
        "panel_responses.started_at as response_started_at",
        "panel_responses.completed_at as response_completed_at",
      ])
      .where("panel_members.person_id", "=", personId)
      .orderBy("survey_waves.reference_date")
      .orderBy("survey_waves.id")
      .execute(),
    db
      .selectFrom("mail_outbox")
      .innerJoin("mailings", "mailings.id", "mail_outbox.mailing_id")
      .innerJoin("survey_waves", "survey_waves.id", "mailings.wave_id")
      .select([
        "survey_waves.name as wave",
        "mailings.kind",
        "mail_outbox.email",
        "mail_outbox.status",
        "mail_outbox.sent_at",
        "mail_outbox.bounced_at",
      ])
      .where("mail_outbox.person_id", "=", personId)
      .orderBy("mail_outbox.id")
      .execute(),
  ]);
  const audit = await auditEntriesAbout(
    db,
    personId,
    emails.map((row) => row.email),
  );
  return {
    generated_at: now.toISOString(),
    person: register,
    email_addresses: emails,
    consents_and_opt_outs: consents,
    jobs,
    seats,
    attendance,
    survey_panels: panels.map(({ reasons, ...panel }) => ({ ...panel, reasons: JSON.parse(reasons) as unknown })),
    messages_sent: messages,
    // of another record's entry (a meeting's register) only what concerns this person
    audit_entries: audit.map(({ ownRecord, before, after, ...entry }) => ({
      ...entry,
      before: ownRecord ? parseSnapshot(before) : excerptAbout(parseSnapshot(before), personId),
      after: ownRecord ? parseSnapshot(after) : excerptAbout(parseSnapshot(after), personId),
    })),
  };
}

export type PersonAccessReport = NonNullable<Awaited<ReturnType<typeof personAccessReport>>>;

export const ACCESS_AUDIT_SUMMARY = "person_access_report";

/** Producing the report is itself logged: who looked at everything about whom, and how. */
export async function recordAccessReport(db: DB, actor: Actor, personId: number, format: "page" | "json") {
  await inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "export",
      entity: "people",
      entityId: personId,
      summary: ACCESS_AUDIT_SUMMARY,
      after: { format },
    }),
  );
}
