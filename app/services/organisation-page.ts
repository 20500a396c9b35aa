import type { FormFailure } from "./form-data";
import type { Notice } from "./notices";

/**
 * The organisation's page: the notices it shows after a change (written by the create and edit
 * pages and by the page's own undo), and what its action answers.
 */

export const ORGANISATION_PAGE_NOTICES = [
  "aangemaakt",
  "opgeslagen",
  "gearchiveerd",
  "hersteld",
  "ongedaan",
] as const satisfies readonly Notice[];
export type OrganisationPageNotice = (typeof ORGANISATION_PAGE_NOTICES)[number];

/** The action's answer when it refuses the undo after archiving (a success redirects). */
export type OrganisationPageAnswer = FormFailure;
