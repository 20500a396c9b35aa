import { z } from "zod";
import { optionalText } from "./form-data";

/**
 * Bounced addresses: reading them from what an editor pastes or uploads (a list, a CSV file, a
 * bounce report from a mail program), and telling from an SMTP server's refusal whether it was the
 * recipient's address it refused. Browser-safe: the mailing page's form shares the schema.
 */

/**
 * The list of bounced addresses (pasted text and a file together) travels in one request, which
 * Kring refuses above 1 MB (app/server/security.ts MAX_BODY_BYTES); the page states this limit.
 */
export const BOUNCE_LIST_MAX_BYTES = 1024 * 1024;

/** The mailing page's "Onbestelbaar" form: the file travels beside these fields. */
export const bounceFormSchema = z.object({
  intent: z.literal("bounces"),
  // as long as the request may be: the limit above is the one that holds
  addresses: z.preprocess((value) => (typeof value === "string" ? value : ""), z.string()),
  reason: optionalText(200),
});

/** An address as the register compares them: trimmed, in lower case. */
export const normalAddress = (address: string) => address.trim().toLowerCase();

/** Anything that looks like an address: a local part, @, a domain of at least two labels ending in letters. */
const ADDRESS =
  /[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\b/gi;

/** Header lines of a quoted message that name messages, not people (Message-ID looks like an address). */
const MESSAGE_REFERENCE_LINE = /^(?:message-id|in-reply-to|references|resent-message-id)[ \t]*:.*(?:\r?\n[ \t].*)*/gim;

/** Mail systems' own addresses, which every bounce report names. */
const MAIL_SYSTEM_LOCAL_PARTS = new Set(["mailer-daemon", "postmaster"]);

/** The Message-IDs Kring gives its messages (app/models/mail-outbox.server.ts). */
const KRING_MESSAGE_ID = /^kring\.\d+\.[0-9a-f]+@/;

export interface ExtractedAddresses {
  /** lower case, each once, in the order they first appear */
  addresses: string[];
  /** what looked like an address but is Kring's own or a mail system's, each once */
  ignored: string[];
}

/**
 * The addresses in a text: one per line, or separated by commas, semicolons or spaces, or a
 * bounce report of which only what looks like an address counts. `ignore` are Kring's own
 * addresses (From, Reply-To), which a pasted bounce report names beside the recipient's.
 */
export function extractAddresses(text: string, ignore: readonly string[] = []): ExtractedAddresses {
  const own = new Set(ignore.map(normalAddress));
  const addresses = new Set<string>();
  const ignored = new Set<string>();
  for (const match of text.replace(MESSAGE_REFERENCE_LINE, "").matchAll(ADDRESS)) {
    const address = normalAddress(match[0]);
    const localPart = address.slice(0, address.lastIndexOf("@"));
    if (own.has(address) || MAIL_SYSTEM_LOCAL_PARTS.has(localPart) || KRING_MESSAGE_ID.test(address))
      ignored.add(address);
    else addresses.add(address);
  }
  return { addresses: [...addresses], ignored: [...ignored] };
}

/** The address in "Naam <adres@example.nl>" (MAIL_FROM), or the text itself. */
export function bareAddress(mailbox: string): string {
  return normalAddress(/<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox);
}

/** How nodemailer words a refusal of the recipient: RCPT TO, or per recipient after DATA (LMTP). */
const RECIPIENT_REFUSED = /recipients were rejected|recipient command failed|message failed for recipient/i;

/**
 * Enhanced status codes (RFC 3463) that are not about the recipient's address: the mail system
 * (5.3), routing (5.4), the protocol (5.5), the content (5.6), security and policy (5.7, also
 * "relay access denied" when Kring's own SMTP server will not relay).
 */
const NOT_ABOUT_THE_ADDRESS = /\b5\.[3-7]\.\d{1,3}\b|relay|authenticat/i;

/**
 * Whether a permanent SMTP failure says the recipient's address does not work ("550 No such user"),
 * so the address is flagged in the register. A refusal of Kring itself (of the sender, of relaying,
 * of the content) is not: flagging on it would flag every address of a mailing.
 */
export function isRecipientRefusal(reason: string): boolean {
  return RECIPIENT_REFUSED.test(reason) && !NOT_ABOUT_THE_ADDRESS.test(reason);
}

/** The server's own answer in nodemailer's message ("550 No such user here"), else the message itself. */
export function serverAnswer(reason: string): string {
  const answer = /\b[45]\d\d[ -].*$/s.exec(reason)?.[0] ?? reason;
  return answer.trim().slice(0, 500);
}
