import { json, type TypedResponse } from "@remix-run/node";
import type { DB } from "../../db/index";
import type { Language, MailingKind } from "../../db/schema";
import { formatDay } from "../i18n/format";
import type { Actor } from "../models/audit.server";
import { previewMember, saveWaveMessage, setClosingDate, waveMessages } from "../models/mailings.server";
import type { MailTransport } from "../server/mail-transport.server";
import { FORM_ERROR, type FormFailure, formFailure, messageKey, parseForm } from "./form-data";
import { writeMessage } from "./mail-messages";
import { privacyPath } from "./privacy-link";
import { MESSAGES_PAGE_SCHEMAS, type MessagesPageIntent, messagesPath } from "./mailing-forms";
import { displayName } from "./names";
import { withNotice } from "./notices";
import { refusalResponse } from "./refusal.server";

/** The wave as the messages page needs it. */
export interface MessagesWave {
  id: number;
  version: number;
  link_template: string;
  closes_on: string | null;
}

/** Which form of the page an answer is about (the message forms repeat per kind and language). */
export type MessagesPageAnswer = FormFailure & { intent: MessagesPageIntent; kind: string; language: string };

/**
 * A member's message as the preview and the test message show it: their name and organisation,
 * with example links (a test must not carry a member's real questionnaire or unsubscribe link).
 */
export async function messagePreview(
  db: DB,
  wave: MessagesWave,
  typed: string,
  kind: MailingKind,
  origin: string,
  language?: Language,
) {
  const member = await previewMember(db, wave.id, typed || null);
  if (!member) return { typed, kind, member: null, message: null };
  const shownIn = language ?? member.language;
  const template = (await waveMessages(db, wave.id))[kind][shownIn];
  const message = writeMessage(template, {
    addressee: {
      firstName: member.first_name,
      infix: member.infix,
      lastName: member.last_name,
      salutation: member.salutation,
      organisation: member.organisation,
      language: shownIn,
    },
    surveyLink: wave.link_template.replaceAll("{token}", "VOORBEELD"),
    unsubscribeLink: `${origin}/afmelden/voorbeeld`,
    privacyLink: `${origin}${privacyPath(shownIn)}`,
    closingDate: wave.closes_on ? formatDay(wave.closes_on, shownIn) : null,
  });
  return { typed, kind, member: { name: displayName(member), language: shownIn }, message };
}

const textOf = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");

/** What a post to the messages page does: save a message or the closing date, or send a test. */
export async function answerMessagesPost(
  db: DB,
  user: Actor & { email: string },
  mail: MailTransport,
  wave: MessagesWave,
  formData: FormData,
  origin: string,
): Promise<string | TypedResponse<MessagesPageAnswer>> {
  const intent = formData.get("intent");
  if (typeof intent !== "string" || !Object.hasOwn(MESSAGES_PAGE_SCHEMAS, intent))
    throw new Response(null, { status: 400, statusText: "Bad Request" });
  const form = {
    intent: intent as MessagesPageIntent,
    kind: textOf(formData.get("kind")),
    language: textOf(formData.get("language")),
  };
  const parsed = parseForm(MESSAGES_PAGE_SCHEMAS[form.intent], formData);
  if (!parsed.ok) return json({ ...parsed, ...form }, { status: 400 });
  const data = parsed.data;
  const here = messagesPath(wave.id);
  try {
    switch (data.intent) {
      case "message":
        await saveWaveMessage(db, user, wave.id, data.kind, data.language, data.version, {
          subject: data.subject,
          body: data.body,
        });
        return withNotice(here, "opgeslagen", { id: `${data.kind}-${data.language}` });
      case "closingDate":
        await setClosingDate(db, user, wave.id, data.version, data.closes_on);
        return withNotice(here, "opgeslagen", { id: "sluitingsdatum" });
      case "test": {
        const preview = await messagePreview(db, wave, "", data.kind, origin, data.language);
        if (!preview.message) throw new Response(null, { status: 404, statusText: "Not Found" });
        try {
          await mail.send({
            to: user.email,
            ...preview.message,
            messageId: `<kring.test.${Date.now()}@${/@([^>\s]+)/.exec(mail.from)?.[1] ?? "kring.invalid"}>`,
            headers: {},
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return json(
            {
              ...formFailure(formData, { [FORM_ERROR]: messageKey("mailings.errors.testFailed", { reason }) }),
              ...form,
            },
            { status: 502 },
          );
        }
        return withNotice(here, "testbericht");
      }
    }
  } catch (error) {
    return refusalResponse(error, formData, form);
  }
}
