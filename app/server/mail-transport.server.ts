import { existsSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { logger } from "./log";

/**
 * Where Kring's mail goes. With SMTP_URL, to that server (nodemailer, pooled, TLS and
 * authentication as the URL says, optionally DKIM-signed); without it, each message is written as
 * an .eml file to `outbox/` beside the database: the embedded default for trying Kring out, which
 * every mailing page mentions.
 */

export interface MailSettings {
  /** smtp://user:pass@host:587 or smtps://…; null: write files */
  smtpUrl: string | null;
  /** "Gezond Zuid-Limburg <onderzoek@example.nl>" */
  from: string;
  replyTo: string | null;
  dkim: { domainName: string; keySelector: string; privateKey: string } | null;
}

/** A setting that cannot work: the server stops at start with this message, not at the first mailing. */
export class MailSettingsError extends Error {}

const DEFAULT_FROM = "Kring <kring@localhost>";

export function mailSettings(env: Partial<Record<string, string>> = process.env): MailSettings {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^/]/i.test(smtpUrl))
    throw new MailSettingsError(`SMTP_URL must start with smtp:// or smtps:// (it is "${redacted(smtpUrl)}").`);
  const from = env.MAIL_FROM?.trim() || null;
  if (smtpUrl && !from)
    throw new MailSettingsError(
      'MAIL_FROM is needed with SMTP_URL, e.g. "Gezond Zuid-Limburg <onderzoek@example.nl>".',
    );
  const dkimParts = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY].map((value) => value?.trim() || null);
  const given = dkimParts.filter(Boolean).length;
  if (given > 0 && given < 3)
    throw new MailSettingsError("DKIM signing needs DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY together.");
  const [domainName, keySelector, key] = dkimParts;
  return {
    smtpUrl,
    from: from ?? DEFAULT_FROM,
    replyTo: env.MAIL_REPLY_TO?.trim() || null,
    dkim: domainName && keySelector && key ? { domainName, keySelector, privateKey: privateKeyFrom(key) } : null,
  };
}

/** The key itself (PEM), or the path of a file that holds it. */
function privateKeyFrom(value: string): string {
  if (value.includes("-----BEGIN")) return value.replace(/\\n/g, "\n");
  if (!existsSync(value)) throw new MailSettingsError(`DKIM_PRIVATE_KEY is neither a PEM key nor a file (${value}).`);
  return readFileSync(value, "utf8");
}

/** A server's answer without the e-mail addresses it quotes, for the log. */
export const withoutAddresses = (text: string) => text.replace(/[^\s<>@]+@[^\s<>]+/g, "…");

/** The URL without its password, for messages. */
const redacted = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** "<kring-…@example.nl>": chosen by Kring, so the outbox records it before the message leaves */
  messageId: string;
  /** List-Unsubscribe and friends */
  headers: Record<string, string>;
}

export interface Delivered {
  /** the SMTP server's answer, or the file written */
  response: string;
}

/**
 * What went wrong, in the terms the sender acts on: `temporary` (4xx: try again later),
 * `permanent` (5xx: this address will not take it), `notSent` (no connection, refused login, TLS:
 * the message certainly did not leave; the mailing pauses) and `unknown` (the connection broke
 * while the message was being handed over: it may have arrived).
 */
export type DeliveryProblem = "temporary" | "permanent" | "notSent" | "unknown";

export class DeliveryError extends Error {
  constructor(
    readonly problem: DeliveryProblem,
    message: string,
    /** the SMTP command the server answered ("RCPT TO": the recipient's address was refused) */
    readonly command: string | null = null,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** The SMTP commands after which a broken connection may have delivered the message. */
const HANDED_OVER = new Set(["DATA", "message"]);

/** Commands about Kring itself: a server refusing one of these refuses every message of the mailing. */
const ABOUT_KRING = new Set(["CONN", "EHLO", "HELO", "STARTTLS", "AUTH", "AUTH PLAIN", "AUTH LOGIN", "MAIL FROM"]);

export function classifyDeliveryError(error: unknown): DeliveryProblem {
  const { responseCode, command } = (error ?? {}) as { responseCode?: unknown; command?: unknown };
  // refused for good before any recipient was named (Kring's sender address, its login): pause,
  // rather than fail every row of the mailing one by one
  if (
    typeof responseCode === "number" &&
    responseCode >= 500 &&
    typeof command === "string" &&
    ABOUT_KRING.has(command)
  )
    return "notSent";
  if (typeof responseCode === "number") {
    if (responseCode >= 400 && responseCode < 500) return "temporary";
    if (responseCode >= 500) return "permanent";
  }
  return typeof command === "string" && HANDED_OVER.has(command) ? "unknown" : "notSent";
}

export interface MailTransport {
  /** where mail goes, for the pages: an SMTP host, or the folder the files are written to */
  readonly destination: { kind: "smtp"; host: string } | { kind: "files"; folder: string };
  readonly from: string;
  readonly replyTo: string;
  send(message: OutgoingMessage): Promise<Delivered>;
  /** waits for the messages being handed over, then closes the connections */
  close(): void;
}

export function createMailTransport(settings: MailSettings, outboxFolder: string): MailTransport {
  const common = { from: settings.from, replyTo: settings.replyTo ?? settings.from };
  const mailOptions = (message: OutgoingMessage) => ({
    from: settings.from,
    replyTo: common.replyTo,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    headers: message.headers,
  });

  if (!settings.smtpUrl) {
    const files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    return {
      ...common,
      destination: { kind: "files", folder: outboxFolder },
      async send(message) {
        const written = await files.sendMail(mailOptions(message));
        await mkdir(outboxFolder, { recursive: true });
        const file = path.join(outboxFolder, `${message.messageId.replace(/[^A-Za-z0-9._-]/g, "")}.eml`);
        await writeFile(file, written.message as Buffer);
        return { response: `written to ${file}` };
      },
      close: () => files.close(),
    };
  }

  const url = new URL(settings.smtpUrl);
  const smtp = nodemailer.createTransport({
    url: settings.smtpUrl,
    pool: true,
    maxConnections: 5,
    // Kring paces the mailing itself (rate per minute); the pool only keeps connections open
    maxMessages: Infinity,
    ...(settings.dkim ? { dkim: settings.dkim } : {}),
  });
  return {
    ...common,
    destination: { kind: "smtp", host: url.port ? `${url.hostname}:${url.port}` : url.hostname },
    async send(message) {
      try {
        const info = await smtp.sendMail(mailOptions(message));
        return { response: String(info.response) };
      } catch (error) {
        const { command } = (error ?? {}) as { command?: unknown };
        const failure = new DeliveryError(
          classifyDeliveryError(error),
          error instanceof Error ? error.message : String(error),
          typeof command === "string" ? command : null,
        );
        // the server's answer may quote the recipient: the log names the message, not the person
        logger.warn("Bericht niet afgegeven aan de SMTP-server", {
          messageId: message.messageId,
          problem: failure.problem,
          command: failure.command,
          reason: withoutAddresses(failure.message),
        });
        throw failure;
      }
    },
    close: () => smtp.close(),
  };
}
