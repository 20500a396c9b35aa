/**
 * The sort key people are stored with (people.sort_name, kept by the triggers of migration 0006
 * through the SQL function kring_sort_name). It lives here, in the lowest layer, because the
 * database calls it; the app's name helpers (app/services/names.ts) build on it.
 */

/**
 * Lower case without accents: "Santé" and "sante" compare equal. The accents are the combining
 * marks (U+0300–U+036F) that canonical decomposition splits off, a definition PostgreSQL's
 * kring_fold (migration 0006) can follow exactly; letters of their own (ø, ł, ß) stay.
 */
export function foldForComparison(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLocaleLowerCase("nl");
}

export interface SortNameParts {
  last_name: string;
  first_name: string | null;
  initials?: string | null;
  infix: string | null;
}

/**
 * The key a database sorts people on, in the order compareByDutchName gives: the folded achternaam,
 * then first name (or initials), then tussenvoegsel, separated by a character below every letter
 * so that "Berg" comes before "Bergmans" in a plain byte comparison.
 */
export function dutchSortKey(person: SortNameParts): string {
  return [person.last_name, person.first_name ?? person.initials ?? "", person.infix ?? ""]
    .map(foldForComparison)
    .join("\u0001");
}
