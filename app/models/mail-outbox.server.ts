import { randomBytes } from "node:crypto";
import type { DB } from "../../db/index";
import type { IsoDate, IsoMoment, Language } from "../../db/schema";
import { isRecipientRefusal, serverAnswer } from "../services/bounce-addresses";
import type { MailingMessages } from "../services/mail-messages";
import { markMessageBouncedIn } from "./bounces.server";
import { inTransaction, updateAudited } from "./editing.server";

/**
 * The sender's side of the outbox. A row is marked `sending` (committed) before its message is
 * handed to SMTP and `sent` with the server's answer after; so a row still in `sending` when the
 * process starts may or may not have gone out, and becomes `unknown` until a person decides. The
 * rows' own transitions are the delivery log and are not copied into the audit log; what changes a
 * mailing (paused by the SMTP server, done) is.
 */

/** A temporary refusal (4xx) is tried again after 1, 2, 4, 8 … minutes, up to this many attempts. */
export const MAX_ATTEMPTS = 6;
const RETRY_BASE_MS = 60_000;

/** One row taken by the sender, with everything its message needs. */
export interface ClaimedRow {
  id: number;
  mailingId: number;
  kind: string;
  email: string;
  language: Language;
  messageId: string;
  attempts: number;
  panelMemberId: number;
  token: string;
  firstName: string | null;
  infix: string | null;
  lastName: string;
  salutation: string | null;
  organisation: string | null;
  linkTemplate: string;
  messages: MailingMessages;
  closesOn: IsoDate | null;
  linkOrigin: string;
  startAt: IsoMoment;
}

/** After a restart: the rows the last process left in `sending`, now `unknown` — never sent again by themselves. */
export async function markInterruptedRowsUnknown(db: DB, now: IsoMoment = new Date().toISOString()) {
  const result = await db
    .updateTable("mail_outbox")
    .set({ status: "unknown", last_error: "interrupted", updated_at: now })
    .where("status", "=", "sending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const MINUTE_MS = 60_000;

/**
 * The rows due now, at most `limit`, marked `sending` in one transaction: of mailings that are
 * sending and whose start has come, waiting rows whose time has come, no more per mailing than its
 * rate per minute allows with what it sent in the last minute.
 */
export async function claimDueRows(
  db: DB,
  limit: number,
  /** the domain of Kring's Message-IDs (the From address's): chosen here, so the outbox holds it before sending */
  messageIdDomain: string,
  now: IsoMoment = new Date().toISOString(),
) {
  return inTransaction(db, async (trx) => {
    const minuteAgo = new Date(Date.parse(now) - MINUTE_MS).toISOString();
    const mailings = await trx
      .selectFrom("mailings")
      .select(["id", "rate_per_minute"])
      .where("status", "=", "sending")
      .where("start_at", "<=", now)
      .orderBy("id")
      .execute();
    const claimed: number[] = [];
    for (const mailing of mailings) {
      let allowance = limit - claimed.length;
      if (allowance <= 0) break;
      if (mailing.rate_per_minute !== null) {
        const { n } = await trx
          .selectFrom("mail_outbox")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("mailing_id", "=", mailing.id)
          .where("status", "in", ["sending", "sent", "unknown", "failed"])
          .where("updated_at", ">=", minuteAgo)
          .executeTakeFirstOrThrow();
        allowance = Math.min(allowance, mailing.rate_per_minute - Number(n));
        if (allowance <= 0) continue;
      }
      const due = await trx
        .selectFrom("mail_outbox")
        .select("id")
        .where("mailing_id", "=", mailing.id)
        .where("status", "=", "waiting")
        .where("next_attempt_at", "<=", now)
        .orderBy("id")
        .limit(allowance)
        .execute();
      claimed.push(...due.map((row) => row.id));
    }
    if (claimed.length === 0) return [];
    for (const id of claimed) {
      await trx
        .updateTable("mail_outbox")
        .set((eb) => ({
          status: "sending",
          attempts: eb("attempts", "+", 1),
          message_id: `<kring.${id}.${randomBytes(8).toString("hex")}@${messageIdDomain}>`,
          updated_at: now,
        }))
        .where("id", "=", id)
        .execute();
    }
    const rows = await trx
      .selectFrom("mail_outbox")
      .innerJoin("mailings", "mailings.id", "mail_outbox.mailing_id")
      .innerJoin("panel_members", "panel_members.id", "mail_outbox.panel_member_id")
      .innerJoin("survey_waves", "survey_waves.id", "mailings.wave_id")
      .select([
        "mail_outbox.id",
        "mail_outbox.mailing_id",
        "mailings.kind",
        "mail_outbox.email",
        "mail_outbox.language",
        "mail_outbox.message_id",
        "mail_outbox.attempts",
        "panel_members.id as panel_member_id",
        "panel_members.token",
        "panel_members.first_name",
        "panel_members.infix",
        "panel_members.last_name",
        "panel_members.salutation",
        "panel_members.attributes",
        "survey_waves.link_template",
        "mailings.messages",
        "mailings.closes_on",
        "mailings.link_origin",
        "mailings.start_at",
      ])
      .where("mail_outbox.id", "in", claimed)
      .orderBy("mail_outbox.id")
      .execute();
    return rows.map((row): ClaimedRow => ({
      id: row.id,
      mailingId: row.mailing_id,
      kind: row.kind,
      email: row.email,
      language: row.language,
      messageId: row.message_id ?? "",
      attempts: row.attempts,
      panelMemberId: row.panel_member_id,
      token: row.token,
      firstName: row.first_name,
      infix: row.infix,
      lastName: row.last_name,
      salutation: row.salutation,
      organisation: (JSON.parse(row.attributes) as { organisationName?: string | null }).organisationName ?? null,
      linkTemplate: row.link_template,
      messages: JSON.parse(row.messages) as MailingMessages,
      closesOn: row.closes_on,
      linkOrigin: row.link_origin,
      startAt: row.start_at,
    }));
  });
}

export async function recordSent(db: DB, rowId: number, response: string, now: IsoMoment = new Date().toISOString()) {
  await db
    .updateTable("mail_outbox")
    .set({ status: "sent", smtp_response: response, sent_at: now, last_error: null, updated_at: now })
    .where("id", "=", rowId)
    .where("status", "=", "sending")
    .execute();
}

/** A temporary refusal: waiting again after a backoff, or failed once the attempts are used up. */
export async function recordTemporaryFailure(
  db: DB,
  row: { id: number; attempts: number },
  reason: string,
  now: IsoMoment = new Date().toISOString(),
) {
  const giveUp = row.attempts >= MAX_ATTEMPTS;
  const next = new Date(Date.parse(now) + RETRY_BASE_MS * 2 ** (row.attempts - 1)).toISOString();
  await db
    .updateTable("mail_outbox")
    .set({
      status: giveUp ? "failed" : "waiting",
      next_attempt_at: giveUp ? now : next,
      last_error: reason,
      updated_at: now,
    })
    .where("id", "=", row.id)
    .execute();
}

/**
 * A permanent refusal (`failed`) or a connection lost while handing over (`unknown`). A permanent
 * refusal of the recipient's address ("550 No such user") also flags that address in the register,
 * in the same transaction, with the server's answer as the reason: mailings hold the person back
 * and they appear on the "to correct" list (app/models/bounces.server.ts).
 */
export async function recordFailure(
  db: DB,
  rowId: number,
  status: "failed" | "unknown",
  reason: string,
  /** the SMTP command refused, when known: only a refusal at RCPT TO (or per recipient after DATA) is about the address */
  command: string | null = null,
  now: IsoMoment = new Date().toISOString(),
) {
  const aboutTheAddress = command === null || command === "RCPT TO" || command === "DATA";
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable("mail_outbox")
      .set({ status, last_error: reason, updated_at: now })
      .where("id", "=", rowId)
      .execute();
    if (status === "failed" && aboutTheAddress && isRecipientRefusal(reason))
      await markMessageBouncedIn(trx, null, rowId, serverAnswer(reason), now);
  });
}

/**
 * The SMTP server cannot be reached or refuses Kring itself: the rows certainly did not go out and
 * wait again, and the mailing pauses with the server's reason until a person resumes it.
 */
export async function pauseForDelivery(
  db: DB,
  mailingId: number,
  reason: string,
  rowIds: number[],
  now: IsoMoment = new Date().toISOString(),
) {
  await inTransaction(db, async (trx) => {
    if (rowIds.length > 0)
      await trx
        .updateTable("mail_outbox")
        .set({ status: "waiting", attempts: (eb) => eb("attempts", "-", 1), updated_at: now })
        .where("id", "in", rowIds)
        .where("status", "=", "sending")
        .execute();
    const mailing = await trx.selectFrom("mailings").select("status").where("id", "=", mailingId).executeTakeFirst();
    if (mailing?.status === "sending")
      await updateAudited(trx, null, "mailings", mailingId, null, { status: "paused", paused_reason: reason });
  });
}

/** Mailings with nothing left to send (or being sent) are done. */
export async function finishDoneMailings(db: DB, now: IsoMoment = new Date().toISOString()) {
  const done = await db
    .selectFrom("mailings")
    .select("id")
    .where("status", "=", "sending")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("mail_outbox")
            .select("mail_outbox.id")
            .whereRef("mail_outbox.mailing_id", "=", "mailings.id")
            .where("mail_outbox.status", "in", ["waiting", "sending"]),
        ),
      ),
    )
    .execute();
  for (const { id } of done) {
    await inTransaction(db, (trx) =>
      updateAudited(trx, null, "mailings", id, null, { status: "done", finished_at: now }),
    );
  }
  return done.length;
}

/** When the sender should look again: the earliest moment a waiting row of a sending mailing falls due. */
export async function nextDueMoment(db: DB): Promise<IsoMoment | null> {
  const row = await db
    .selectFrom("mail_outbox")
    .innerJoin("mailings", "mailings.id", "mail_outbox.mailing_id")
    .select((eb) => eb.fn.min("mail_outbox.next_attempt_at").as("next"))
    .where("mailings.status", "=", "sending")
    .where("mail_outbox.status", "=", "waiting")
    .executeTakeFirst();
  const next = (row?.next as string | null | undefined) ?? null;
  return next;
}
