import { z } from "zod";
import { messageKey } from "./form-data";

/**
 * A saved search keeps the people list's filter (search text, organisation, research consent), not
 * its result: whoever uses it later — an event inviting "everyone at GGD Zuid Limburg" — gets the
 * people who match on that day. Stored as JSON in saved_searches.filter.
 */

export const savedSearchFilterSchema = z
  .strictObject({
    q: z.string().trim().min(1).max(200).optional(),
    organisationId: z.number().int().positive().optional(),
    researchConsent: z.literal(true).optional(),
  })
  .refine(
    (filter) => filter.q !== undefined || filter.organisationId !== undefined || filter.researchConsent !== undefined,
    {
      message: messageKey("savedSearches.errors.filterEmpty"),
    },
  );

export type SavedSearchFilter = z.output<typeof savedSearchFilterSchema>;

/** The people list's filter as the list's URL carries it (?q=…&organisatie=…&onderzoek=1), dropping what is not set. */
export function savedSearchFilter(values: {
  q?: string | null;
  organisationId?: number | null;
  researchConsent?: boolean | null;
}) {
  return {
    ...(values.q?.trim() ? { q: values.q.trim() } : {}),
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    ...(values.researchConsent ? { researchConsent: true as const } : {}),
  };
}

/** Whether the people list shows a narrowed list worth saving. */
export function isFilterActive(values: Parameters<typeof savedSearchFilter>[0]): boolean {
  return Object.keys(savedSearchFilter(values)).length > 0;
}

/** The people list showing what the saved search finds today. */
export function peopleListHref(filter: SavedSearchFilter): string {
  const params = new URLSearchParams();
  if (filter.q) params.set("q", filter.q);
  if (filter.organisationId) params.set("organisatie", String(filter.organisationId));
  if (filter.researchConsent) params.set("onderzoek", "1");
  return `/personen?${params}`;
}
