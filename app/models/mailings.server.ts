import { type ExpressionBuilder, type Selectable, sql } from "kysely";
import { containsText, isUniqueViolation, jsonText, refreshStatisticsOf } from "../../db/dialect";
import type { DB } from "../../db/index";
import {
  type Database,
  type IsoMoment,
  LANGUAGES,
  type Language,
  type MailingKind,
  type MailingsTable,
  type OutboxStatus,
  OUTBOX_STATUSES,
} from "../../db/schema";
import { translator } from "../i18n/index";
import { messageKey } from "../services/form-data";
import { type MailingMessages, PREVIOUS_KIND, unknownPlaceholders } from "../services/mail-messages";
import {
  chooseRecipients,
  type MailingCandidates,
  type MailingPolicy,
  type MemberFacts,
} from "../services/mail-recipients";
import { displayName } from "../services/names";
import type { Actor, Trx } from "./audit.server";
import {
  assertVersion,
  inTransaction,
  insertAudited,
  loadForUpdate,
  RegisterError,
  updateAudited,
} from "./editing.server";
import { currentConsentStatus, primaryEmailOf } from "./people.server";

/**
 * Survey mailings: a wave's messages, who a mailing reaches, queuing it (one outbox row per
 * recipient, in one transaction), its progress, and what a person can do about it (pause, resume,
 * send again what is unknown). The sender in the server process works the outbox through the
 * functions at the end of this file.
 */

export type Mailing = Selectable<MailingsTable>;

export interface WaveMessage {
  subject: string;
  body: string;
  /** null: not saved yet, the default text is shown */
  version: number | null;
}

/** A wave's messages by kind and language: as saved, or the default text to start from. */
export async function waveMessages(db: DB | Trx, waveId: number) {
  const rows = await db
    .selectFrom("wave_messages")
    .select(["kind", "language", "subject", "body", "version"])
    .where("wave_id", "=", waveId)
    .execute();
  const messages = {} as Record<MailingKind, Record<Language, WaveMessage>>;
  for (const kind of MAILING_KIND_ORDER) {
    messages[kind] = {} as Record<Language, WaveMessage>;
    for (const language of LANGUAGES) {
      const saved = rows.find((row) => row.kind === kind && row.language === language);
      const t = translator(language);
      messages[kind][language] = saved ?? {
        subject: t(`mailings.defaults.${kind}.subject`),
        body: t(`mailings.defaults.${kind}.body`),
        version: null,
      };
    }
  }
  return messages;
}

const MAILING_KIND_ORDER = ["invitation", "reminder1", "reminder2", "thanks"] as const satisfies readonly MailingKind[];

/** The placeholders a message of the kind cannot do without. */
const REQUIRED_PLACEHOLDERS: Record<MailingKind, readonly string[]> = {
  invitation: ["link", "afmeldlink"],
  reminder1: ["link", "afmeldlink"],
  reminder2: ["link", "afmeldlink"],
  thanks: ["afmeldlink"],
};

/** Refuses a message with a placeholder Kring does not know, or without one the kind needs. */
function checkMessage(kind: MailingKind, message: { subject: string; body: string }) {
  const unknown = unknownPlaceholders(`${message.subject}\n${message.body}`);
  if (unknown.length > 0)
    throw new RegisterError(
      messageKey("mailings.errors.unknownPlaceholder", { names: unknown.map((name) => `{${name}}`).join(", ") }),
      unknownPlaceholders(message.subject).length > 0 ? "subject" : "body",
    );
  const missing = REQUIRED_PLACEHOLDERS[kind].filter((name) => !message.body.includes(`{${name}}`));
  if (missing.length > 0)
    throw new RegisterError(
      messageKey("mailings.errors.missingPlaceholder", { names: missing.map((name) => `{${name}}`).join(", ") }),
      "body",
    );
}

/** Saves one message of a wave (kind and language); `version` null for the first save of that message. */
export async function saveWaveMessage(
  db: DB,
  actor: Actor,
  waveId: number,
  kind: MailingKind,
  language: Language,
  version: number | null,
  message: { subject: string; body: string },
) {
  checkMessage(kind, message);
  return inTransaction(db, async (trx) => {
    await loadForUpdate(trx, "survey_waves", waveId);
    const saved = await trx
      .selectFrom("wave_messages")
      .select(["id", "version"])
      .where("wave_id", "=", waveId)
      .where("kind", "=", kind)
      .where("language", "=", language)
      .executeTakeFirst();
    if (!saved) {
      // saved meanwhile by someone else from the default text: compared as any other version
      if (version !== null) throw new RegisterError("mailings.errors.messageGone");
      return insertAudited(trx, actor, "wave_messages", { wave_id: waveId, kind, language, ...message });
    }
    return (await updateAudited(trx, actor, "wave_messages", saved.id, version ?? 0, message)).after;
  });
}

/** The last day to answer, as the messages say it. */
export async function setClosingDate(db: DB, actor: Actor, waveId: number, version: number, closesOn: string | null) {
  return inTransaction(
    db,
    async (trx) => (await updateAudited(trx, actor, "survey_waves", waveId, version, { closes_on: closesOn })).after,
  );
}

/* ---------- who a mailing reaches ---------- */

/** Everything the recipient rules need to know of a wave's members, in a few statements whatever the panel's size. */
async function memberFacts(
  db: DB | Trx,
  waveId: number,
  policy: MailingPolicy,
  now: IsoMoment,
): Promise<MemberFacts[]> {
  const members = await db
    .selectFrom("panel_members")
    .innerJoin("people", "people.id", "panel_members.person_id")
    .leftJoin("panel_responses", "panel_responses.panel_member_id", "panel_members.id")
    .select((eb) => [
      "panel_members.id",
      "panel_members.person_id",
      "panel_members.first_name",
      "panel_members.infix",
      "panel_members.last_name",
      "panel_members.language",
      "panel_members.exclusion_reason",
      "panel_responses.completed_at",
      jsonText(db, "panel_members.attributes", "organisationName").as("organisation"),
      currentConsentStatus(eb, "research").as("research_consent"),
      primaryEmailOf(eb).as("address"),
      primaryEmailOf(eb, "bounced_at").as("bounced_at"),
    ])
    .where("panel_members.wave_id", "=", waveId)
    .orderBy("panel_members.last_name")
    .orderBy("panel_members.first_name")
    .orderBy("panel_members.id")
    .execute();

  const sentRows = await db
    .selectFrom("mail_outbox")
    .innerJoin("mailings", "mailings.id", "mail_outbox.mailing_id")
    .select(["mail_outbox.panel_member_id", "mailings.kind", "mail_outbox.sent_at"])
    .where("mailings.wave_id", "=", waveId)
    .where("mail_outbox.status", "=", "sent")
    .execute();
  const sent = new Map<number, MemberFacts["sent"]>();
  for (const row of sentRows) {
    if (!row.sent_at) continue;
    sent.set(row.panel_member_id, { ...sent.get(row.panel_member_id), [row.kind]: row.sent_at });
  }

  // research messages in the cap's period, across waves: sent, or waiting to go in another mailing
  const since = new Date(Date.parse(now) - policy.cap.days * 24 * 60 * 60 * 1000).toISOString();
  const counted = await db
    .selectFrom("mail_outbox")
    .select(["mail_outbox.person_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("mail_outbox.person_id", "in", (eb) =>
      eb.selectFrom("panel_members").select("panel_members.person_id").where("panel_members.wave_id", "=", waveId),
    )
    .where((eb) =>
      eb.or([
        eb("mail_outbox.status", "in", ["waiting", "sending", "unknown"]),
        eb.and([eb("mail_outbox.status", "=", "sent"), eb("mail_outbox.sent_at", ">=", since)]),
      ]),
    )
    .groupBy("mail_outbox.person_id")
    .execute();
  const recent = new Map(counted.map((row) => [row.person_id, Number(row.n)]));

  return members.map((member) => ({
    panelMemberId: member.id,
    personId: member.person_id,
    name: displayName({ first_name: member.first_name, infix: member.infix, last_name: member.last_name }),
    organisation: member.organisation,
    language: member.language,
    excluded: member.exclusion_reason,
    researchOptOut: member.research_consent === "withdrawn",
    address: member.address,
    addressBounced: member.bounced_at !== null,
    completed: member.completed_at !== null,
    sent: sent.get(member.id) ?? {},
    recentResearchMessages: recent.get(member.person_id) ?? 0,
  }));
}

/** A frozen wave the mailing belongs to, or the refusal that says why not. */
async function frozenWaveFor(db: DB | Trx, waveId: number) {
  const wave = await db
    .selectFrom("survey_waves")
    .select(["id", "name", "status", "closes_on", "link_template", "version"])
    .where("id", "=", waveId)
    .executeTakeFirst();
  if (!wave) return null;
  if (wave.status === "draft") throw new RegisterError("mailings.errors.waveNotFrozen");
  return wave;
}

/** Who the wave's mailing of this kind would reach now, and who not and why. */
export async function mailingCandidates(
  db: DB | Trx,
  waveId: number,
  kind: MailingKind,
  policy: MailingPolicy,
  now: IsoMoment = new Date().toISOString(),
): Promise<MailingCandidates> {
  return chooseRecipients(kind, await memberFacts(db, waveId, policy, now), policy, now);
}

export interface MailingStart {
  /** when the sender may begin (now, or a moment later) */
  startAt: IsoMoment;
  /** null: as fast as the SMTP server takes them */
  ratePerMinute: number | null;
  /** where the messages' links point */
  linkOrigin: string;
}

/** How many outbox rows one insert statement writes. */
const OUTBOX_BATCH = 500;

/**
 * Starts a mailing: the messages as they are now, one outbox row per recipient, all in one
 * transaction. One mailing per wave and kind: a second start (two editors at once) is refused by
 * the database and answered with the mailing the first started. A reminder needs the message it
 * follows to have gone out.
 */
export async function startMailing(
  db: DB,
  actor: Actor,
  waveId: number,
  kind: MailingKind,
  start: MailingStart,
  policy: MailingPolicy,
  now: IsoMoment = new Date().toISOString(),
): Promise<Mailing> {
  const existing = await mailingOf(db, waveId, kind);
  if (existing) return existing;
  let started: Mailing;
  try {
    started = await inTransaction(db, async (trx) => {
      // another researcher's start that committed meanwhile is the mailing (its recipients are taken)
      const already = await mailingOf(trx, waveId, kind);
      if (already) return already;
      const wave = await frozenWaveFor(trx, waveId);
      if (!wave) throw new RegisterError("mailings.errors.waveGone");
      const previous = PREVIOUS_KIND[kind];
      if (previous && !(await mailingOf(trx, waveId, previous)))
        throw new RegisterError("mailings.errors.previousFirst");
      const messages = await waveMessages(trx, waveId);
      const snapshot = {} as MailingMessages;
      for (const language of LANGUAGES) {
        const { subject, body } = messages[kind][language];
        checkMessage(kind, { subject, body });
        if (!wave.closes_on && `${subject}${body}`.includes("{sluitingsdatum}"))
          throw new RegisterError("mailings.errors.closingDateNeeded");
        snapshot[language] = { subject, body };
      }
      const { recipients } = await mailingCandidates(trx, waveId, kind, policy, now);
      if (recipients.length === 0) throw new RegisterError("mailings.errors.nobody");
      return insertAudited(
        trx,
        actor,
        "mailings",
        {
          wave_id: waveId,
          kind,
          start_at: start.startAt,
          rate_per_minute: start.ratePerMinute,
          messages: JSON.stringify(snapshot),
          closes_on: wave.closes_on,
          link_origin: start.linkOrigin,
          created_by: actor.id,
        },
        {
          children: {
            read: async (trx, mailingId) => ({ recipients: await outboxCount(trx, mailingId) }),
            write: async (trx, mailing) => {
              for (let i = 0; i < recipients.length; i += OUTBOX_BATCH) {
                await trx
                  .insertInto("mail_outbox")
                  .values(
                    recipients.slice(i, i + OUTBOX_BATCH).map((member) => ({
                      mailing_id: mailing.id,
                      panel_member_id: member.panelMemberId,
                      person_id: member.personId,
                      email: member.address!,
                      language: member.language,
                      next_attempt_at: start.startAt,
                    })),
                  )
                  .execute();
              }
            },
          },
        },
      );
    });
  } catch (error) {
    // the other editor's start won the race: theirs is the mailing
    const raced = await mailingOf(db, waveId, kind);
    if (raced && isUniqueViolation(error)) return raced;
    throw error;
  }
  await refreshStatisticsOf(db, ["mail_outbox"]);
  return started;
}

async function outboxCount(db: DB | Trx, mailingId: number) {
  const { n } = await db
    .selectFrom("mail_outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("mailing_id", "=", mailingId)
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function mailingOf(db: DB | Trx, waveId: number, kind: MailingKind) {
  return (
    (await db
      .selectFrom("mailings")
      .selectAll()
      .where("wave_id", "=", waveId)
      .where("kind", "=", kind)
      .executeTakeFirst()) ?? null
  );
}

export type OutboxCounts = Record<OutboxStatus, number>;

async function countsByMailing(db: DB | Trx, mailingIds: number[]): Promise<Map<number, OutboxCounts>> {
  const rows =
    mailingIds.length === 0
      ? []
      : await db
          .selectFrom("mail_outbox")
          .select(["mailing_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
          .where("mailing_id", "in", mailingIds)
          .groupBy(["mailing_id", "status"])
          .execute();
  const counts = new Map<number, OutboxCounts>();
  for (const id of mailingIds)
    counts.set(id, Object.fromEntries(OUTBOX_STATUSES.map((status) => [status, 0])) as OutboxCounts);
  for (const row of rows) counts.get(row.mailing_id)![row.status] = Number(row.n);
  return counts;
}

/** A wave's mailings in the order they go out, each with its counts per outbox status. */
export async function mailingsOfWave(db: DB, waveId: number) {
  const mailings = await db.selectFrom("mailings").selectAll().where("wave_id", "=", waveId).execute();
  const counts = await countsByMailing(
    db,
    mailings.map((mailing) => mailing.id),
  );
  return MAILING_KIND_ORDER.map((kind) => {
    const mailing = mailings.find((candidate) => candidate.kind === kind) ?? null;
    return { kind, mailing, counts: mailing ? counts.get(mailing.id)! : null };
  });
}

/** How many rows of the outbox pages list at a time. */
export const OUTBOX_ROWS_SHOWN = 100;

/** A mailing's progress: its counts, and the rows that need a person (unknown, failed). */
export async function mailingProgress(db: DB, waveId: number, kind: MailingKind) {
  const mailing = await mailingOf(db, waveId, kind);
  if (!mailing) return null;
  const counts = (await countsByMailing(db, [mailing.id])).get(mailing.id)!;
  const rows = (status: OutboxStatus) =>
    db
      .selectFrom("mail_outbox")
      .innerJoin("panel_members", "panel_members.id", "mail_outbox.panel_member_id")
      .select([
        "mail_outbox.id",
        "mail_outbox.email",
        "mail_outbox.last_error",
        "mail_outbox.attempts",
        "mail_outbox.updated_at",
        "panel_members.first_name",
        "panel_members.infix",
        "panel_members.last_name",
      ])
      .where("mail_outbox.mailing_id", "=", mailing.id)
      .where("mail_outbox.status", "=", status)
      .orderBy("mail_outbox.id")
      .limit(OUTBOX_ROWS_SHOWN)
      .execute();
  const [unknown, failed] = await Promise.all([rows("unknown"), rows("failed")]);
  const named = (list: Awaited<ReturnType<typeof rows>>) =>
    list.map((row) => ({
      id: row.id,
      name: displayName(row),
      email: row.email,
      reason: row.last_error,
      attempts: row.attempts,
      at: row.updated_at,
    }));
  return { mailing, counts, unknown: named(unknown), failed: named(failed) };
}

/** Pauses a mailing: the sender leaves its rows waiting until it is resumed. */
export async function pauseMailing(db: DB, actor: Actor, mailingId: number, version: number) {
  return inTransaction(db, async (trx) => {
    const mailing = await loadForUpdate(trx, "mailings", mailingId);
    await assertVersion(trx, "mailings", mailingId, mailing.version, version);
    if (mailing.status !== "sending") throw new RegisterError("mailings.errors.notSending");
    return (await updateAudited(trx, actor, "mailings", mailingId, version, { status: "paused" })).after;
  });
}

/** Resumes a paused mailing (also one the SMTP server paused): the reason goes, the rows go out again. */
export async function resumeMailing(db: DB, actor: Actor, mailingId: number, version: number) {
  return inTransaction(db, async (trx) => {
    const mailing = await loadForUpdate(trx, "mailings", mailingId);
    await assertVersion(trx, "mailings", mailingId, mailing.version, version);
    if (mailing.status !== "paused") throw new RegisterError("mailings.errors.notPaused");
    return (await updateAudited(trx, actor, "mailings", mailingId, version, { status: "sending", paused_reason: null }))
      .after;
  });
}

/**
 * "Send again" for the rows left unknown by a crash: a deliberate decision (they may have arrived),
 * logged with how many were put back; the mailing goes on sending if it was done.
 */
export async function sendUnknownAgain(db: DB, actor: Actor, mailingId: number, version: number) {
  return inTransaction(db, async (trx) => {
    const mailing = await loadForUpdate(trx, "mailings", mailingId);
    const counted = async () => ({ unknown: await countWithStatus(trx, mailingId, "unknown") });
    if ((await counted()).unknown === 0) throw new RegisterError("mailings.errors.nothingUnknown");
    return (
      await updateAudited(
        trx,
        actor,
        "mailings",
        mailingId,
        version,
        mailing.status === "done" ? { status: "sending", finished_at: null } : {},
        {
          summary: "mailing_sent_again",
          children: {
            read: counted,
            write: async () => {
              // whoever opted out or was excluded since is not sent anything again
              const gone = (eb: ExpressionBuilder<Database, "mail_outbox">) =>
                eb.or([
                  eb.exists(
                    eb
                      .selectFrom("panel_members")
                      .select("panel_members.id")
                      .whereRef("panel_members.id", "=", "mail_outbox.panel_member_id")
                      .where("panel_members.excluded_at", "is not", null),
                  ),
                  eb(
                    eb
                      .selectFrom("consents")
                      .select("consents.status")
                      // a merged duplicate's row answers with the survivor's consent (decision 032)
                      .where("consents.person_id", "=", (inner) =>
                        inner
                          .selectFrom("people")
                          .select((p) => p.fn.coalesce("people.merged_into_id", "people.id").as("owner"))
                          .whereRef("people.id", "=", "mail_outbox.person_id"),
                      )
                      .where("consents.purpose", "=", "research")
                      .orderBy("consents.recorded_on", "desc")
                      .orderBy("consents.id", "desc")
                      .limit(1),
                    "=",
                    "withdrawn",
                  ),
                ]);
              const unknown = trx
                .updateTable("mail_outbox")
                .where("mailing_id", "=", mailingId)
                .where("status", "=", "unknown");
              await unknown.set({ status: "withdrawn", last_error: "opted out or excluded" }).where(gone).execute();
              await unknown
                .set({ status: "waiting", next_attempt_at: new Date().toISOString(), last_error: null })
                .execute();
            },
          },
        },
      )
    ).after;
  });
}

async function countWithStatus(db: DB | Trx, mailingId: number, status: OutboxStatus) {
  const { n } = await db
    .selectFrom("mail_outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("mailing_id", "=", mailingId)
    .where("status", "=", status)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * The member a preview shows a message for: the first (by name) whose name contains the typed
 * text, or the first of the panel when nothing was typed; null when none matches.
 */
export async function previewMember(db: DB, waveId: number, typed: string | null) {
  const text = typed?.trim() ?? "";
  const member = await db
    .selectFrom("panel_members")
    .select([
      "id",
      "first_name",
      "infix",
      "last_name",
      "salutation",
      "language",
      jsonText(db, "attributes", "organisationName").as("organisation"),
    ])
    .where("wave_id", "=", waveId)
    .$if(text !== "", (query) =>
      query.where(
        containsText(sql<string>`coalesce(first_name, '') || ' ' || coalesce(infix || ' ', '') || last_name`, text),
      ),
    )
    .orderBy("last_name")
    .orderBy("first_name")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return member ?? null;
}
