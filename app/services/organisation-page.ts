import type { FormFailure } from "./form-data";

/**
 * The organisation's page: the message it shows after a change, from the redirect that followed
 * it (the create and edit pages and the page's own undo), and what its action answers.
 */

export type OrganisationPageNotice = "created" | "saved" | "archived" | "restored";

/** The message after a change, from the parameters of the redirect that followed it; null for none. */
export function organisationPageNotice(params: URLSearchParams): OrganisationPageNotice | null {
  if (params.get("opgeslagen") === "nieuw") return "created";
  if (params.get("opgeslagen") === "1") return "saved";
  if (params.get("gearchiveerd") === "1") return "archived";
  if (params.get("hersteld") === "1") return "restored";
  return null;
}

/** The action's answer when it refuses the undo after archiving (a success redirects). */
export type OrganisationPageAnswer = FormFailure;
