import { pageFrom, positiveIntFrom } from "./list-params";
import { noticeFrom } from "./notices";

/**
 * The frozen panel page's list in the URL: the members' filter and page, the member whose
 * exclusion form is open (`uitsluiten`) and the one the notice after an exclusion names.
 */

/** The list's own parameters, carried from the page through the exclusion form and back. */
const LIST_PARAMS = ["q", "uitgesloten", "pagina"] as const;

export function panelPageParams(params: URLSearchParams) {
  return {
    filter: {
      q: params.get("q")?.trim() || undefined,
      excludedOnly: params.get("uitgesloten") === "1",
      page: pageFrom(params),
    },
    excludeId: positiveIntFrom(params, "uitsluiten"),
    noticeId: noticeFrom(params, ["uitgesloten"]) ? positiveIntFrom(params, "id") : undefined,
  };
}

/** The list's parameters as a query string (without "?"). */
export function panelListSearch(params: URLSearchParams): string {
  const search = new URLSearchParams();
  for (const name of LIST_PARAMS) {
    const value = params.get(name);
    if (value) search.set(name, value);
  }
  return search.toString();
}

/** The link that opens a member's exclusion form below the filter, the list staying where it was. */
export function exclusionFormHref(base: string, listSearch: string, personId: number): string {
  const search = new URLSearchParams([...new URLSearchParams(listSearch), ["uitsluiten", String(personId)]]);
  return `${base}?${search}#uitsluiten`;
}
