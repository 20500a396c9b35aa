import type { DB } from "../../db/index";
import { todayInAmsterdam } from "../i18n/format";
import { parseSnapshot } from "../services/audit-diff";
import { type ErasedPerson, identifyingTexts, redactSnapshot, redactSummary } from "../services/person-redaction";
import { suppressAddresses } from "./address-suppression.server";
import { type Actor, recordAudit, type Trx } from "./audit.server";
import { auditEntriesAbout } from "./person-audit.server";
import { inTransaction, loadForUpdate } from "./editing.server";

/**
 * Erasure of people at their request (AVG art. 17). What identifies them goes: names, addresses,
 * phone, notes, job titles, notes on their seats and attendance, and the same in the audit log.
 * What the network's history is made of stays, under "verwijderde persoon": their seats and jobs
 * (open ones end today), their attendance, and their rows in frozen panels (name and address
 * blanked; the panel's content hash covers ids, attributes and reasons, so it still verifies).
 * Their addresses leave a salted hash in the suppression list. All in one transaction.
 */

/** What an erased person is called from now on, in every list, roster and export. */
export const ERASED_NAME = "verwijderde persoon";
export const ERASURE_SUMMARIES = { erased: "person_erased", endedByErasure: "ended_by_erasure" } as const;
const EXCLUSION_REASON = "persoon gewist op eigen verzoek";

export interface ErasureResult {
  personId: number;
  /** false: the person had been erased before; nothing changed */
  erased: boolean;
  suppressedAddresses: number;
  redactedAuditEntries: number;
}

export async function erasePeople(
  db: DB,
  actor: Actor,
  personIds: readonly number[],
  now = new Date(),
): Promise<ErasureResult[]> {
  return inTransaction(db, async (trx) => {
    const results: ErasureResult[] = [];
    for (const personId of [...new Set(personIds)]) results.push(await eraseOne(trx, actor, personId, now));
    return results;
  });
}

async function eraseOne(trx: Trx, actor: Actor, personId: number, now: Date): Promise<ErasureResult> {
  const person = await loadForUpdate(trx, "people", personId);
  if (person.erased_at) return { personId, erased: false, suppressedAddresses: 0, redactedAuditEntries: 0 };
  const moment = now.toISOString();
  const today = todayInAmsterdam(now);

  const current = (
    await trx.selectFrom("person_emails").select("email").where("person_id", "=", personId).execute()
  ).map((row) => row.email);
  const ownEntries = await auditEntriesOf(trx, personId);
  // addresses removed earlier are theirs too: the person's own entries still hold them
  const earlier = ownEntries.flatMap((entry) => [entry.before, entry.after].flatMap(addressesIn));
  const addresses = [...new Set([...current, ...earlier])];
  const erased: ErasedPerson = { personId, texts: identifyingTexts(person, addresses) };

  const redactedAuditEntries = await redactAuditLog(trx, erased, addresses, moment);
  const suppressedAddresses = await suppressAddresses(trx, addresses);
  const ended = await endJobsAndSeats(trx, actor, personId, today, moment);

  await trx.updateTable("attendance").set({ note: null }).where("person_id", "=", personId).execute();
  await trx
    .updateTable("panel_members")
    .set({ first_name: null, infix: null, salutation: null, last_name: ERASED_NAME, email: "", erased_at: moment })
    .where("person_id", "=", personId)
    .execute();
  await trx
    .updateTable("panel_members")
    .set({ excluded_at: moment, excluded_by: actor.id, exclusion_reason: EXCLUSION_REASON })
    .where("person_id", "=", personId)
    .where("excluded_at", "is", null)
    .execute();
  // a message still waiting is never sent; the delivery log keeps no address or server reply
  await trx
    .updateTable("mail_outbox")
    .set({ status: "withdrawn", last_error: EXCLUSION_REASON, updated_at: moment })
    .where("person_id", "=", personId)
    .where("status", "=", "waiting")
    .execute();
  await trx
    .updateTable("mail_outbox")
    .set({ email: "", smtp_response: null, updated_at: moment })
    .where("person_id", "=", personId)
    .execute();
  await trx.deleteFrom("person_emails").where("person_id", "=", personId).execute();
  await trx.deleteFrom("consents").where("person_id", "=", personId).execute();
  // another system's number identifies the person as surely as a name does
  await trx.deleteFrom("external_ids").where("entity", "=", "people").where("entity_id", "=", personId).execute();
  await forgetMerges(trx, personId);
  await trx
    .updateTable("people")
    .set({
      first_name: null,
      infix: null,
      last_name: ERASED_NAME,
      initials: null,
      salutation: null,
      title: null,
      phone: null,
      notes: null,
      archived_at: person.archived_at ?? moment,
      erased_at: moment,
      version: person.version + 1,
      updated_at: moment,
    })
    .where("id", "=", personId)
    .execute();

  // the erasure's own entry says what was done, never what was erased
  await recordAudit(trx, actor, {
    action: "erase",
    entity: "people",
    entityId: personId,
    summary: ERASURE_SUMMARIES.erased,
    after: {
      erased_at: moment,
      version: person.version + 1,
      suppressed_addresses: suppressedAddresses,
      redacted_audit_entries: redactedAuditEntries,
      ended_jobs: ended.jobs,
      ended_seats: ended.seats,
    },
  });
  return { personId, erased: true, suppressedAddresses, redactedAuditEntries };
}

/**
 * A merge's bookkeeping holds whole rows of the person (addresses, names replaced): it goes. The
 * erasure changed the person's version, so no undo of those merges could pass its check anyway.
 */
async function forgetMerges(trx: Trx, personId: number) {
  const merges = trx
    .selectFrom("merges")
    .select("id")
    .where("entity", "=", "people")
    .where((eb) => eb.or([eb("survivor_id", "=", personId), eb("merged_id", "=", personId)]));
  await trx.deleteFrom("merge_rows").where("merge_id", "in", merges).execute();
  await trx.updateTable("merges").set({ fields: "{}" }).where("id", "in", merges).execute();
}

function addressesIn(snapshot: string | null): string[] {
  const parsed = parseSnapshot(snapshot);
  const emails = parsed?.emails;
  return Array.isArray(emails) ? emails.filter((e): e is string => typeof e === "string") : [];
}

/** The entries of the person's own record: their row with its addresses and consents. */
function auditEntriesOf(trx: Trx, personId: number) {
  return trx
    .selectFrom("audit_log")
    .select(["id", "before", "after"])
    .where("entity", "=", "people")
    .where("entity_id", "=", String(personId))
    .execute();
}

/** Rewrites every audit entry that holds something of the person; returns how many it rewrote. */
async function redactAuditLog(trx: Trx, person: ErasedPerson, addresses: readonly string[], moment: string) {
  let redacted = 0;
  for (const entry of await auditEntriesAbout(trx, person.personId, addresses)) {
    const before = redactSnapshot(entry.before, person, entry.ownRecord);
    const after = redactSnapshot(entry.after, person, entry.ownRecord);
    const summary = redactSummary(entry.summary, person);
    if (before === entry.before && after === entry.after && summary === entry.summary) continue;
    await trx
      .updateTable("audit_log")
      .set({ before, after, summary, redacted_at: moment })
      .where("id", "=", entry.id)
      .execute();
    redacted += 1;
  }
  return redacted;
}

/** Open jobs and seats end today (a seat or job that starts later ends on its first day). */
async function endJobsAndSeats(trx: Trx, actor: Actor, personId: number, today: string, moment: string) {
  const counts = { jobs: 0, seats: 0 };
  for (const table of ["affiliations", "seats"] as const) {
    const open = await trx
      .selectFrom(table)
      .select(["id", "version", "start_date"])
      .where("person_id", "=", personId)
      .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">", today)]))
      .execute();
    for (const row of open) {
      const endDate = row.start_date && row.start_date > today ? row.start_date : today;
      await trx
        .updateTable(table)
        .set({ end_date: endDate, version: row.version + 1, updated_at: moment })
        .where("id", "=", row.id)
        .execute();
      await recordAudit(trx, actor, {
        action: "end",
        entity: table,
        entityId: row.id,
        summary: ERASURE_SUMMARIES.endedByErasure,
        after: { end_date: endDate, version: row.version + 1 },
      });
    }
    counts[table === "affiliations" ? "jobs" : "seats"] = open.length;
  }
  await trx.updateTable("affiliations").set({ function_title: null }).where("person_id", "=", personId).execute();
  await trx.updateTable("seats").set({ note: null }).where("person_id", "=", personId).execute();
  return counts;
}

/** What erasing the person would remove and keep, counted, for the confirmation page; null: no such person. */
export async function erasurePreview(db: DB, personId: number) {
  const person = await db
    .selectFrom("people")
    .select(["id", "first_name", "infix", "last_name", "initials", "title", "erased_at"])
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return null;
  const count = (table: "person_emails" | "consents" | "seats" | "attendance" | "panel_members") =>
    db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("person_id", "=", personId)
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n));
  const [emails, consents, seats, attendance, panels, waiting] = await Promise.all([
    count("person_emails"),
    count("consents"),
    count("seats"),
    count("attendance"),
    count("panel_members"),
    db
      .selectFrom("mail_outbox")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("person_id", "=", personId)
      .where("status", "=", "waiting")
      .executeTakeFirstOrThrow()
      .then((row) => Number(row.n)),
  ]);
  return { person, counts: { emails, consents, seats, attendance, panels, waiting } };
}
