import type { Language } from "../../db/schema";

/**
 * Text for long lists (a roster of hundreds of rows), made once per page instead of once per
 * row: creating an Intl.DateTimeFormat costs far more than formatting with one, and a translation
 * with a value is looked up and interpolated on every call.
 */

const LOCALES: Record<Language, string> = { nl: "nl-NL", en: "en-GB" };

/** Formats days as formatDay (app/i18n/format.ts) does, with one formatter for all of them. */
export function dayFormatter(language: Language): (isoDay: string) => string {
  const format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "long", timeZone: "UTC" });
  return (isoDay) => {
    const [year, month, day] = isoDay.split("-").map(Number);
    return year && month && day ? format.format(new Date(Date.UTC(year, month - 1, day))) : isoDay;
  };
}

const SLOT = "\u0001";

/**
 * A translation with one value, as a function of that value: translated once with a marker in
 * the value's place, then filled in by joining strings.
 */
export function labelWith(translated: (slot: string) => string): (value: string) => string {
  const [before = "", ...rest] = translated(SLOT).split(SLOT);
  const after = rest.join(SLOT);
  return rest.length === 0 ? () => before : (value) => before + value + after;
}
