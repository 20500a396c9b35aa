import type { Language } from "../../db/schema";
import { readCookie } from "../auth/session.server";
import { isLanguage, LANGUAGE_COOKIE } from "../i18n/index";
import { RecordNotFoundError } from "../models/editing.server";
import { optOut, optOutPerson, unsubscribeMember, unsubscribePerson } from "../models/opt-outs.server";
import { allowRequest, type RequestLimit } from "../models/request-limits.server";
import type { KringContext } from "../server/context";
import { type FormFailure, formFailure, messageKey, parseForm } from "./form-data";
import { isOneClick, OPT_OUT_SCOPES, type OptOutScope, optOutSchema, PERSON_OPT_OUT_SCOPES } from "./unsubscribe-form";
import { readUnsubscribeLink } from "./unsubscribe-token.server";

/**
 * The public unsubscribe pages' work: what a link's page shows, what its POST does, and how often
 * one client address may use them.
 */

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Requests per client address per ten minutes. Opening pages is cheap and mail filters open every
 * link; an office shares one address. The link's POST is generous too: one-click unsubscribes come
 * from the servers of a few mail providers, each on behalf of many people, and a link cannot be
 * forged. The address form sends mail, so it is the strictest.
 */
export const UNSUBSCRIBE_LIMITS = {
  linkPage: { limit: 120, windowMs: TEN_MINUTES },
  addressPage: { limit: 120, windowMs: TEN_MINUTES },
  optOut: { limit: 100, windowMs: TEN_MINUTES },
  addressForm: { limit: 20, windowMs: TEN_MINUTES },
} as const satisfies Record<string, RequestLimit>;

/** The Retry-After of a refusal: the window's length, in seconds. */
export const RETRY_AFTER_SECONDS = TEN_MINUTES / 1000;

export type UnsubscribeEndpoint = keyof typeof UNSUBSCRIBE_LIMITS;

export function allowUnsubscribeRequest(
  context: Pick<KringContext, "db" | "clientAddress">,
  endpoint: UnsubscribeEndpoint,
  now = Date.now(),
) {
  return allowRequest(context.db, `afmelden-${endpoint}:${context.clientAddress}`, UNSUBSCRIBE_LIMITS[endpoint], now);
}

/**
 * The language of a link's page: the reader's own choice (the language switch's cookie), else the
 * language of the panel row (the language their mail came in) or the person's.
 */
export function pageLanguage(request: Request, own: Language): Language {
  const chosen = readCookie(request, LANGUAGE_COOKIE);
  return isLanguage(chosen) ? chosen : own;
}

export type UnusableLink = { kind: "invalid"; reason: "tampered" | "expired" };

export type LinkPage =
  | UnusableLink
  | {
      kind: "member";
      firstName: string | null;
      wave: string;
      /** already excluded from this wave (by an opt-out or by the office) */
      excluded: boolean;
      language: Language;
      scopes: readonly OptOutScope[];
    }
  | { kind: "person"; firstName: string | null; language: Language; scopes: readonly OptOutScope[] };

/** Whose link this is and what it offers; a link to a record that is not there reads as tampered. */
export async function linkPage(db: KringContext["db"], secret: string, token: string, now: Date): Promise<LinkPage> {
  const reading = readUnsubscribeLink(secret, token, now);
  if (!reading.ok) return { kind: "invalid", reason: reading.reason };
  if (reading.kind === "member") {
    const member = await unsubscribeMember(db, reading.memberId);
    if (!member) return { kind: "invalid", reason: "tampered" };
    const { firstName, wave, language, excludedAt } = member;
    return { kind: "member", firstName, wave, language, excluded: excludedAt !== null, scopes: OPT_OUT_SCOPES };
  }
  const person = await unsubscribePerson(db, reading.personId);
  if (!person) return { kind: "invalid", reason: "tampered" };
  return { kind: "person", ...person, scopes: PERSON_OPT_OUT_SCOPES };
}

export type OptOutAnswer =
  | { kind: "limited" }
  | UnusableLink
  | ({ kind: "refused" } & FormFailure)
  | { kind: "done"; scope: OptOutScope; changed: boolean };

/**
 * The POST of a link: the page's form (the scope chosen) or an RFC 8058 one-click POST, which
 * opts out of the narrowest scope the link offers (the survey; for a person link, research mail).
 */
export async function optOutByLink(
  db: KringContext["db"],
  secret: string,
  token: string,
  formData: FormData,
  now: Date,
): Promise<OptOutAnswer> {
  const reading = readUnsubscribeLink(secret, token, now);
  if (!reading.ok) return { kind: "invalid", reason: reading.reason };
  const oneClick = isOneClick(formData);
  let scope: OptOutScope;
  if (oneClick) {
    scope = reading.kind === "member" ? "survey" : "research";
  } else {
    const parsed = parseForm(optOutSchema, formData);
    if (!parsed.ok) return { kind: "refused", ...parsed };
    scope = parsed.data.scope;
  }
  const source = oneClick ? "one-click" : "afmeldlink";
  try {
    if (reading.kind === "member") {
      const { changed } = await optOut(db, reading.memberId, scope, source, now);
      return { kind: "done", scope, changed };
    }
    if (scope === "survey")
      return { kind: "refused", ...formFailure(formData, { scope: messageKey("unsubscribe.errors.chooseScope") }) };
    const { changed } = await optOutPerson(db, reading.personId, scope, source, now);
    return { kind: "done", scope, changed };
  } catch (error) {
    if (error instanceof RecordNotFoundError) return { kind: "invalid", reason: "tampered" };
    throw error;
  }
}
