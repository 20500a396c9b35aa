import type { DB } from "../../db/index";
import { formatDay } from "../i18n/format";
import {
  type ClaimedRow,
  claimDueRows,
  finishDoneMailings,
  markInterruptedRowsUnknown,
  nextDueMoment,
  pauseForDelivery,
  recordFailure,
  recordSent,
  recordTemporaryFailure,
} from "../models/mail-outbox.server";
import { writeMessage } from "../services/mail-messages";
import { privacyPath } from "../services/privacy-link";
import { unsubscribeToken } from "../services/unsubscribe-token.server";
import { type LogFields, logger } from "./log";
import { DeliveryError, type MailTransport, type OutgoingMessage } from "./mail-transport.server";

/**
 * The sender: in the server process, it works the outbox of every sending mailing, a batch at a
 * time. Each row is marked `sending` before its message is handed over and `sent` (with the
 * server's answer) after; rows a crash left in `sending` become `unknown` when the sender starts,
 * and are sent again only when a person says so. An SMTP server that cannot be reached pauses the
 * mailing with its reason; nothing is marked sent that was not.
 */

/** How long an unsubscribe link works: long after the survey closes, for whoever reads late. */
const UNSUBSCRIBE_LINK_DAYS = 400;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SenderOptions {
  db: DB;
  transport: MailTransport;
  /** the server's secret, from which the unsubscribe links' key is derived */
  secret: string;
  /** messages handed over at once (the pool sends them over a few connections) */
  batchSize?: number;
  /** the longest the sender sleeps when nothing is due */
  idleMs?: number;
  /** where the sender's warnings go: the server's log unless a test says otherwise */
  log?: (msg: string, fields?: LogFields) => void;
}

export interface MailSender {
  /** look now (a mailing was started or resumed) instead of at the end of the sleep */
  wake(): void;
  /** finishes the messages being handed over, then stops */
  stop(): Promise<void>;
}

/**
 * One row's message, as the member reads it. `unsubscribeMailto` is the address mail clients may
 * write to instead of opening the link (the office's: Reply-To or From).
 */
export function outgoingMessage(row: ClaimedRow, secret: string, unsubscribeMailto: string): OutgoingMessage {
  const expires = new Date(Date.parse(row.startAt) + UNSUBSCRIBE_LINK_DAYS * DAY_MS);
  const unsubscribeLink = `${row.linkOrigin}/afmelden/${unsubscribeToken(secret, row.panelMemberId, expires)}`;
  const written = writeMessage(row.messages[row.language], {
    addressee: {
      firstName: row.firstName,
      infix: row.infix,
      lastName: row.lastName,
      salutation: row.salutation,
      organisation: row.organisation,
      language: row.language,
    },
    surveyLink: row.linkTemplate.replaceAll("{token}", encodeURIComponent(row.token)),
    unsubscribeLink,
    privacyLink: `${row.linkOrigin}${privacyPath(row.language)}`,
    closingDate: row.closesOn ? formatDay(row.closesOn, row.language) : null,
  });
  return {
    to: row.email,
    subject: written.subject,
    text: written.text,
    html: written.html,
    messageId: row.messageId,
    headers: {
      // RFC 2369 and RFC 8058: mail clients offer a one-click "unsubscribe" that POSTs to the link
      "List-Unsubscribe": `<${unsubscribeLink}>, <mailto:${unsubscribeMailto}?subject=afmelden>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}

export function startMailSender({
  db,
  transport,
  secret,
  batchSize = 20,
  idleMs = 5_000,
  log = (msg, fields) => logger.warn(msg, fields),
}: SenderOptions): MailSender {
  const messageIdDomain = /@([^>\s]+)/.exec(transport.from)?.[1] ?? "kring.invalid";
  const mailto = /<([^>]+)>/.exec(transport.replyTo)?.[1] ?? transport.replyTo;
  let stopping = false;
  let wakeUp: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  /** Hands one row's message over and records the outcome; a row that certainly did not leave is returned. */
  async function deliver(row: ClaimedRow): Promise<{ row: ClaimedRow; reason: string } | null> {
    const message = outgoingMessage(row, secret, mailto);
    try {
      const { response } = await transport.send(message);
      await recordSent(db, row.id, response);
    } catch (error) {
      const problem = error instanceof DeliveryError ? error.problem : "unknown";
      const command = error instanceof DeliveryError ? error.command : null;
      const reason = error instanceof Error ? error.message : String(error);
      if (problem === "notSent") return { row, reason };
      if (problem === "temporary") await recordTemporaryFailure(db, row, reason);
      else await recordFailure(db, row.id, problem === "permanent" ? "failed" : "unknown", reason, command);
    }
    return null;
  }

  async function round(): Promise<boolean> {
    await finishDoneMailings(db);
    const rows = await claimDueRows(db, batchSize, messageIdDomain);
    if (rows.length === 0) return false;
    const notSent = (await Promise.all(rows.map(deliver))).filter((outcome) => outcome !== null);
    for (const mailingId of new Set(notSent.map(({ row }) => row.mailingId))) {
      const ofMailing = notSent.filter(({ row }) => row.mailingId === mailingId);
      const reason = ofMailing[0]!.reason;
      log("Mailing gepauzeerd: het bericht kon niet worden afgegeven", { mailingId, reason });
      await pauseForDelivery(
        db,
        mailingId,
        reason,
        ofMailing.map(({ row }) => row.id),
      );
    }
    return true;
  }

  const running = (async () => {
    const interrupted = await markInterruptedRowsUnknown(db);
    if (interrupted > 0) log("Mailings: berichten met onbekende afloop na een onderbreking", { count: interrupted });
    while (!stopping) {
      try {
        if (await round()) continue;
        const next = await nextDueMoment(db);
        const wait = next ? Math.min(Math.max(Date.parse(next) - Date.now(), 50), idleMs) : idleMs;
        await sleep(wait);
      } catch (error) {
        log("Mailings: de verzender liep tegen een fout aan", { error });
        await sleep(idleMs);
      }
    }
  })();

  return {
    wake: () => wakeUp?.(),
    async stop() {
      stopping = true;
      wakeUp?.();
      await running;
    },
  };
}
