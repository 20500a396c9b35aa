import { z } from "zod";
import { emailAddress, messageKey } from "./form-data";

/**
 * The unsubscribe pages' forms (browser-safe: the page validates with the same schemas).
 *
 * What an opt-out covers: `survey` the wave whose mail brought the link (a later exclusion from
 * that panel), `research` all research mail (consent for research withdrawn), `news` the network's
 * news (consent for news withdrawn).
 */
export const OPT_OUT_SCOPES = ["survey", "research", "news"] as const;
export type OptOutScope = (typeof OPT_OUT_SCOPES)[number];

/** A person's link (no wave) offers the scopes without a survey. */
export const PERSON_OPT_OUT_SCOPES = ["research", "news"] as const satisfies readonly OptOutScope[];
export type PersonOptOutScope = (typeof PERSON_OPT_OUT_SCOPES)[number];

export const optOutSchema = z.object({
  scope: z.enum(OPT_OUT_SCOPES, { error: messageKey("unsubscribe.errors.chooseScope") }),
});

export const unsubscribeAddressSchema = z.object({ email: emailAddress() });

/**
 * An RFC 8058 one-click unsubscribe: the mail provider's server POSTs exactly this field (and
 * nothing a person chose), so it means the narrowest opt-out the link offers.
 */
export function isOneClick(formData: FormData): boolean {
  return formData.get("List-Unsubscribe") === "One-Click";
}
