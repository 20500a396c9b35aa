import { createHash, randomBytes } from "node:crypto";
import { translator } from "../i18n/index";
import { allowRequest } from "../models/request-limits.server";
import { unsubscribeContacts } from "../models/opt-outs.server";
import type { KringContext } from "../server/context";
import { logger } from "../server/log";
import { withoutAddresses } from "../server/mail-transport.server";
import { privacyPath } from "./privacy-link";
import { unsubscribeMail } from "./unsubscribe-mail";
import { personUnsubscribeToken, unsubscribeToken } from "./unsubscribe-token.server";

/**
 * "Unsubscribe by e-mail address", for whoever's link no longer works: the page answers the same
 * whether or not the address is known (so it tells nobody who is in the register), and only a
 * known address gets a message, with fresh links.
 */

/** How long the links of that message work. */
export const FRESH_LINK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** At most this many such messages per address a day, whoever asks: the form cannot be used to flood a mailbox. */
const MESSAGES_PER_ADDRESS = { limit: 3, windowMs: DAY_MS };

/**
 * Sends the person with this address (stored in lower case, as the form gives it) one message with
 * a link per panel membership of an active wave, or, in none, one person link (research mail and
 * news). The links point to PUBLIC_ORIGIN, else to the origin of the latest mailing (the address
 * Kring's mail already uses); never to the Host of this request, which the asker chooses (a link
 * to their own server would hand them the token). Nothing is sent for an unknown address, an
 * address asked for too often, or without a known origin (no PUBLIC_ORIGIN and no mailing yet: no
 * link has gone out to be replaced).
 *
 * Returns the delivery, which the page does not wait for: an answer that took as long as an SMTP
 * conversation would tell a known address from an unknown one. A failed delivery is logged without
 * the address.
 */
export async function requestUnsubscribeLinks(
  {
    db,
    mail,
    pseudonymSecret: secret,
    publicOrigin,
  }: Pick<KringContext, "db" | "mail" | "pseudonymSecret" | "publicOrigin">,
  email: string,
  now = new Date(),
): Promise<{ delivery: Promise<void> | null }> {
  const contacts = await unsubscribeContacts(db, email);
  const origin = publicOrigin?.replace(/\/+$/, "") ?? contacts?.mailingOrigin;
  if (!contacts || !origin) return { delivery: null };
  const addressKey = `afmelden-bericht:${createHash("sha256").update(email).digest("base64url")}`;
  if (!(await allowRequest(db, addressKey, MESSAGES_PER_ADDRESS, now.getTime()))) return { delivery: null };

  const expires = new Date(now.getTime() + FRESH_LINK_DAYS * DAY_MS);
  const address = (token: string) => `${origin}/afmelden/${token}`;
  const links =
    contacts.memberships.length > 0
      ? contacts.memberships.map((membership) => ({
          wave: membership.wave,
          url: address(unsubscribeToken(secret, membership.memberId, expires)),
        }))
      : [{ wave: null, url: address(personUnsubscribeToken(secret, contacts.personId, expires)) }];
  const written = unsubscribeMail(
    {
      language: contacts.language,
      firstName: contacts.firstName,
      links,
      expiresOn: expires.toISOString().slice(0, 10),
      privacyLink: `${origin}${privacyPath(contacts.language)}`,
    },
    translator(contacts.language),
  );
  const messageIdDomain = /@([^>\s]+)/.exec(mail.from)?.[1] ?? "kring.invalid";
  const delivery = mail
    .send({
      to: email,
      ...written,
      messageId: `<kring.afmelden.${randomBytes(8).toString("hex")}@${messageIdDomain}>`,
      headers: { "Auto-Submitted": "auto-generated" },
    })
    .then(
      () => undefined,
      (error: unknown) =>
        logger.error("Afmeldlink niet verstuurd", {
          reason: withoutAddresses(error instanceof Error ? error.message : String(error)),
        }),
    );
  return { delivery };
}
