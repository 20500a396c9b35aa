/** The orders the list of people offers, as they appear in its URL (?sortering=…); shared by page and model. */
export const PEOPLE_SORTS = ["naam", "naam-aflopend", "gewijzigd"] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
