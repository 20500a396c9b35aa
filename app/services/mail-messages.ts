import type { Language, MailingKind } from "../../db/schema";
import { translator } from "../i18n/index";

/**
 * The messages of a survey mailing: placeholders the researchers write, and how one member's
 * message is made from them (a plain-text part, and an HTML part made from the same text), with the
 * link to the privacy statement under it whatever the template says. Pure, so the page's preview and
 * the sender write exactly the same message.
 */

/** What a message may ask for, between braces: `{aanhef},` … `{link}` … `{afmeldlink}`. */
export const PLACEHOLDERS = [
  "aanhef",
  "voornaam",
  "achternaam",
  "naam",
  "organisatie",
  "link",
  "afmeldlink",
  "sluitingsdatum",
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}\s]*)\}/g;

/** The placeholders in a text that Kring does not know, each once, in the order they appear. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = [...text.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? "")
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name));
  return [...new Set(unknown)];
}

/** A panel member as a message addresses them. */
export interface Addressee {
  firstName: string | null;
  infix: string | null;
  lastName: string;
  /** "mevrouw" or "de heer", as the register keeps it; null when unknown */
  salutation: string | null;
  organisation: string | null;
  language: Language;
}

/** Everything a message fills in for one member. */
export interface MessageValues {
  addressee: Addressee;
  /** the member's own questionnaire link */
  surveyLink: string;
  /** the member's own unsubscribe page */
  unsubscribeLink: string;
  /** the privacy statement, in the member's language (app/services/privacy-link.ts) */
  privacyLink: string;
  /** the last day to answer, written for the member's language; null when the wave has none */
  closingDate: string | null;
}

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase("nl") + text.slice(1);

/** The surname as a salutation writes it: without a first name before it, "van den" becomes "Van den". */
function formalSurname({ infix, lastName }: Addressee): string {
  return infix ? `${capitalised(infix)} ${lastName}` : lastName;
}

const FORMAL: Record<Language, Record<string, string>> = {
  nl: { mevrouw: "Geachte mevrouw", "de heer": "Geachte heer" },
  en: { mevrouw: "Dear Ms", "de heer": "Dear Mr" },
};

/**
 * The greeting, without its comma: "Geachte mevrouw Van den Berg" when the register knows how to
 * address them formally, else "Beste Anna" (the whole name when there is no first name on record).
 */
export function greeting(addressee: Addressee): string {
  const formal = FORMAL[addressee.language][addressee.salutation?.trim().toLowerCase() ?? ""];
  if (formal) return `${formal} ${formalSurname(addressee)}`;
  const informal = addressee.language === "en" ? "Dear" : "Beste";
  return `${informal} ${addressee.firstName?.trim() || fullName(addressee)}`;
}

function fullName({ firstName, infix, lastName }: Addressee): string {
  return [firstName, infix, lastName].filter((part) => part?.trim()).join(" ");
}

function valueOf(name: Placeholder, values: MessageValues): string {
  const { addressee } = values;
  switch (name) {
    case "aanhef":
      return greeting(addressee);
    case "voornaam":
      return addressee.firstName ?? "";
    case "achternaam":
      return [addressee.infix, addressee.lastName].filter(Boolean).join(" ");
    case "naam":
      return fullName(addressee);
    case "organisatie":
      return addressee.organisation ?? "";
    case "link":
      return values.surveyLink;
    case "afmeldlink":
      return values.unsubscribeLink;
    case "sluitingsdatum":
      return values.closingDate ?? "";
  }
}

const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** The text with its placeholders filled in; `write` turns each value into what the part needs. */
function fill(text: string, values: MessageValues, write: (name: Placeholder, value: string) => string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    isPlaceholder(name) ? write(name, valueOf(name, values)) : whole,
  );
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export interface WrittenMessage {
  subject: string;
  text: string;
  html: string;
}

/**
 * One member's message. The subject and the text are filled in as typed; the HTML part is the same
 * text, escaped, in paragraphs (blank lines) and lines, with the two links as links. Both end with
 * the privacy statement's link.
 */
export function writeMessage(template: { subject: string; body: string }, values: MessageValues): WrittenMessage {
  const subject = fill(template.subject, values, (_name, value) => value)
    .replace(/\s+/g, " ")
    .trim();
  const privacyLabel = translator(values.addressee.language)("privacy.link");
  const text = `${fill(template.body, values, (_name, value) => value).trimEnd()}\n\n${privacyLabel}: ${values.privacyLink}\n`;
  const paragraphs = template.body
    .replace(/\r\n/g, "\n")
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => {
      const escaped = escapeHtml(paragraph);
      const filled = fill(escaped, values, (name, value) =>
        name === "link" || name === "afmeldlink"
          ? `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`
          : escapeHtml(value),
      );
      return `<p>${filled.replace(/\n/g, "<br>\n")}</p>`;
    });
  paragraphs.push(`<p><a href="${escapeHtml(values.privacyLink)}">${escapeHtml(privacyLabel)}</a></p>`);
  const html = `<!doctype html>\n<html lang="${values.addressee.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${paragraphs.join("\n")}\n</body></html>\n`;
  return { subject, text, html };
}

/** The subject and body of each language, as a mailing keeps them from the moment it starts. */
export type MailingMessages = Record<Language, { subject: string; body: string }>;

/** A message kind's place in the order of a wave's mailings: a reminder needs the invitation before it. */
export const PREVIOUS_KIND: Record<MailingKind, MailingKind | null> = {
  invitation: null,
  reminder1: "invitation",
  reminder2: "reminder1",
  thanks: "invitation",
};
