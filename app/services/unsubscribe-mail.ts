import type { TFunction } from "i18next";
import type { IsoDate, Language } from "../../db/schema";
import { formatDay } from "../i18n/format";

/**
 * The message the address form sends: fresh unsubscribe links for a person who asked by e-mail
 * address, one per panel membership of an active wave, or one person link when there is none.
 * Pure: the links are made by the caller.
 */

export interface UnsubscribeMailInput {
  language: Language;
  firstName: string | null;
  /** `wave` null: a person link (research mail and news) */
  links: readonly { wave: string | null; url: string }[];
  /** the last day the links work */
  expiresOn: IsoDate;
  /** the privacy statement, in the addressee's language */
  privacyLink: string;
}

export interface UnsubscribeMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

type Part = { kind: "text"; text: string } | { kind: "link"; label: string; url: string };

export function unsubscribeMail(input: UnsubscribeMailInput, t: TFunction): UnsubscribeMail {
  const parts: Part[] = [
    {
      kind: "text",
      text: input.firstName
        ? t("unsubscribe.mail.greeting", { name: input.firstName })
        : t("unsubscribe.mail.greetingUnnamed"),
    },
    { kind: "text", text: t("unsubscribe.mail.intro") },
    ...input.links.map((link): Part => ({
      kind: "link",
      label: link.wave === null ? t("unsubscribe.mail.person") : t("unsubscribe.mail.wave", { wave: link.wave }),
      url: link.url,
    })),
    { kind: "text", text: t("unsubscribe.mail.expires", { day: formatDay(input.expiresOn, input.language) }) },
    { kind: "text", text: t("unsubscribe.mail.notYou") },
    { kind: "text", text: `${t("unsubscribe.mail.closing")}\n${t("unsubscribe.mail.sender")}` },
    { kind: "link", label: `${t("privacy.link")}:`, url: input.privacyLink },
  ];
  const subject = t("unsubscribe.mail.subject");
  const text = `${parts.map((part) => (part.kind === "text" ? part.text : `${part.label}\n${part.url}`)).join("\n\n")}\n`;
  const paragraphs = parts.map((part) =>
    part.kind === "text"
      ? `<p>${escapeHtml(part.text).replace(/\n/g, "<br>\n")}</p>`
      : `<p>${escapeHtml(part.label)}<br>\n<a href="${escapeHtml(part.url)}">${escapeHtml(part.url)}</a></p>`,
  );
  const html = `<!doctype html>\n<html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>\n<body>\n${paragraphs.join("\n")}\n</body></html>\n`;
  return { subject, text, html };
}
