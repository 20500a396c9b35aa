import type { Language } from "../../db/schema";

const TIME_ZONE = "Europe/Amsterdam";
const LOCALES: Record<Language, string> = { nl: "nl-NL", en: "en-GB" };

/**
 * One formatter per language and style, made on first use: creating an Intl.DateTimeFormat costs
 * far more than formatting with one, which a list of hundreds of dates notices.
 */
function cachedFormat(options: Intl.DateTimeFormatOptions) {
  const made = new Map<Language, Intl.DateTimeFormat>();
  return (language: Language) => {
    let format = made.get(language);
    if (!format) {
      format = new Intl.DateTimeFormat(LOCALES[language], options);
      made.set(language, format);
    }
    return format;
  };
}
const dayFormat = cachedFormat({ dateStyle: "long", timeZone: "UTC" });
const momentFormat = cachedFormat({ dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE });

/**
 * Days already written, per language: a page repeats the same few hundred days (a roster's history,
 * a meeting list) and formatting one costs microseconds each time. Bounded, as a server serves
 * pages for years: past the bound it starts afresh.
 */
const writtenDays: Record<Language, Map<string, string>> = { nl: new Map(), en: new Map() };
const WRITTEN_DAYS_KEPT = 20_000;

/** A day (ISO `YYYY-MM-DD`) as readers of the language write it: "1 maart 2025". Days have no time zone. */
export function formatDay(isoDay: string | null | undefined, language: Language): string {
  if (!isoDay) return "";
  const written = writtenDays[language];
  let text = written.get(isoDay);
  if (text === undefined) {
    const [year, month, day] = isoDay.split("-").map(Number);
    if (!year || !month || !day) return isoDay;
    text = dayFormat(language).format(new Date(Date.UTC(year, month - 1, day)));
    if (written.size >= WRITTEN_DAYS_KEPT) written.clear();
    written.set(isoDay, text);
  }
  return text;
}

/** A moment (UTC ISO timestamp) in Amsterdam time: "22 november 2026 om 18:31". */
export function formatMoment(isoMoment: string | null | undefined, language: Language): string {
  if (!isoMoment) return "";
  const date = new Date(isoMoment);
  if (Number.isNaN(date.getTime())) return isoMoment;
  return momentFormat(language).format(date);
}

/** en-CA writes days as ISO does (2026-11-22). */
const isoDayInAmsterdam = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE });

/** Today's date in Amsterdam, as an ISO day: the default reference date of rosters. */
export function todayInAmsterdam(now: Date = new Date()): string {
  return isoDayInAmsterdam.format(now);
}
