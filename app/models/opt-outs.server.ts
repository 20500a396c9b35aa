import type { DB } from "../../db/index";
import type { ConsentPurpose } from "../../db/schema";
import { todayInAmsterdam } from "../i18n/format";
import type { OptOutScope, PersonOptOutScope } from "../services/unsubscribe-form";
import { recordAudit, type Trx } from "./audit.server";
import { inTransaction, RecordNotFoundError } from "./editing.server";
import { WAVE_AUDIT_SUMMARIES } from "./panel-freeze.server";
import { currentConsent, recordConsentIn } from "./people.server";

/**
 * Opt-outs asked for by the people themselves (the unsubscribe link, the one-click POST of their
 * mail program): no user acts, so the audit entries have no user. Each applies at once: in the same
 * transaction the person's waiting outbox rows it covers become `withdrawn`, so the sender never
 * takes them; later mailings leave the person out because of the exclusion or the withdrawn consent.
 * Asking twice changes nothing the second time.
 */

export const OPT_OUT_AUDIT_SUMMARIES = { outboxWithdrawn: "outbox_withdrawn" } as const;

/** Where an opt-out came from, as the consent history and the exclusion reason say. */
export type OptOutSource = "afmeldlink" | "one-click";

/** What the outbox row and the exclusion say, as the mailing and panel pages show them. */
const REASONS: Record<OptOutScope, string> = {
  survey: "afgemeld voor deze meting",
  research: "afgemeld voor alle onderzoeksmail",
  news: "afgemeld voor nieuws van het netwerk",
};

export interface OptOutResult {
  /** false: it was already so, nothing changed */
  changed: boolean;
  /** how many waiting messages were withdrawn */
  withdrawnMessages: number;
}

/** A panel member's opt-out (the link in a mailing of their wave), of the scope they chose. */
export async function optOut(db: DB, memberId: number, scope: OptOutScope, source: OptOutSource, now = new Date()) {
  return inTransaction(db, async (trx): Promise<OptOutResult> => {
    const member = await trx
      .selectFrom("panel_members")
      .select(["id", "wave_id", "person_id", "excluded_at"])
      .where("id", "=", memberId)
      .executeTakeFirst();
    if (!member) throw new RecordNotFoundError("panel_members", memberId);
    if (scope !== "survey") return withdrawConsent(trx, member.person_id, scope, source, now);

    const reason = `${REASONS.survey} (${source})`;
    const withdrawnMessages = await withdrawWaiting(trx, { panelMemberId: member.id }, reason, now);
    if (member.excluded_at !== null) return { changed: withdrawnMessages > 0, withdrawnMessages };
    const excludedAt = now.toISOString();
    await trx
      .updateTable("panel_members")
      .set({ excluded_at: excludedAt, excluded_by: null, exclusion_reason: reason })
      .where("id", "=", member.id)
      .execute();
    // only what changed and whose it is: the member's names, address and token stay out of the log
    const which = { id: member.id, wave_id: member.wave_id, person_id: member.person_id };
    await recordAudit(trx, null, {
      action: "update",
      entity: "panel_members",
      entityId: member.id,
      before: { ...which, excluded_at: null, exclusion_reason: null },
      after: { ...which, excluded_at: excludedAt, exclusion_reason: reason },
      summary: WAVE_AUDIT_SUMMARIES.laterExclusion,
    });
    return { changed: true, withdrawnMessages };
  });
}

/** A person's opt-out without a wave (the link the address form sends to someone in no active wave). */
export async function optOutPerson(
  db: DB,
  personId: number,
  scope: PersonOptOutScope,
  source: OptOutSource,
  now = new Date(),
) {
  return inTransaction(db, (trx) => withdrawConsent(trx, personId, scope, source, now));
}

/**
 * The person's consent for the purpose becomes "withdrawn" (today, with the source) through the
 * people model, which logs it in the person's history; for research also every waiting message of
 * any mailing is withdrawn. A consent already withdrawn is left as it is.
 */
async function withdrawConsent(
  trx: Trx,
  personId: number,
  purpose: ConsentPurpose,
  source: OptOutSource,
  now: Date,
): Promise<OptOutResult> {
  const person = await trx
    .selectFrom("people")
    .select(["version", "merged_into_id"])
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) throw new RecordNotFoundError("people", personId);
  // a merged duplicate's panel row: the refusal belongs to the person it went into
  const owner = person.merged_into_id
    ? await trx
        .selectFrom("people")
        .select(["id", "version"])
        .where("id", "=", person.merged_into_id)
        .executeTakeFirstOrThrow()
    : { id: personId, version: person.version };
  const current = await currentConsent(trx, owner.id, purpose);
  const consentChanged = current?.status !== "withdrawn";
  if (consentChanged)
    await recordConsentIn(trx, null, owner.id, owner.version, {
      purpose,
      status: "withdrawn",
      recorded_on: todayInAmsterdam(now),
      source,
    });
  let withdrawnMessages = 0;
  if (purpose === "research")
    for (const id of await outboxOwners(trx, owner.id))
      withdrawnMessages += await withdrawWaiting(trx, { personId: id }, `${REASONS.research} (${source})`, now);
  return { changed: consentChanged || withdrawnMessages > 0, withdrawnMessages };
}

/** The person and the duplicates merged into them: frozen panels still mail those under their own ids. */
async function outboxOwners(trx: Trx, personId: number): Promise<number[]> {
  const merged = await trx.selectFrom("people").select("id").where("merged_into_id", "=", personId).execute();
  return [personId, ...merged.map((row) => row.id)];
}

/**
 * Withdraws the waiting outbox rows of one panel membership or of one person (all mailings), each
 * logged with the status change and the reason only. Rows already handed to the sender (sending,
 * sent, unknown) are history and stay as they are.
 */
async function withdrawWaiting(
  trx: Trx,
  whose: { panelMemberId: number } | { personId: number },
  reason: string,
  now: Date,
): Promise<number> {
  const [column, id] =
    "panelMemberId" in whose
      ? (["panel_member_id", whose.panelMemberId] as const)
      : (["person_id", whose.personId] as const);
  const withdrawn = await trx
    .updateTable("mail_outbox")
    .set({ status: "withdrawn", last_error: reason, updated_at: now.toISOString() })
    .where("status", "=", "waiting")
    .where(column, "=", id)
    .returning(["id", "mailing_id"])
    .execute();
  for (const row of withdrawn)
    await recordAudit(trx, null, {
      action: "update",
      entity: "mail_outbox",
      entityId: row.id,
      before: { id: row.id, mailing_id: row.mailing_id, status: "waiting" },
      after: { id: row.id, mailing_id: row.mailing_id, status: "withdrawn", last_error: reason },
      summary: OPT_OUT_AUDIT_SUMMARIES.outboxWithdrawn,
    });
  return withdrawn.length;
}

/* ---------- whose link: what the unsubscribe pages show ---------- */

/** A panel member's link page: the first name (no more), the language and wave of their panel row. */
export async function unsubscribeMember(db: DB, memberId: number) {
  return db
    .selectFrom("panel_members")
    .innerJoin("survey_waves", "survey_waves.id", "panel_members.wave_id")
    .select([
      "panel_members.first_name as firstName",
      "panel_members.language",
      "survey_waves.name as wave",
      "panel_members.excluded_at as excludedAt",
    ])
    .where("panel_members.id", "=", memberId)
    .executeTakeFirst();
}

/** A person's link page: the first name and the language they prefer. */
export async function unsubscribePerson(db: DB, personId: number) {
  return db
    .selectFrom("people")
    .select(["first_name as firstName", "preferred_language as language"])
    .where("id", "=", personId)
    .executeTakeFirst();
}

/** Waves whose mail may still come: frozen or in the field (a draft has no panel, a closed wave sends nothing). */
const ACTIVE_WAVE_STATUSES = ["frozen", "in_field"] as const;

/**
 * Who has this e-mail address (in lower case, as addresses are stored), their memberships of
 * active waves, and where the latest mailing's links point (null before the first mailing); null
 * when the address is not in the register.
 */
export async function unsubscribeContacts(db: DB, email: string) {
  const person = await db
    .selectFrom("person_emails")
    .innerJoin("people", "people.id", "person_emails.person_id")
    .select(["people.id", "people.first_name", "people.preferred_language"])
    .where("person_emails.email", "=", email)
    .executeTakeFirst();
  if (!person) return null;
  const latestMailing = await db
    .selectFrom("mailings")
    .select("link_origin")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirst();
  const memberships = await db
    .selectFrom("panel_members")
    .innerJoin("survey_waves", "survey_waves.id", "panel_members.wave_id")
    .select(["panel_members.id as memberId", "panel_members.language", "survey_waves.name as wave"])
    .where("panel_members.person_id", "=", person.id)
    .where("survey_waves.status", "in", ACTIVE_WAVE_STATUSES)
    .orderBy("survey_waves.reference_date")
    .orderBy("panel_members.id")
    .execute();
  return {
    personId: person.id,
    firstName: person.first_name,
    // the language their survey mail came in, else the one they prefer
    language: memberships[0]?.language ?? person.preferred_language,
    mailingOrigin: latestMailing?.link_origin ?? null,
    memberships,
  };
}
