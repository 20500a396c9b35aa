import { foldForComparison } from "./sort-name";

/**
 * The keys people are looked up by when Kring searches for likely duplicates (people.surname_key
 * and people.phone_key, kept by the triggers of migration 0015 through the SQL functions
 * kring_surname_key and kring_phone_key). They live here, in the lowest layer, because the database
 * calls them; PostgreSQL has the same rules in PL/pgSQL (tests/integration/duplicates.test.ts
 * compares the two).
 */

/** What Dutch names glue onto an achternaam ("Vandenberg", "Terhorst", "Opdenkamp"). */
const LEADING_PARTICLE = /^(van|von|der|den|het|ter|ten|vd|de|te|op)/;
/** Separators inside names and numbers; an explicit set, so PostgreSQL can follow it exactly. */
const NAME_SEPARATORS = /[ \t.,'’‘`-]/g;
/** A block key shorter than this after stripping would lump unrelated names together. */
const SHORTEST_CORE = 3;

/**
 * The achternaam without separators, accents, case or glued-on tussenvoegsels: "Vandenberg",
 * "van den Berg" (typed as the achternaam) and "Berg" all give "berg". It is a block key: people
 * with the same key are compared with each other, the score then decides.
 */
export function surnameKey(lastName: string | null | undefined): string {
  let key = foldForComparison(lastName ?? "").replace(NAME_SEPARATORS, "");
  for (;;) {
    const particle = LEADING_PARTICLE.exec(key)?.[0];
    if (!particle || key.length - particle.length < SHORTEST_CORE) return key;
    key = key.slice(particle.length);
  }
}

/** Shorter than this, a "phone number" is an extension or a typo, not something to match on. */
const SHORTEST_PHONE = 6;

/**
 * A phone number as dialled from the Netherlands, digits only: "+31 6 1234 5678", "0031-6-12345678",
 * "+31 (0)6 12345678" and "06-12 34 56 78" all give "0612345678". Empty when there is no usable number.
 */
export function phoneKey(phone: string | null | undefined): string {
  let key = (phone ?? "").replaceAll("(0)", "").replace(/[^0-9+]/g, "");
  if (key.startsWith("+31")) key = `0${key.slice(3)}`;
  else if (key.startsWith("0031")) key = `0${key.slice(4)}`;
  else if (key.startsWith("+")) key = `00${key.slice(1)}`;
  key = key.replace(/\+/g, "");
  return key.length < SHORTEST_PHONE ? "" : key;
}
