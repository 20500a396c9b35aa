import type { TFunction } from "i18next";
import type { SavedSearchFilter } from "./saved-search-filter";

/** The filter in words: "werkt bij GGD Zuid Limburg en heeft toestemming voor onderzoeksmail". */
export function savedSearchFilterInWords(
  search: { parsedFilter: SavedSearchFilter | null; organisation_name: string | null },
  t: TFunction,
): string {
  const filter = search.parsedFilter;
  if (!filter) return t("savedSearches.filter.unreadable");
  const parts: string[] = [];
  if (filter.q) parts.push(t("savedSearches.filter.q", { q: filter.q }));
  if (filter.organisationId) {
    parts.push(
      search.organisation_name
        ? t("savedSearches.filter.organisation", { organisation: search.organisation_name })
        : t("savedSearches.filter.organisationUnknown"),
    );
  }
  if (filter.researchConsent) parts.push(t("savedSearches.filter.researchConsent"));
  return parts.join(t("savedSearches.filter.joiner"));
}
